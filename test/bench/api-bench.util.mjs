// What the API benchmarks share: a migrated and seeded database of their own, the built API started
// on it, latency sampling and the API's resident memory. Figures are printed, never asserted.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '../..');

/** The environment of a benchmark API: its own database, Redis prefix and port, the demo data, no sign-in limits. */
export function benchEnv({ port, database, prefix }) {
  return {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    REDIS_URL: 'redis://127.0.0.1:6379/13',
    REDIS_PREFIX: prefix,
    SEED_DEMO: 'true',
    SIGNIN_LIMIT_PER_ACCOUNT: '10000',
    SIGNIN_LIMIT_PER_ADDRESS: '100000',
  };
}

/** Drops and recreates the benchmark's database, migrated and seeded with the demo network. */
export function freshDatabase(env, database) {
  dropDatabase(database);
  for (const task of ['migrate', 'seed']) {
    const run = spawnSync(process.execPath, [join(root, 'tools/db.mjs'), task], { env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`db ${task} failed:\n${run.stderr}`);
  }
}

export function dropDatabase(database) {
  spawnSync(
    'psql',
    ['-h', '127.0.0.1', '-U', 'postgres', '-q', '-c', `drop database if exists ${database} with (force)`],
    { stdio: 'ignore' },
  );
}

/** The built API on the benchmark's environment, once it answers /health/ready. */
export async function startApi(env) {
  const api = spawn(process.execPath, [join(root, 'dist/server/apps/api/src/main.js')], { env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${env.PORT}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { api, url };
}

/** Runs `run` `count` times one after another and prints the latency percentiles. */
export async function time(label, count, run, width = 44) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const pct = (p) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))].toFixed(1);
  console.log(
    `${label.padEnd(width)} n=${count}  p50 ${pct(50)} ms  p95 ${pct(95)} ms  max ${samples.at(-1).toFixed(1)} ms`,
  );
}

export function residentMiB(pid) {
  return Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim()) / 1024;
}

/** The thread page's query (as the web asks it), for benchmarks that read a thread. */
export const THREAD_PAGE_QUERY = `query Thread($id: ID!, $first: Int!) { thread(id: $id) {
  id title tags replyCount lastActivityAt createdAt locked pinned unreadCount readCount author { id displayName }
  firstUnreadPostId notificationLevel viewerCanModerate group { id slug name }
  posts(first: $first) {
    nodes { id threadId parentId depth body bodyHtml createdAt editedAt deleted viewerIsAuthor hidden { reason hiddenAt } reactions { reaction count mine } author { id displayName } }
    endCursor hasNextPage
  }
} }`;
