// Benchmark: a working group's page (its 20 latest discussions with authors and the viewer's
// unread counts) in a group of 10,000 discussions and 200,000 posts, under load, against a bare
// node:http + pg server answering the same JSON from hand-written SQL. Prints throughput, latency,
// SQL statements and CPU time per request and the API's memory; asserts nothing (it exits 1 only
// when the two servers' answers differ, as then the comparison means nothing).
//   node tools/build-server.mjs && node test/bench/discussions-read.bench.mjs [threads=10000] [posts=200000] [--connections=10] [--duration=10]
// Each server is driven by autocannon at a fixed concurrency to find its maximum throughput, then
// at half of it twice: with autocannon's overallRate, which sends each second's requests in a
// burst, and evenly spaced. The API, the baseline, PostgreSQL and the load generator share this
// machine's cores: the figures are for this machine, the ratio between the two servers is the
// comparable part.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const database = 'convene_bench_discussions';
const databaseUrl = `postgres://postgres@127.0.0.1:5432/${database}`;
const slug = 'bench-discussions';
const wait = (ms) => new Promise((r) => setTimeout(r, ms));

// ── the baseline: this file, started as its own process ──
if (process.argv[2] === '--serve-baseline') {
  serveBaseline(Number(process.argv[3]));
} else {
  await main();
}

/**
 * The same answer as the GraphQL query, from two statements on a pg.Pool (as large as the API's):
 * the group with the viewer's membership, then the page of threads with authors and read counts.
 * The viewer comes by id in the body, where the API resolves a session cookie.
 */
function serveBaseline(port) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const groupSql = `select g.id, g.name, g.purpose, m.status
    from working_groups g left join memberships m on m.group_id = g.id and m.user_id = $2
    where g.slug = $1`;
  const threadsSql = `select t.id, t.title, t.post_count - 1 as "replyCount", t.last_activity_at as "lastActivityAt",
      t.post_count - least(coalesce(r.read_count, 0), t.post_count) as "unreadCount", u.id as author_id, u.display_name
    from threads t
    join users u on u.id = t.author_id
    left join thread_reads r on r.thread_id = t.id and r.user_id = $2
    where t.group_id = $1
    order by t.pinned desc, t.last_activity_at desc, t.id desc
    limit $3`;
  const http = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      try {
        const { slug, viewerId, first = 20 } = JSON.parse(body);
        const { rows: [group] } = await pool.query(groupSql, [slug, viewerId]);
        let workingGroup = null;
        if (group) {
          let threads = null;
          if (group.status === 'ACTIVE') {
            const { rows } = await pool.query(threadsSql, [group.id, viewerId, first]);
            threads = {
              nodes: rows.map((t) => ({
                id: t.id,
                title: t.title,
                replyCount: t.replyCount,
                lastActivityAt: t.lastActivityAt,
                unreadCount: t.unreadCount,
                author: { id: t.author_id, displayName: t.display_name },
              })),
            };
          }
          workingGroup = { id: group.id, name: group.name, purpose: group.purpose, threads };
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { workingGroup } }));
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });
  http.listen(port, '127.0.0.1', () => console.log('ready'));
}

async function main() {
  const root = join(import.meta.dirname, '../..');
  const [threadCount = 10_000, postCount = 200_000] = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
  const option = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const connections = option('connections', 10);
  const duration = option('duration', 10);
  const warmup = 3;
  const apiPort = 3393;
  const baselinePort = 3394;
  const redisDb = '12';
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    DATABASE_URL: databaseUrl,
    REDIS_URL: `redis://127.0.0.1:6379/${redisDb}`,
    REDIS_PREFIX: 'convene-bench-discussions',
    SEED_DEMO: 'true',
  };

  // ── data ──
  spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-q', '-c', `drop database if exists ${database} with (force)`], { stdio: 'ignore' });
  spawnSync('redis-cli', ['-n', redisDb, 'flushdb'], { stdio: 'ignore' });
  for (const task of ['migrate', 'seed']) {
    const run = spawnSync(process.execPath, [join(root, 'tools/db.mjs'), task], { env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`db ${task} failed:\n${run.stderr}`);
  }
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const seedStarted = performance.now();
  const viewer = await seed(db, threadCount, postCount);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const { rows: [shape] } = await db.query(
    `select count(*)::int as threads, sum(post_count)::int as posts, max(post_count)::int as longest,
       (percentile_cont(0.5) within group (order by post_count))::int as median
     from threads where group_id = $1`,
    [viewer.groupId],
  );
  console.log(`seeded in ${seedSeconds.toFixed(1)} s: ${shape.threads} discussions, ${shape.posts} posts (median ${shape.median} per discussion, longest ${shape.longest}), 201 members`);

  // ── servers ──
  for (const port of [apiPort, baselinePort]) {
    // A server left over from an interrupted run would answer in place of the one started here.
    if (await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false)) throw new Error(`port ${port} is in use; stop what listens there first`);
  }
  const api = spawn(process.execPath, [join(root, 'dist/server/apps/api/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const baseline = spawn(process.execPath, [import.meta.filename, '--serve-baseline', String(baselinePort)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stopAll = () => {
    api.kill('SIGTERM');
    baseline.kill('SIGTERM');
  };
  process.on('exit', stopAll);
  await new Promise((resolve) => baseline.stdout.once('data', resolve));
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const baselineUrl = `http://127.0.0.1:${baselinePort}/group`;
  for (let i = 0; i < 100 && !(await fetch(`${apiUrl}/health/ready`).then((r) => r.ok, () => false)); i++) await wait(200);

  const signIn = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: SignInInput!) { signIn(input: $i) { id } }',
      variables: { i: { email: 'member@example.org', password: env.DEMO_PASSWORD ?? 'convene-demo-pass' } },
    }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed: ${await signIn.text()}`);

  const query = `query G($slug: String!) { workingGroup(slug: $slug) { id name purpose threads(first: 20) { nodes { id title replyCount lastActivityAt unreadCount author { id displayName } } } } }`;
  const ours = {
    name: 'API (GraphQL)',
    url: `${apiUrl}/graphql`,
    // application/json makes it a preflighted request for Apollo's CSRF prevention.
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables: { slug } }),
  };
  const bare = {
    name: 'baseline (node:http + pg)',
    url: baselineUrl,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ slug, viewerId: viewer.userId }),
  };
  const ask = async (target) => (await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body })).json();

  // ── the same answer from both ──
  const [fromApi, fromBaseline] = await Promise.all([ask(ours), ask(bare)]);
  if (fromApi.errors) throw new Error(`the API answered with errors: ${JSON.stringify(fromApi.errors)}`);
  const summary = (answer) =>
    answer.data.workingGroup.threads.nodes.map((t) => ({ ...t, lastActivityAt: new Date(t.lastActivityAt).toISOString() }));
  const a = summary(fromApi);
  const b = summary(fromBaseline);
  const unread = a.map((t) => t.unreadCount);
  if (JSON.stringify(a.map((t) => [t.id, t.unreadCount])) !== JSON.stringify(b.map((t) => [t.id, t.unreadCount]))) {
    console.log('the API and the baseline list different discussions or unread counts:');
    console.log(JSON.stringify({ api: a.map((t) => [t.id, t.unreadCount]), baseline: b.map((t) => [t.id, t.unreadCount]) }, null, 1));
    process.exit(1);
  }
  if (JSON.stringify(a) !== JSON.stringify(b) || JSON.stringify(fromApi.data.workingGroup.name) !== JSON.stringify(fromBaseline.data.workingGroup.name)) {
    console.log('the API and the baseline agree on discussions and unread counts but not on the other fields:');
    console.log(JSON.stringify({ api: a[0], baseline: b[0] }, null, 1));
    process.exit(1);
  }
  console.log(`answers match: the same ${a.length} discussions in the same order, unread counts ${unread.join(' ')}`);

  // ── SQL statements per request, from PostgreSQL's own counters (each statement outside a transaction commits one) ──
  const sqlPerRequest = async (target, requests = 50) => {
    // A backend reports its counters when idle, at most 10 s later.
    const counters = async () => {
      await wait(11_000);
      const { rows: [row] } = await db.query('select xact_commit::int as n from pg_stat_database where datname = current_database()');
      const { rows: tables } = await db.query('select relname, (coalesce(idx_scan, 0) + coalesce(seq_scan, 0))::int as scans from pg_stat_user_tables');
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
    const [user, nice, system, , , , , steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
    return (user + nice + system + steal) * (1000 / 100);
  };
  const selfMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  /** Runs a load and adds CPU time per answered request (server, PostgreSQL) and others' share of the machine. */
  const measured = async (target, load) => {
    const before = { server: cpuMs(target.pid()), pg: backendsCpu(), self: selfMs(), machine: machineBusyMs(), at: performance.now() };
    const result = await load();
    const pg = [...backendsCpu()].reduce((sum, [pid, ms]) => sum + ms - (before.pg.get(pid) ?? 0), 0);
    const server = cpuMs(target.pid()) - before.server;
    const self = selfMs() - before.self;
    const others = machineBusyMs() - before.machine - server - pg - self;
    const available = ((performance.now() - before.at) * availableParallelism());
    return { ...result, cpu: server / result.done, pgCpu: pg / result.done, clientCpu: self / result.done, others: Math.max(0, others / available) };
  };
  const fire = (target, seconds, rate) =>
    measured(target, async () => {
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
  /**
   * Requests at evenly spaced moments (open loop) over `connections` kept-alive sockets, written as
   * prepared bytes as autocannon does (node:http's client costs more CPU than the server under
   * test). Each latency runs from the moment the request was due, so a server that falls behind
   * is charged for the wait.
   */
  const paced = (target, rate, seconds) =>
    measured(target, async () => {
      const { hostname, port, pathname } = new URL(target.url);
      const headers = Object.entries({ ...target.headers, host: `${hostname}:${port}`, 'content-length': Buffer.byteLength(target.body) });
      const message = Buffer.from(`POST ${pathname} HTTP/1.1\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${target.body}`);
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
        Array.from({ length: connections }, () => new Promise((resolve, reject) => {
          const client = { socket: connect({ host: hostname, port: Number(port), noDelay: true }, () => resolve(client)), due: 0 };
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
        })),
      );
      const interval = 1000 / rate;
      const started = performance.now();
      for (let i = 0; i < total; ) {
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
  const ms = (value) => (Number.isInteger(value) ? String(value) : value.toFixed(1)).padStart(5);
  const line = (label, r) =>
    `  ${label.padEnd(34)} ${r.rps.toFixed(0).padStart(5)} req/s   p50 ${ms(r.p50)} ms   p99 ${ms(r.p99)} ms${r.failed ? `   ${r.failed} failed` : ''}\n` +
    `  ${''.padEnd(34)} CPU per request: server ${r.cpu.toFixed(2)} ms, PostgreSQL ${r.pgCpu.toFixed(2)} ms, load generator ${r.clientCpu.toFixed(2)} ms; other processes ${(100 * r.others).toFixed(0)}% of the machine`;
  ours.pid = () => api.pid;
  bare.pid = () => baseline.pid;

  await fire(ours, warmup);
  const oursMax = await fire(ours, duration);
  await fire(bare, warmup);
  const bareMax = await fire(bare, duration);
  const oursRate = Math.round(oursMax.rps / 2);
  const bareRate = Math.round(bareMax.rps / 2);
  const oursHalf = await fire(ours, duration, oursRate);
  const bareHalf = await fire(bare, duration, bareRate);
  const oursPaced = await paced(ours, oursRate, duration);
  const barePaced = await paced(bare, bareRate, duration);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))[1]) / 1024;
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

  await db.end();
  stopAll();
  spawnSync('redis-cli', ['-n', redisDb, 'flushdb'], { stdio: 'ignore' });

  const ratio = oursMax.rps / bareMax.rps;
  const met = (ok) => (ok ? 'met' : 'NOT met');
  console.log(`group page, first 20 discussions, signed in as a member; ${connections} connections, ${duration} s per run after a ${warmup} s warm-up`);
  console.log(`SQL per request  API: ${apiStatements}`);
  console.log(`                 baseline: ${baselineStatements}`);
  console.log('maximum throughput (autocannon)');
  console.log(line(ours.name, oursMax));
  console.log(line(bare.name, bareMax));
  console.log(`  ratio API/baseline ${ratio.toFixed(2)}   target ratio ≥ 0.5: ${met(ratio >= 0.5)}`);
  console.log("at half of each one's maximum, autocannon overallRate (each connection sends its second's share back to back as the second starts)");
  console.log(line(`${ours.name} @ ${oursRate}/s`, oursHalf));
  console.log(line(`${bare.name} @ ${bareRate}/s`, bareHalf));
  console.log(`  target p99 ≤ 50 ms at half of max throughput: API ${met(oursHalf.p99 <= 50)}, baseline ${met(bareHalf.p99 <= 50)}`);
  console.log("at half of each one's maximum, evenly spaced (open loop, latency from each request's due time)");
  console.log(line(`${ours.name} @ ${oursRate}/s`, oursPaced));
  console.log(line(`${bare.name} @ ${bareRate}/s`, barePaced));
  console.log(`  target p99 ≤ 50 ms at half of max throughput: API ${met(oursPaced.p99 <= 50)}, baseline ${met(barePaced.p99 <= 50)}`);
  console.log(`API resident memory after the runs (VmRSS): ${rss.toFixed(0)} MiB`);
  console.log(`load average at the end: ${load} on ${availableParallelism()} cores (API, baseline, PostgreSQL and the load generator share them)`);
  process.exit(0);
}

/**
 * One group: 200 members writing, the benchmark's viewer (the demo member) among its members,
 * `threads` discussions started over two years and `posts` posts in all. Replies fall on a few
 * long discussions and many short ones; each discussion's post count and last activity match its
 * posts. The viewer has read about half of the discussions, some to the end, some part-way.
 */
async function seed(db, threads, posts) {
  const { rows: [viewer] } = await db.query(`select id, password_hash from users where email = 'member@example.org'`);
  await db.query('begin');
  // The rows are made consistent here; foreign key checks row by row would only slow the load.
  await db.query('set local session_replication_role = replica');
  await db.query('select setseed(0.42)');
  await db.query(
    `insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
     select gen_random_uuid(), 'bench-' || i || '@example.org', 'Bench person ' || i, $1, now() - interval '3 years', now() - interval '3 years'
     from generate_series(1, 200) i`,
    [viewer.password_hash],
  );
  const { rows: [group] } = await db.query(
    `insert into working_groups (id, slug, name, purpose, created_at, updated_at)
     values (gen_random_uuid(), $1, 'Bench discussions', 'A group with a long history of discussions.', now() - interval '3 years', now())
     returning id`,
    [slug],
  );
  await db.query(
    `insert into memberships (id, group_id, user_id, role, status, created_at, decided_at)
     select gen_random_uuid(), $1, id, case when email = 'bench-1@example.org' then 'CONVENOR' else 'MEMBER' end::membership_role, 'ACTIVE', now() - interval '3 years', now() - interval '3 years'
     from users where email like 'bench-%' or id = $2`,
    [group.id, viewer.id],
  );
  await db.query(`create temp table bench_people as select array_agg(id order by email) as ids from users where email like 'bench-%'`);
  // Discussion n's share of the replies falls off as n grows (about n^-2/3): thousands of posts in
  // the first, hundreds in the first few dozen, about ten in most. n is unrelated to age, so there
  // are long discussions among the old and the new.
  await db.query(
    `create temp table bench_threads as
     select n, gen_random_uuid() as id, gen_random_uuid() as opening_id,
       p.ids[1 + floor(random() * 200)::int] as author_id,
       now() - random() * interval '730 days' as created_at
     from generate_series(1, $1) n, bench_people p`,
    [threads],
  );
  await db.query('create index on bench_threads (n)');
  await db.query(
    `insert into threads (id, group_id, author_id, title, tags, pinned, created_at, last_activity_at)
     select id, $1, author_id, 'Discussion ' || n || ': what the group should do next', case when n % 7 = 0 then '{policy}'::text[] else '{}' end,
       n in (17, 4242), created_at, created_at
     from bench_threads`,
    [group.id],
  );
  await db.query(
    `insert into posts (id, thread_id, parent_id, author_id, body, body_html, depth, created_at)
     select opening_id, id, null, author_id, 'Opening post of discussion ' || n || '. What do we think?', '<p>Opening post of discussion ' || n || '. What do we think?</p>', 0, created_at
     from bench_threads`,
  );
  await db.query(
    `insert into posts (id, thread_id, parent_id, author_id, body, body_html, depth, created_at)
     with r as materialized (
       select i, least($2::int, 1 + floor($2::float8 * power(random(), 3))::int) as n, random() as at, p.ids[1 + floor(random() * 200)::int] as author_id
       from generate_series(1, $1::int) i, bench_people p)
     select gen_random_uuid(), t.id, t.opening_id, r.author_id, 'Reply ' || r.i || ': I agree with most of this, with one reservation.',
       '<p>Reply ' || r.i || ': I agree with most of this, with one reservation.</p>', 1,
       t.created_at + r.at * least(interval '120 days', now() - t.created_at)
     from r join bench_threads t on t.n = r.n`,
    [posts - threads, threads],
  );
  await db.query(
    `update threads t set post_count = s.posts, last_activity_at = s.last
     from (select thread_id, count(*)::int as posts, max(created_at) as last from posts group by thread_id) s
     where s.thread_id = t.id and t.group_id = $1`,
    [group.id],
  );
  await db.query(
    `insert into thread_reads (user_id, thread_id, read_count, read_at)
     select $1, id, case when random() < 0.6 then post_count else floor(random() * post_count)::int end, last_activity_at
     from threads where group_id = $2 and random() < 0.5`,
    [viewer.id, group.id],
  );
  await db.query('commit');
  // Vacuumed as a long-lived database would be (visibility map set for index-only scans), and analysed.
  await db.query('vacuum (analyze)');
  return { userId: viewer.id, groupId: group.id };
}
