// The hub the load test drives on this machine: the built API and worker as production runs them
// (NODE_ENV=production, two-factor sign-in enforced, behind a proxy that sets X-Forwarded-For),
// on a database of their own filled with the generated network, a Redis prefix of their own, and
// an SMTP sink that takes the mail. The API and the worker listen with the V8 inspector on loopback ports so
// that a step can be profiled while it runs.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import webpush from 'web-push';
import { freePort } from '../../libs/server/testing/src/free-port.ts';
import { generateNetwork } from './network.mjs';

// The build (dist/server) and tools/db.mjs: this checkout's, or those of CONVENE_BUILD_ROOT.
const root = process.env.CONVENE_BUILD_ROOT || join(import.meta.dirname, '../..');
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Deletes every Redis key under `prefix` in the database of `redisUrl`. */
export async function clearRedis(redisUrl, prefix) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

function dropDatabase(databaseUrl) {
  const url = new URL(databaseUrl);
  spawnSync(
    'psql',
    [
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      url.username || 'postgres',
      '-q',
      '-c',
      `drop database if exists ${url.pathname.slice(1)} with (force)`,
    ],
    { stdio: 'ignore' },
  );
}

/** A migrated database with the demo seed and the generated network; returns the manifest. */
export async function prepareNetwork({ databaseUrl, dataDir, scale, people, log }) {
  dropDatabase(databaseUrl);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SEED_DEMO: 'true' };
  for (const task of ['migrate', 'seed']) {
    const run = spawnSync(process.execPath, [join(root, 'tools/db.mjs'), task], { env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`db ${task} failed:\n${run.stderr}`);
  }
  const started = performance.now();
  const manifest = await generateNetwork({ databaseUrl, dataDir, scale, people, log });
  manifest.generatedInSeconds = (performance.now() - started) / 1000;
  // Which group hosts each open event: its convenors are told of each registration.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows } = await db.query(
    'select f.meeting_id, m.group_id from event_forms f join meetings m on m.id = f.meeting_id',
  );
  await db.end();
  const hosts = new Map(rows.map((r) => [r.meeting_id, r.group_id]));
  for (const event of manifest.events) event.groupId = hosts.get(event.meetingId);
  return manifest;
}

function spawnLogged(args, env, logFile) {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return child;
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

function stopChild(child, ms = 15_000) {
  return new Promise((resolve) => {
    if (exited(child)) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the SMTP sink, the API and the worker on the prepared database. Returns where they are
 * and `stop()`.
 */
export async function startHub({ databaseUrl, redisUrl, redisPrefix, dataDir, outDir, inspect = true }) {
  await clearRedis(redisUrl, redisPrefix);
  const [port, apiMetrics, workerMetrics, inspector, workerInspector, smtp] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const sink = spawn(process.execPath, [join(import.meta.dirname, 'smtp-sink.mjs'), String(smtp)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => sink.stdout.once('data', resolve));
  const origin = `http://127.0.0.1:${port}`;
  const vapid = webpush.generateVAPIDKeys();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: origin,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    DATA_DIR: dataDir,
    SMTP_URL: `smtp://127.0.0.1:${smtp}`,
    // Production refuses to start without a VAPID key pair.
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    TRUST_PROXY: 'loopback',
    METRICS_PORT: String(apiMetrics),
    WORKER_METRICS_PORT: String(workerMetrics),
    LOG_LEVEL: 'warn',
  };
  const api = spawnLogged(
    [...(inspect ? [`--inspect=127.0.0.1:${inspector}`] : []), join(root, 'dist/server/apps/api/src/main.js')],
    env,
    join(outDir, 'api.log'),
  );
  const worker = spawnLogged(
    [...(inspect ? [`--inspect=127.0.0.1:${workerInspector}`] : []), join(root, 'dist/server/apps/worker/src/main.js')],
    env,
    join(outDir, 'worker.log'),
  );
  const hub = {
    origin,
    api,
    worker,
    apiMetricsUrl: `http://127.0.0.1:${apiMetrics}/metrics`,
    workerMetricsUrl: `http://127.0.0.1:${workerMetrics}/metrics`,
    inspectorPort: inspect ? inspector : null,
    workerInspectorPort: inspect ? workerInspector : null,
    async stop() {
      await Promise.all([stopChild(api), stopChild(worker)]);
      sink.kill('SIGTERM');
    },
  };
  const up = async (url) =>
    fetch(url).then(
      (r) => r.ok,
      () => false,
    );
  for (let i = 0; i < 300; i++) {
    if (exited(api) || exited(worker)) break;
    if ((await up(`${origin}/health/ready`)) && (await up(hub.workerMetricsUrl))) {
      writeFileSync(join(outDir, 'hub.json'), JSON.stringify({ origin, api: api.pid, worker: worker.pid }, null, 2));
      return hub;
    }
    await wait(200);
  }
  await hub.stop();
  throw new Error(`the hub did not start; see ${outDir}/api.log and ${outDir}/worker.log`);
}
