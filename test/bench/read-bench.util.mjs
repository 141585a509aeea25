// The read-path benchmarks' method, shared: a page's GraphQL request against the built API, and the
// same JSON from a bare node:http + pg server running hand-written SQL (the baseline), on a database
// of the benchmark's own. Each server is driven by autocannon at a fixed concurrency to find its
// maximum throughput, then at half of it twice: with autocannon's overallRate, which sends each
// second's requests in a burst, and evenly spaced. Prints throughput, latency, SQL statements and
// CPU time per request, the API's memory and, with --profile, where the API's CPU time went during
// its maximum-throughput run. Asserts nothing; exits 1 only when the two servers' answers differ, as
// then the comparison means nothing.
//
// A benchmark file calls readBench() at its top level. It runs as the benchmark when started by a
// person, and as the baseline server when readBench() started it with --serve-baseline.
//   options: --connections=10 --duration=10 --profile (CPU profile of the API's maximum run)
//   CONVENE_BUILD_ROOT=<a built checkout> measures that checkout's API with this benchmark.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { printProfile, profileProcess } from '../load/profile.mjs';

const wait = (ms) => new Promise((r) => setTimeout(r, ms));
const root = join(import.meta.dirname, '../..');
const buildRoot = process.env.CONVENE_BUILD_ROOT ?? root;

/**
 * @param {object} bench
 * @param {string} bench.title what is measured, printed with the figures
 * @param {string} bench.database the benchmark's own database (dropped and made again)
 * @param {number} bench.port the API's port; the baseline takes the next one, the inspector the one after
 * @param {string} bench.redisDb the Redis database number for the API
 * @param {(db: pg.Client) => Promise<object>} bench.seed adds the benchmark's rows to the migrated demo hub; answers what the request needs
 * @param {string} bench.viewerEmail who signs in to the API (the demo password)
 * @param {(seeded: object) => {query: string, variables?: object}} bench.request the GraphQL request
 * @param {(seeded: object) => object} bench.baselineRequest the JSON body the baseline gets (the viewer comes by id)
 * @param {(pool: pg.Pool, body: object) => Promise<object>} bench.answer the baseline's `data` for a body
 * @param {(data: object) => unknown} [bench.compare] the part of both answers that must be equal (default: all)
 * @param {(data: object) => string} [bench.describe] one line on what the answer holds
 */
export async function readBench(bench) {
  if (process.argv[2] === '--serve-baseline') return serveBaseline(bench, Number(process.argv[3]));
  return main(bench);
}

function serveBaseline(bench, port) {
  const pool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:5432/${bench.database}`, max: 10 });
  const http = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      try {
        const data = await bench.answer(pool, JSON.parse(body));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });
  http.listen(port, '127.0.0.1', () => console.log('ready'));
}

async function main(bench) {
  const option = (name, fallback) =>
    Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const connections = option('connections', 10);
  const duration = option('duration', 10);
  // --profile prints where the API's time went; --profile=FILE also keeps the .cpuprofile there.
  const profileArg = process.argv.find((a) => a === '--profile' || a.startsWith('--profile='));
  const profile = !!profileArg;
  const warmup = 3;
  const apiPort = bench.port;
  const baselinePort = bench.port + 1;
  const inspectPort = bench.port + 2;
  const { database, redisDb } = bench;
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${database}`;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    DATABASE_URL: databaseUrl,
    REDIS_URL: `redis://127.0.0.1:6379/${redisDb}`,
    REDIS_PREFIX: `convene-bench-${database}`,
    SEED_DEMO: 'true',
    SIGNIN_LIMIT_PER_ACCOUNT: '10000',
    SIGNIN_LIMIT_PER_ADDRESS: '100000',
  };

  // ── data ──
  spawnSync(
    'psql',
    ['-h', '127.0.0.1', '-U', 'postgres', '-q', '-c', `drop database if exists ${database} with (force)`],
    { stdio: 'ignore' },
  );
  spawnSync('redis-cli', ['-n', redisDb, 'flushdb'], { stdio: 'ignore' });
  for (const task of ['migrate', 'seed']) {
    const run = spawnSync(process.execPath, [join(buildRoot, 'tools/db.mjs'), task], {
      env,
      encoding: 'utf8',
      cwd: buildRoot,
    });
    if (run.status !== 0) throw new Error(`db ${task} failed:\n${run.stderr}`);
  }
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const seedStarted = performance.now();
  const seeded = await bench.seed(db);
  await db.query('vacuum (analyze)');
  console.log(
    `seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s${seeded.summary ? `: ${seeded.summary}` : ''}`,
  );

  // ── servers ──
  for (const port of [apiPort, baselinePort]) {
    // A server left over from an interrupted run would answer in place of the one started here.
    if (
      await fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      )
    )
      throw new Error(`port ${port} is in use; stop what listens there first`);
  }
  const nodeArgs = profile ? [`--inspect=127.0.0.1:${inspectPort}`] : [];
  const api = spawn(process.execPath, [...nodeArgs, join(buildRoot, 'dist/server/apps/api/src/main.js')], {
    env,
    cwd: buildRoot,
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const baseline = spawn(process.execPath, [process.argv[1], '--serve-baseline', String(baselinePort)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stopAll = () => {
    api.kill('SIGTERM');
    baseline.kill('SIGTERM');
  };
  process.on('exit', stopAll);
  await new Promise((resolve) => baseline.stdout.once('data', resolve));
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  for (
    let i = 0;
    i < 150 &&
    !(await fetch(`${apiUrl}/health/ready`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  )
    await wait(200);

  const signIn = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: SignInInput!) { signIn(input: $i) { id } }',
      variables: { i: { email: bench.viewerEmail, password: env.DEMO_PASSWORD ?? 'convene-demo-pass' } },
    }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed: ${await signIn.text()}`);

  const ours = {
    name: 'API (GraphQL)',
    url: `${apiUrl}/graphql`,
    // application/json makes it a preflighted request for Apollo's CSRF prevention.
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(bench.request(seeded)),
    pid: () => api.pid,
  };
  const bare = {
    name: 'baseline (node:http + pg)',
    url: `http://127.0.0.1:${baselinePort}/`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(bench.baselineRequest(seeded)),
    pid: () => baseline.pid,
  };
  const ask = async (target) =>
    (await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body })).json();

  // ── the same answer from both ──
  const [fromApi, fromBaseline] = await Promise.all([ask(ours), ask(bare)]);
  if (fromApi.errors) throw new Error(`the API answered with errors: ${JSON.stringify(fromApi.errors)}`);
  const compare = bench.compare ?? ((data) => data);
  const a = JSON.stringify(compare(fromApi.data));
  const b = JSON.stringify(compare(fromBaseline.data));
  if (a !== b) {
    console.log('the API and the baseline answer differently:');
    console.log(`API:      ${a.slice(0, 2000)}\nbaseline: ${b.slice(0, 2000)}`);
    process.exit(1);
  }
  console.log(
    `answers match (${Buffer.byteLength(JSON.stringify(fromApi))} bytes)${bench.describe ? `: ${bench.describe(fromApi.data)}` : ''}`,
  );

  // ── SQL statements per request, from PostgreSQL's own counters (each statement outside a transaction commits one) ──
  const sqlPerRequest = async (target, requests = 50) => {
    // A backend reports its counters when idle, at most 10 s later.
    const counters = async () => {
      await wait(11_000);
      const {
        rows: [row],
      } = await db.query('select xact_commit::int as n from pg_stat_database where datname = current_database()');
      const { rows: tables } = await db.query(
        'select relname, (coalesce(idx_scan, 0) + coalesce(seq_scan, 0))::int as scans from pg_stat_user_tables',
      );
      return { commits: row.n, tables: new Map(tables.map((t) => [t.relname, t.scans])) };
    };
    const before = await counters();
    for (let i = 0; i < requests; i++) await ask(target);
    const after = await counters();
    const statements = (after.commits - before.commits - 2) / requests; // less this client's own two
    const tables = [...after.tables]
      .map(([name, scans]) => [name, (scans - (before.tables.get(name) ?? 0)) / requests])
      .filter(([, scans]) => scans > 0)
      .sort((x, y) => y[1] - x[1])
      .map(([name, scans]) => `${name} ${+scans.toFixed(2)}`);
    return `${statements.toFixed(1)} statements (index and table scans per request: ${tables.join(', ')})`;
  };
  const apiStatements = await sqlPerRequest(ours);
  const baselineStatements = await sqlPerRequest(bare);

  // ── load ──
  const measure = measurer(database);
  const fire = (target, seconds, rate) =>
    measure(target, async () => {
      const result = await autocannon({
        url: target.url,
        method: 'POST',
        headers: target.headers,
        body: target.body,
        connections,
        duration: seconds,
        // autocannon's correction for coordinated omission assumes a 1 ms interval between requests
        // whatever the rate, and adds a made-up sample at every millisecond below each real one,
        // which pulls the percentiles down; the latencies printed here are the measured ones.
        ...(rate ? { overallRate: rate, ignoreCoordinatedOmission: true } : {}),
        verifyBody: (text) => !text.includes('"errors"'),
      });
      return {
        done: result['2xx'],
        rps: result['2xx'] / result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        failed: result.errors + result.timeouts + result.non2xx + result.mismatches,
      };
    });
  const ms = (value) => (Number.isInteger(value) ? String(value) : value.toFixed(1)).padStart(5);
  const line = (label, r) =>
    `  ${label.padEnd(34)} ${r.rps.toFixed(0).padStart(5)} req/s   p50 ${ms(r.p50)} ms   p99 ${ms(r.p99)} ms${r.failed ? `   ${r.failed} failed` : ''}\n` +
    `  ${''.padEnd(34)} CPU per request: server ${r.cpu.toFixed(2)} ms, PostgreSQL ${r.pgCpu.toFixed(2)} ms, load generator ${r.clientCpu.toFixed(2)} ms; other processes ${(100 * r.others).toFixed(0)}% of the machine`;

  await fire(ours, warmup);
  const profiled = profile ? profileProcess(inspectPort, Math.max(1, duration - 1)) : null;
  const oursMax = await fire(ours, duration);
  const cpuProfile = profiled ? await profiled : null;
  await fire(bare, warmup);
  const bareMax = await fire(bare, duration);
  const oursRate = Math.round(oursMax.rps / 2);
  const bareRate = Math.round(bareMax.rps / 2);
  const oursHalf = await fire(ours, duration, oursRate);
  const bareHalf = await fire(bare, duration, bareRate);
  const oursPaced = await paced(measure, ours, oursRate, duration, connections);
  const barePaced = await paced(measure, bare, bareRate, duration, connections);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))[1]) / 1024;
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

  await db.end();
  stopAll();
  spawnSync('redis-cli', ['-n', redisDb, 'flushdb'], { stdio: 'ignore' });

  const ratio = oursMax.rps / bareMax.rps;
  const met = (ok) => (ok ? 'met' : 'NOT met');
  console.log(`${bench.title}; ${connections} connections, ${duration} s per run after a ${warmup} s warm-up`);
  console.log(`SQL per request  API: ${apiStatements}`);
  console.log(`                 baseline: ${baselineStatements}`);
  console.log('maximum throughput (autocannon)');
  console.log(line(ours.name, oursMax));
  console.log(line(bare.name, bareMax));
  console.log(
    `  ratio API/baseline ${ratio.toFixed(2)}   required ≥ 0.35: ${met(ratio >= 0.35)}, aim ≥ 0.5: ${met(ratio >= 0.5)}`,
  );
  console.log(
    "at half of each one's maximum, autocannon overallRate (each connection sends its second's share back to back as the second starts)",
  );
  console.log(line(`${ours.name} @ ${oursRate}/s`, oursHalf));
  console.log(line(`${bare.name} @ ${bareRate}/s`, bareHalf));
  console.log(
    `  target p99 ≤ 50 ms at half of max throughput: API ${met(oursHalf.p99 <= 50)}, baseline ${met(bareHalf.p99 <= 50)}`,
  );
  console.log("at half of each one's maximum, evenly spaced (open loop, latency from each request's due time)");
  console.log(line(`${ours.name} @ ${oursRate}/s`, oursPaced));
  console.log(line(`${bare.name} @ ${bareRate}/s`, barePaced));
  console.log(
    `  target p99 ≤ 50 ms at half of max throughput: API ${met(oursPaced.p99 <= 50)}, baseline ${met(barePaced.p99 <= 50)}`,
  );
  console.log(`API resident memory after the runs (VmRSS): ${rss.toFixed(0)} MiB`);
  console.log(
    `load average at the end: ${load} on ${availableParallelism()} cores (API, baseline, PostgreSQL and the load generator share them)`,
  );
  if (cpuProfile && profileArg.includes('=')) writeFileSync(profileArg.split('=')[1], JSON.stringify(cpuProfile));
  if (cpuProfile) printProfile(cpuProfile, 'API CPU profile of the maximum-throughput run');
  process.exit(0);
}

/** Runs a load and adds CPU time per answered request (server, PostgreSQL) and others' share of the machine. */
function measurer(database) {
  // CPU time (user + system) of a process, and of the PostgreSQL backends serving this database.
  const cpuMs = (pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  };
  const backendsCpu = () => {
    const total = new Map();
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) total.set(pid, cpuMs(pid));
      } catch {
        // gone meanwhile
      }
    }
    return total;
  };
  // The machine's busy time from /proc/stat, to show how much of it went to other processes (and to
  // the hypervisor: steal). Interrupt time is left out, most of it is this benchmark's own traffic.
  const machineBusyMs = () => {
    const [user, nice, system, , , , , steal] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (user + nice + system + steal) * (1000 / 100);
  };
  const selfMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  return async (target, load) => {
    const before = {
      server: cpuMs(target.pid()),
      pg: backendsCpu(),
      self: selfMs(),
      machine: machineBusyMs(),
      at: performance.now(),
    };
    const result = await load();
    const pg = [...backendsCpu()].reduce((sum, [pid, ms]) => sum + ms - (before.pg.get(pid) ?? 0), 0);
    const server = cpuMs(target.pid()) - before.server;
    const self = selfMs() - before.self;
    const others = machineBusyMs() - before.machine - server - pg - self;
    const available = (performance.now() - before.at) * availableParallelism();
    return {
      ...result,
      cpu: server / result.done,
      pgCpu: pg / result.done,
      clientCpu: self / result.done,
      others: Math.max(0, others / available),
    };
  };
}

/**
 * Requests at evenly spaced moments (open loop) over `connections` kept-alive sockets, written as
 * prepared bytes as autocannon does (node:http's client costs more CPU than the server under
 * test). Each latency runs from the moment the request was due, so a server that falls behind
 * is charged for the wait.
 */
function paced(measure, target, rate, seconds, connections) {
  return measure(target, async () => {
    const { hostname, port, pathname } = new URL(target.url);
    const headers = Object.entries({
      ...target.headers,
      host: `${hostname}:${port}`,
      'content-length': Buffer.byteLength(target.body),
    });
    const message = Buffer.from(
      `POST ${pathname} HTTP/1.1\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${target.body}`,
    );
    const total = Math.round(rate * seconds);
    const latencies = [];
    const due = [];
    const idle = [];
    let failed = 0;
    let lost = 0;
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    // Sockets take turns (first idle, first used), so none idles long enough for the server to close it.
    const dispatch = () => {
      while (due.length && idle.length) {
        const client = idle.shift();
        client.due = due.shift();
        client.socket.write(message);
      }
    };
    const clients = await Promise.all(
      Array.from(
        { length: connections },
        () =>
          new Promise((resolve, reject) => {
            const client = {
              socket: connect({ host: hostname, port: Number(port), noDelay: true }, () => resolve(client)),
              due: 0,
            };
            client.socket.on('error', reject);
            let buffered = Buffer.alloc(0);
            client.socket.on('data', (chunk) => {
              buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
              const headEnd = buffered.indexOf('\r\n\r\n');
              if (headEnd < 0) return;
              const head = buffered.subarray(0, headEnd).toString('latin1');
              const length = /\r\ncontent-length: *(\d+)/i.exec(head);
              const end = length ? headEnd + 4 + Number(length[1]) : buffered.indexOf('\r\n0\r\n\r\n', headEnd) + 7;
              if (end < 7 || buffered.length < end) return;
              if (!head.startsWith('HTTP/1.1 200') || buffered.subarray(headEnd, end).includes('"errors"')) failed++;
              latencies.push(performance.now() - client.due);
              client.due = 0;
              buffered = buffered.subarray(end);
              idle.push(client);
              if (latencies.length + lost === total) finish();
              else dispatch();
            });
            // A socket the server closes is left out; a request it carried counts as failed.
            client.socket.on('close', () => {
              if (idle.includes(client)) idle.splice(idle.indexOf(client), 1);
              if (client.due && ++lost + latencies.length === total) finish();
              client.due = 0;
            });
            idle.push(client);
          }),
      ),
    );
    const interval = 1000 / rate;
    const started = performance.now();
    for (let i = 0; i < total;) {
      const now = performance.now();
      for (; i < total && started + i * interval <= now; i++) due.push(started + i * interval);
      dispatch();
      await wait(Math.max(0, started + i * interval - performance.now()));
    }
    await Promise.race([finished, wait(30_000)]);
    const answered = latencies.length;
    const elapsed = (performance.now() - started) / 1000;
    for (const client of clients) client.socket.removeAllListeners('close').destroy();
    latencies.sort((x, y) => x - y);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    return { done: answered, rps: answered / elapsed, p50: at(0.5), p99: at(0.99), failed: failed + total - answered };
  });
}
