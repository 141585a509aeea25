// Benchmark: what compressing GraphQL answers costs and saves. Two large answers from the built API
// (a discussion's page of 100 posts, and the groups list with members), each asked N times one
// after another with no Accept-Encoding, with `gzip` and with `br`: bytes per answer on the wire,
// the API's CPU time per answer (from /proc/<pid>/stat, user + system), latency p50/p95 on this
// machine's loopback, and the time those bytes take on a slow phone link. Then the same answer
// compressed in this process at other levels, to show why the API uses the ones it does.
// Prints figures; asserts nothing. The API's CPU per answer moves by a millisecond or two from run
// to run on a shared machine; the in-process figures show the compression's own cost.
//   node tools/build-server.mjs && node test/bench/graphql-compression.bench.mjs [requests]
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import pg from 'pg';
import { THREAD_PAGE_QUERY, benchEnv, freshDatabase, startApi } from './api-bench.util.mjs';

const [requests = 300] = process.argv.slice(2).map(Number);
const database = 'convene_bench_compression';
const env = {
  ...benchEnv({ port: 3470, database, prefix: 'convene-bench-compression' }),
  REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/7',
};
freshDatabase(env, database);
const seeded = await seed();
const { api, url } = await startApi(env);
process.on('exit', () => api.kill('SIGTERM'));

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
/** One GraphQL POST, its body as it came over the wire (not decoded). */
const post = (body, headers = {}) =>
  new Promise((resolve, reject) => {
    const req = request(
      `${url}/graphql`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });

const signIn = await post({
  query: 'mutation($i: SignInInput!) { signIn(input: $i) { id } }',
  variables: { i: { email: 'member@example.org', password: env.DEMO_PASSWORD ?? 'convene-demo-pass' } },
});
const cookie = String(signIn.headers['set-cookie']).split(';')[0];

const queries = [
  {
    label: 'thread page, 100 posts',
    body: {
      query: THREAD_PAGE_QUERY,
      variables: { id: seeded.threadId, first: 100 },
    },
  },
  {
    label: 'groups list with 25 members each',
    body: {
      query:
        '{ workingGroups { id slug name purpose memberCount viewerMembership { role } members(first: 25) { nodes { role user { id displayName } } } } }',
    },
  },
];

// CPU time (user + system, in ms) the API process has used so far; the kernel counts in 10 ms ticks.
const apiCpuMs = () => {
  const fields = readFileSync(`/proc/${api.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
// A phone on a poor 3G link (1.6 Mbit/s down) and on a good 4G one (12 Mbit/s): transfer time only.
const onLink = (bytes, mbit) => (bytes * 8) / (mbit * 1000);

console.log(
  `${seeded.summary}; ${requests} requests per line, one after another, the encodings taking turns ten at a time, after 20 each to warm up`,
);
console.log(
  `${'answer'.padEnd(34)} ${'encoding'.padEnd(9)} ${'bytes'.padStart(8)} ${'API CPU/answer'.padStart(15)} ${'p50'.padStart(8)} ${'p95'.padStart(8)}   on 1.6 / 12 Mbit/s`,
);
const plainAnswers = new Map();
for (const { label, body } of queries) {
  const headers = { cookie };
  const first = await post(body, headers);
  const answer = JSON.parse(first.body.toString());
  if (answer.errors) throw new Error(`${label}: ${JSON.stringify(answer.errors)}`);
  plainAnswers.set(label, first.body);
  // The three encodings take turns, ten requests each, so that the API warming up or the machine
  // getting busier weighs on all three alike.
  const encodings = [null, 'gzip', 'br'].map((encoding) => ({
    encoding,
    asked: encoding ? { ...headers, 'accept-encoding': encoding } : headers,
    latencies: [],
    bytes: 0,
    cpu: 0,
    sent: null,
  }));
  for (const e of encodings) for (let i = 0; i < 20; i++) await post(body, e.asked);
  for (let round = 0; round < requests / 10; round++) {
    for (const e of encodings) {
      const cpuBefore = apiCpuMs();
      for (let i = 0; i < 10; i++) {
        const started = performance.now();
        const res = await post(body, e.asked);
        e.latencies.push(performance.now() - started);
        e.bytes += res.body.length;
        e.sent = res.headers['content-encoding'] ?? 'none';
      }
      e.cpu += apiCpuMs() - cpuBefore;
    }
  }
  for (const { encoding, latencies, bytes, cpu, sent } of encodings) {
    latencies.sort((a, b) => a - b);
    const perAnswer = bytes / latencies.length;
    console.log(
      `${label.padEnd(34)} ${(encoding ?? 'none').padEnd(9)} ${perAnswer.toFixed(0).padStart(8)} ${`${(cpu / latencies.length).toFixed(2)} ms`.padStart(15)} ${`${pct(latencies, 50).toFixed(1)} ms`.padStart(8)} ${`${pct(latencies, 95).toFixed(1)} ms`.padStart(8)}   ${onLink(perAnswer, 1.6).toFixed(0)} / ${onLink(perAnswer, 12).toFixed(0)} ms${sent !== (encoding ?? 'none') ? `  (sent ${sent})` : ''}`,
    );
  }
}

console.log('\nthe same answers compressed in this process (CPU per answer, best of 3 runs of 100):');
const levels = [
  ...[1, 6, 9].map((level) => ({ name: `gzip ${level}`, run: (b) => gzipSync(b, { level }) })),
  ...[3, 4, 5, 6, 11].map((quality) => ({
    name: `brotli ${quality}`,
    run: (b) =>
      brotliCompressSync(b, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: b.length,
        },
      }),
  })),
];
for (const [label, plain] of plainAnswers) {
  console.log(`  ${label} (${plain.length} bytes as JSON)`);
  for (const { name, run } of levels) {
    const size = run(plain).length;
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const started = process.cpuUsage();
      for (let i = 0; i < 100; i++) run(plain);
      const used = process.cpuUsage(started);
      best = Math.min(best, (used.user + used.system) / 1000 / 100);
    }
    console.log(
      `    ${name.padEnd(10)} ${String(size).padStart(7)} bytes (${((100 * size) / plain.length).toFixed(1).padStart(4)}%)  ${best.toFixed(3)} ms`,
    );
  }
}
agent.destroy();
api.kill('SIGTERM');

/**
 * The demo hub plus: 60 people, 60 groups of 25 members with a purpose each (the member among them
 * in all), and in one of them a discussion of 100 posts of a few sentences, from eight people, some
 * replies two deep, with reactions.
 */
async function seed() {
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const {
    rows: [viewer],
  } = await db.query(`select id, password_hash from users where email = 'member@example.org'`);
  await db.query('begin');
  await db.query('select setseed(0.17)');
  await db.query(
    `insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
     select gen_random_uuid(), 'bench-' || i || '@example.org', 'Bench person ' || i, $1, now(), now() from generate_series(1, 60) i`,
    [viewer.password_hash],
  );
  await db.query(
    `insert into working_groups (id, slug, name, purpose, created_at, updated_at)
     select gen_random_uuid(), 'bench-group-' || i, 'Bench group ' || i,
       'Group ' || i || ' brings together caseworkers, volunteers and people with lived experience to document what happens at reporting centres.',
       now(), now() from generate_series(1, 60) i`,
  );
  await db.query(
    `insert into memberships (id, group_id, user_id, role, status, created_at, decided_at)
     select gen_random_uuid(), g.id, u.id, 'MEMBER'::membership_role, 'ACTIVE'::membership_status, now(), now()
     from working_groups g
     join lateral (select id from users where email like 'bench-%' order by md5(g.id::text || id::text) limit 24) u on true
     where g.slug like 'bench-group-%'
     union all
     select gen_random_uuid(), g.id, $1, 'MEMBER', 'ACTIVE', now(), now() from working_groups g where g.slug like 'bench-group-%'`,
    [viewer.id],
  );
  const {
    rows: [group],
  } = await db.query(`select id from working_groups where slug = 'bench-group-1'`);
  const { rows: writers } = await db.query(`select id from users where email like 'bench-%' order by email limit 8`);
  const sentences = [
    'The reporting centre moved the appointments to the morning without telling anyone.',
    'Two people in our group were asked for documents they had already handed in.',
    'We could ask the council for a written answer before the next meeting.',
    'I spoke to the legal clinic; they can see three people a week from next month.',
    'Please check the leaflet translation before we print it, the Arabic is not final.',
    'Can someone go with Amal on Thursday? She would rather not go alone.',
    'The health board says the charging rules do not apply to the walk-in centre.',
    'Minutes from last week are in the documents folder.',
  ];
  // Sentences made of the words above in a seeded random order: text that compresses about as
  // well as people's own writing does, not eight sentences repeated.
  const words = sentences
    .join(' ')
    .toLowerCase()
    .replace(/[.,;?]/g, '')
    .split(' ');
  let state = 42;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const sentence = () => {
    const picked = Array.from(
      { length: 8 + Math.floor(random() * 12) },
      () => words[Math.floor(random() * words.length)],
    );
    return `${picked.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const started = Date.now() - 3 * 86_400_000;
  const posts = [];
  for (let i = 0; i < 100; i++) {
    const replies = posts.filter((p) => p.depth === 1);
    const parent = i === 0 ? null : i % 3 === 0 && replies.length ? replies.at(-1) : posts[0];
    const body = Array.from({ length: 2 + (i % 4) }, () => sentence()).join(' ');
    posts.push({
      id: crypto.randomUUID(),
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      authorId: writers[(i * 5) % writers.length].id,
      body: `${body} (${i})`,
      bodyHtml: `<p>${body} (${i})</p>`,
      createdAt: new Date(started + i * 31 * 60_000),
    });
  }
  const {
    rows: [thread],
  } = await db.query(
    `insert into threads (id, group_id, author_id, title, tags, post_count, created_at, last_activity_at)
     values (gen_random_uuid(), $1, $2, 'The reporting centre’s new hours', '{reporting,council}', 100, $3, $4) returning id`,
    [group.id, posts[0].authorId, posts[0].createdAt, posts.at(-1).createdAt],
  );
  await db.query(
    `insert into posts (id, thread_id, parent_id, author_id, body, body_html, depth, created_at)
     select p.id, $1, p.parent_id, p.author_id, p.body, p.body_html, p.depth, p.created_at
     from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::smallint[], $8::timestamptz[])
       as p(id, parent_id, author_id, body, body_html, depth, created_at)`,
    [
      thread.id,
      ...['id', 'parentId', 'authorId', 'body', 'bodyHtml', 'depth', 'createdAt'].map((f) => posts.map((p) => p[f])),
    ],
  );
  await db.query(
    `insert into post_reactions (post_id, user_id, reaction, created_at)
     select p.id, u.id, (enum_range(null::reaction))[1 + floor(random() * 5)::int], now()
     from posts p, (select id from users where email like 'bench-%' limit 6) u
     where p.thread_id = $1 and random() < 0.3
     on conflict do nothing`,
    [thread.id],
  );
  await db.query('commit');
  await db.query('vacuum (analyze)');
  await db.end();
  return {
    threadId: thread.id,
    summary: '60 groups of 25 members, a discussion of 100 posts with reactions, signed in as a member of all',
  };
}
