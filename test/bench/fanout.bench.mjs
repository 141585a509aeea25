// Benchmark: one change that notifies N people, each with an open socket, through the whole
// pipeline (mutation → outbox → BullMQ → worker fan-out → Redis → socket.io), against a bare
// socket.io server emitting to the same N sockets. Each client does what the web's bell does with
// a message (useNotificationFeed): a message that carries the next notification is shown as it
// is; otherwise (a message that only signals, or one that follows a notification the client never
// saw) it asks `notifications(after:)` with the web's own document, and, for a bare signal, the
// bell's list again. Prints, from the mutation's response: the message's receipt, and "seen" (the
// bell's data in the client), with the GraphQL requests each notified client made; asserts nothing.
//   node tools/build-server.mjs && node test/bench/fanout.bench.mjs [clients=1000] [--rounds=3] [--pause-mail]
// One warm-up change, then `rounds` measured changes (each a new person's join request, which
// tells all N convenors); percentiles are over every client of every measured round. The same for
// the baseline. --pause-mail holds the mail queue, to show what the change's N emails cost.
// CONVENE_BUILD_ROOT=<checkout>: run that checkout's build (e.g. an earlier commit, for a before/after).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { io } from 'socket.io-client';
import { requestBody, webOperation } from '../load/web-operations.mjs';

const root = process.env.CONVENE_BUILD_ROOT || join(import.meta.dirname, '../..');
const clients = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1000);
const pauseMail = process.argv.includes('--pause-mail');
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 3);
const database = 'convene_bench_fanout';
const apiPort = 3391;
const baselinePort = 3392;
const env = {
  ...process.env,
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: String(apiPort),
  PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
  REDIS_URL: 'redis://127.0.0.1:6379/13',
  REDIS_PREFIX: 'convene-bench-fanout',
  SEED_DEMO: 'true',
};

const wait = (ms) => new Promise((r) => setTimeout(r, ms));
const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return { p50: at(50), p99: at(99), max: sorted.at(-1) ?? NaN };
};
const fmt = (s) => `p50 ${s.p50.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms`;
const BELL_SIZE = 8; // libs/web/notifications/src/hooks/useNotificationFeed.ts
const CATCH_UP_PAGE = 50;

/** One person's bell, as the web keeps it: the last sequence number shown, and the requests it made. */
class Bell {
  constructor(url, cookie) {
    this.url = url;
    this.cookie = cookie;
    this.lastSeq = 0;
    this.requests = 0;
  }

  async graphql(name, variables) {
    this.requests += 1;
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', cookie: this.cookie },
      body: requestBody(webOperation(name), variables),
    });
    const body = await res.json();
    if (body.errors) throw new Error(`${name}: ${body.errors[0].message}`);
    return body.data;
  }

  /** The page's first list (not measured). */
  async load() {
    const data = await this.graphql('Notifications', { first: BELL_SIZE });
    this.lastSeq = data.notifications[0]?.seq ?? 0;
    this.requests = 0;
  }

  /** What the bell does with one message; resolves when its data holds the new notification. */
  async receive(message) {
    if (message?.notification && message.previousSeq === this.lastSeq) {
      this.lastSeq = message.seq;
      return;
    }
    const data = await this.graphql('NotificationsAfter', { after: this.lastSeq, first: CATCH_UP_PAGE });
    this.lastSeq = Math.max(this.lastSeq, ...data.notifications.map((n) => n.seq));
    // A bare signal (the web before messages carried the notification) also reloaded the bell's list.
    if (!message?.notification) await this.graphql('Notifications', { first: BELL_SIZE });
  }
}

async function connectAll(url, cookies) {
  const sockets = [];
  for (let i = 0; i < cookies.length; i += 200) {
    const batch = cookies.slice(i, i + 200).map(
      (cookie) =>
        new Promise((resolve, reject) => {
          const socket = io(url, {
            path: '/socket.io',
            transports: ['websocket'],
            extraHeaders: cookie ? { cookie } : {},
            reconnection: false,
            forceNew: true,
          });
          socket.once('connect', () => resolve(socket));
          socket.once('connect_error', reject);
        }),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

/** `bells`: one per socket for the pipeline (null for the bare baseline, which only receives). */
async function measure(sockets, trigger, bells = null) {
  const sentAt = performance.now();
  const received = new Array(sockets.length).fill(null);
  const seen = new Array(sockets.length).fill(null);
  const before = bells?.map((b) => b.requests);
  const done = new Promise((resolve) => {
    let count = 0;
    sockets.forEach((socket, i) =>
      socket.once('notification', (message) => {
        received[i] = performance.now();
        const shown = bells ? bells[i].receive(message) : Promise.resolve();
        shown.then(
          () => {
            seen[i] = performance.now();
            if (++count === sockets.length) resolve();
          },
          (error) => console.warn(`client ${i}: ${error.message}`),
        );
      }),
    );
  });
  const respondedAt = await trigger();
  await Promise.race([done, wait(30_000)]);
  const arrived = received.filter((t) => t !== null);
  return {
    delivered: arrived.length,
    response: respondedAt - sentAt,
    fromResponse: arrived.map((t) => t - respondedAt),
    fromRequest: arrived.map((t) => t - sentAt),
    seen: seen.filter((t) => t !== null).map((t) => t - respondedAt),
    requests: bells ? bells.map((b, i) => b.requests - before[i]) : [],
  };
}

/** Every receipt of every measured round, as one distribution. */
function combine(runs) {
  return {
    delivered: Math.min(...runs.map((r) => r.delivered)),
    response: stats(runs.map((r) => r.response)).p50,
    fromResponse: stats(runs.flatMap((r) => r.fromResponse)),
    fromRequest: stats(runs.flatMap((r) => r.fromRequest)),
    seen: stats(runs.flatMap((r) => r.seen)),
    seenCount: Math.min(...runs.map((r) => r.seen.length)),
    requestsPerClient:
      runs.flatMap((r) => r.requests).reduce((a, b) => a + b, 0) / Math.max(1, runs.flatMap((r) => r.requests).length),
  };
}

// ── the pipeline ──
spawnSync(
  'psql',
  ['-h', '127.0.0.1', '-U', 'postgres', '-q', '-c', `drop database if exists ${database} with (force)`],
  { stdio: 'ignore' },
);
for (const task of ['migrate', 'seed']) {
  const run = spawnSync(process.execPath, [join(root, 'tools/db.mjs'), task], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
}
spawnSync('redis-cli', ['-n', '13', 'flushdb'], { stdio: 'ignore' });

const db = new pg.Client({ connectionString: env.DATABASE_URL });
await db.connect();
const {
  rows: [group],
} = await db.query(`select id from working_groups where slug = 'brexit-and-faith'`);
const {
  rows: [hash],
} = await db.query(`select password_hash from users where email = 'member@example.org'`);
// N people who convene the group, each with a session: a join request notifies all of them.
const tokens = Array.from({ length: clients }, () => randomBytes(32).toString('base64url'));
await db.query(
  `with people as (
     insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
     select gen_random_uuid(), 'bench-' || i || '@example.org', 'Bench ' || i, $1, now() - interval '1 hour', now() - interval '1 hour' from generate_series(1, $2) i
     returning id, email)
   , ms as (insert into memberships (id, group_id, user_id, role, status, created_at) select gen_random_uuid(), $3, id, 'CONVENOR', 'ACTIVE', now() from people)
   insert into sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at)
   select gen_random_uuid(), t.hash, p.id, now(), now(), now() + interval '1 day'
   from (select id, row_number() over (order by email) r from people) p
   join (select hash, ordinality r from unnest($4::text[]) with ordinality as hash) t on t.r = p.r`,
  [hash.password_hash, clients, group.id, tokens.map((t) => createHash('sha256').update(t).digest('hex'))],
);

/** Waits until the previous change's emails are written and sent, so each round measures one change. */
async function mailSettled() {
  for (let i = 0; i < 1200; i++) {
    const {
      rows: [left],
    } = await db.query(
      `select (select count(*) from notifications where email = 'IMMEDIATE' and emailed_at is null)
            + (select count(*) from mail_messages where status = 'queued') as n`,
    );
    if (Number(left.n) === 0) return;
    await wait(250);
  }
}

const api = spawn(process.execPath, [join(root, 'dist/server/apps/api/src/main.js')], { env, stdio: 'ignore' });
const worker = spawn(process.execPath, [join(root, 'dist/server/apps/worker/src/main.js')], {
  env,
  stdio: process.env.BENCH_WORKER_LOG ? ['ignore', 'inherit', 'inherit'] : 'ignore',
});
const apiUrl = `http://127.0.0.1:${apiPort}`;
for (
  let i = 0;
  i < 100 &&
  !(await fetch(`${apiUrl}/health/ready`).then(
    (r) => r.ok,
    () => false,
  ));
  i++
)
  await wait(200);
await wait(1500); // the worker's queues are up

const cookies = tokens.map((t) => `convene_session=${t}`);
const sockets = await connectAll(apiUrl, cookies);
const bells = cookies.map((cookie) => new Bell(apiUrl, cookie));
for (let i = 0; i < bells.length; i += 100) await Promise.all(bells.slice(i, i + 100).map((b) => b.load()));
if (pauseMail) {
  const { Queue } = await import('bullmq');
  const mailQueue = new Queue('mail', {
    connection: { host: '127.0.0.1', port: 6379, db: 13 },
    prefix: `${env.REDIS_PREFIX}:bull`,
  });
  await mailQueue.pause();
  await mailQueue.close();
}
/** A new person, signed up (the demo network is open): each round's change is their join request. */
async function newApplicant(round) {
  const res = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation S($input: SignUpInput!) { signUp(input: $input) { id } }',
      variables: {
        input: {
          email: `applicant-${round}-${Date.now()}@example.org`,
          password: 'a long enough phrase',
          displayName: `Applicant ${round}`,
        },
      },
    }),
  });
  return res.headers.get('set-cookie').split(';')[0];
}
const requestToJoin = (cookie) => async () => {
  const res = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: `mutation { requestToJoin(input: { groupId: "${group.id}" }) { status } }` }),
  });
  await res.text();
  return performance.now();
};
// The first change warms the processes up (code paths compiled, pools filled) and is not counted.
await measure(sockets, requestToJoin(await newApplicant(0)), bells);
const pipelineRounds = [];
for (let round = 1; round <= rounds; round++) {
  if (!pauseMail) await mailSettled();
  const cookie = await newApplicant(round);
  await wait(300);
  pipelineRounds.push(await measure(sockets, requestToJoin(cookie), bells));
}
await db.end();
const pipeline = combine(pipelineRounds);
for (const socket of sockets) socket.disconnect();
api.kill('SIGTERM');
worker.kill('SIGTERM');

// ── the baseline ──
const baseline = spawn(process.execPath, [join(import.meta.dirname, 'baseline-server.mjs'), String(baselinePort)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => baseline.stdout.once('data', resolve));
const baseUrl = `http://127.0.0.1:${baselinePort}`;
const bareSockets = await connectAll(baseUrl, new Array(clients).fill(null));
await wait(500);
const emit = async () => {
  await (await fetch(`${baseUrl}/emit`, { method: 'POST' })).text();
  return performance.now();
};
await measure(bareSockets, emit);
const bareRounds = [];
for (let round = 1; round <= rounds; round++) {
  await wait(300);
  bareRounds.push(await measure(bareSockets, emit));
}
const bare = combine(bareRounds);
for (const socket of bareSockets) socket.disconnect();
baseline.kill('SIGTERM');

console.log(
  `fan-out to ${clients} connected clients, ${rounds} measured round(s) after one warm-up${pauseMail ? ' (mail queue paused)' : ''}`,
);
console.log(
  `  pipeline  delivered ${pipeline.delivered}/${clients} in every round  mutation answered in ${pipeline.response.toFixed(1)} ms (median)`,
);
console.log(`            from the mutation's response to each receipt: ${fmt(pipeline.fromResponse)}`);
console.log(
  `            from the mutation's response to "seen" (the bell's data in the client, ${pipeline.seenCount}/${clients} in every round): ${fmt(pipeline.seen)}`,
);
console.log(`            GraphQL requests per notified client: ${pipeline.requestsPerClient.toFixed(2)}`);
console.log(`            from the request being sent to each receipt:  ${fmt(pipeline.fromRequest)}`);
console.log(
  `  baseline  delivered ${bare.delivered}/${clients} in every round  (bare socket.io: io.to(room).emit, triggered over HTTP)`,
);
console.log(
  `            from the trigger's response to each receipt: ${fmt(bare.fromResponse)} (negative: before the response)`,
);
console.log(`            from the trigger being sent to each receipt: ${fmt(bare.fromRequest)}`);
console.log(
  `  added by the pipeline at p99, request to receipt: ${(pipeline.fromRequest.p99 - bare.fromRequest.p99).toFixed(1)} ms`,
);
process.exit(0);
