// Faults against real processes: the API and the worker from the build, a private PostgreSQL and a
// private Redis (with its append-only file, as in production) that these tests restart, and
// SIGTERM to the API and the worker while they are busy. What must hold: requests answer cleanly
// (success or a retryable SERVICE_UNAVAILABLE) and never half-apply a change; the services recover
// by themselves; a graceful stop finishes what it started; no notification is lost or doubled.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { io, type Socket } from 'socket.io-client';
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  Client,
  PrivatePostgres,
  PrivateRedis,
  exited,
  prepareDatabase,
  startApi,
  startWorker,
  systemEnv,
  until,
  type Proc,
} from './processes.js';

const CREATE_THREAD = `mutation T($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const GROUP_ID = `query G($slug: String!) { workingGroup(slug: $slug) { id } }`;
const QUEUES = ['mail', 'notifications', 'maintenance'];
/** Longer than any request may take, even while PostgreSQL is away (its connect timeout is 5 s). */
const REQUEST_TIMEOUT_MS = 20_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Exited by itself: Nest re-raises the signal once its graceful shutdown is done; 0 is fine too, 1 (a failed shutdown) is not. */
const cleanExit = (exit: { code: number | null; signal: NodeJS.Signals | null } | null) =>
  exit ? String(exit.signal ?? exit.code) : 'still running';
const readiness = (url: string) =>
  fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5000) }).then(
    (r) => r.status,
    () => 0,
  );

/** What an upload answers, or why it got no answer. */
type UploadAnswer = { document?: { id: string }; version?: { sha256: string; size: number }; error?: unknown };

/** How one request ended: a success, the retryable refusal, or anything else (the failure we hunt). */
type Outcome = { kind: 'ok'; id: string } | { kind: 'unavailable' } | { kind: 'other'; detail: string };

async function createThread(client: Client, input: { groupId: string; title: string; body: string }): Promise<Outcome> {
  let status = 0;
  let text = '';
  try {
    const res = await fetch(`${client.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: client.cookie },
      body: JSON.stringify({ query: CREATE_THREAD, variables: { input } }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    status = res.status;
    text = await res.text();
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    return { kind: 'other', detail: `no answer: ${e.name} ${e.cause?.code ?? e.message}` };
  }
  // Never a stack trace or an internal message in what a client sees.
  if (/\bat [\w.<>]+ \(|\.js:\d+|stacktrace|ECONNREFUSED|terminat/i.test(text))
    return { kind: 'other', detail: `${status} leaks internals: ${text.slice(0, 400)}` };
  let body: {
    data?: { createThread?: { id: string } } | null;
    errors?: { extensions?: { code?: string } }[];
    error?: { code?: string };
  };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { kind: 'other', detail: `${status} not JSON: ${text.slice(0, 200)}` };
  }
  if (!body.errors?.length && body.data?.createThread?.id) return { kind: 'ok', id: body.data.createThread.id };
  if (body.errors?.length && body.errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE'))
    return { kind: 'unavailable' };
  // Refused before GraphQL ran (the session is looked up first): the REST shape, with its status.
  if (status === 503 && body.error?.code === 'SERVICE_UNAVAILABLE') return { kind: 'unavailable' };
  return { kind: 'other', detail: `${status} ${text.slice(0, 400)}` };
}

describe('faults across processes', () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let env: Record<string, string>;
  let api: { proc: Proc; url: string };
  let worker: Proc;
  let db: pg.Pool;
  let bull: Redis;
  let dataDir: string;
  const extraProcs: Proc[] = [];
  const sockets: Socket[] = [];
  const groupIds = new Map<string, string>();

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start({ persistent: true })]);
    dataDir = mkdtempSync(join(tmpdir(), 'convene-faults-data-'));
    env = { ...systemEnv('faults', redis.url, postgres.url), DATA_DIR: dataDir };
    prepareDatabase(env);
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    // A pool: its connections die with each PostgreSQL restart and are replaced.
    db = new pg.Pool({ connectionString: env['DATABASE_URL'], max: 3 });
    db.on('error', () => undefined);
    bull = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 200 });
    bull.on('error', () => undefined);
    const anyone = await new Client(api.url).signIn('convenor@example.org');
    for (const slug of ['brexit-and-faith', 'health-and-social-care', 'policing-and-surveillance']) {
      groupIds.set(
        slug,
        (await anyone.request<{ workingGroup: { id: string } }>(GROUP_ID, { slug })).data!.workingGroup.id,
      );
    }
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    // Processes close their connections on the way out: give them their servers back if a test failed without them.
    await Promise.all([redis?.start(), postgres?.start()]);
    // Bounded: a process that does not stop on SIGTERM is killed (and said so) rather than hang the run.
    await Promise.all(
      [api?.proc, worker, ...extraProcs].map(async (proc) => {
        if (!proc) return;
        proc.child.kill('SIGTERM');
        if (!(await exited(proc, 15))) {
          console.warn(`a process did not stop within 15 s of SIGTERM:\n${proc.logs.join('').slice(-3000)}`);
          await proc.stop('SIGKILL');
        }
      }),
    );
    await db?.end();
    bull?.disconnect();
    await Promise.all([redis?.remove(), postgres?.remove()]);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  // Each test starts from servers that run, whatever an earlier one left behind.
  beforeEach(async () => {
    await Promise.all([redis.start(), postgres.start()]);
    const gone = (proc: Proc) => proc.child.exitCode !== null || proc.child.signalCode !== null;
    if (gone(api.proc)) api = await startApi(env);
    if (gone(worker)) worker = await startWorker(env);
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);
  /** MENTIONED notifications per thread and recipient: the exactly-once ledger of @group-convenors. */
  const mentionsOf = async (threadIds: string[]) =>
    (
      await db.query(
        `select subject_id, recipient_id, count(*)::int as n from notifications where type = 'MENTIONED' and subject_id = any($1::uuid[]) group by 1, 2`,
        [threadIds],
      )
    ).rows as { subject_id: string; recipient_id: string; n: number }[];
  const activeJobs = async () =>
    (await Promise.all(QUEUES.map((q) => bull.llen(`${env['REDIS_PREFIX']}:bull:${q}:active`)))).reduce(
      (a, b) => a + b,
      0,
    );
  const connectSocket = async (client: Client, url = api.url) => {
    const socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie: client.cookie },
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  };

  it('answers every mutation cleanly through a PostgreSQL restart, half-applies none, and recovers by itself', async () => {
    const run = randomUUID().slice(0, 8);
    const writers = [
      { email: 'partner@example.org', group: 'brexit-and-faith' },
      { email: 'member@example.org', group: 'health-and-social-care' },
      { email: 'samira@example.org', group: 'policing-and-surveillance' },
    ];
    const clients = await Promise.all(writers.map((w) => new Client(api.url).signIn(w.email)));
    const outcomes: { outcome: Outcome; title: string; sentAt: number; answeredAt: number }[] = [];
    let stop = false;
    let n = 0;
    const loops = writers.map(async (writer, i) => {
      while (!stop) {
        const title = `pg-fault ${run} ${n++}`;
        const sentAt = Date.now();
        const outcome = await createThread(clients[i]!, {
          groupId: groupIds.get(writer.group)!,
          title,
          body: `Opening post of ${title}.`,
        });
        outcomes.push({ title, sentAt, answeredAt: Date.now(), outcome });
        await sleep(20);
      }
    });

    await until(
      async () => outcomes.filter((o) => o.outcome.kind === 'ok').length >= 15,
      'the stream to get going',
      20,
    );
    await postgres.stop();
    await sleep(2000);
    await postgres.start();
    const restartedAt = Date.now();
    // The API is not restarted: it must find PostgreSQL again by itself.
    await until(
      async () => (await readiness(api.url)) === 200,
      'the API to be ready again after PostgreSQL came back',
      30,
    );
    const readyAfter = (Date.now() - restartedAt) / 1000;
    await until(
      async () => outcomes.some((o) => o.sentAt > restartedAt && o.outcome.kind === 'ok'),
      'a mutation to succeed after the restart',
      30,
    );
    stop = true;
    await Promise.all(loops);

    const ok = outcomes.filter((o) => o.outcome.kind === 'ok');
    const unavailable = outcomes.filter((o) => o.outcome.kind === 'unavailable');
    const other = outcomes
      .filter((o) => o.outcome.kind === 'other')
      .map((o) => (o.outcome as { detail: string }).detail);
    const firstOkAfter =
      (Math.min(...ok.filter((o) => o.sentAt > restartedAt).map((o) => o.answeredAt)) - restartedAt) / 1000;
    console.log(
      `PostgreSQL restart: ${outcomes.length} mutations, ${ok.length} ok, ${unavailable.length} SERVICE_UNAVAILABLE, ${other.length} other; once PostgreSQL accepted connections again, the API was ready in ${readyAfter.toFixed(1)} s and a mutation succeeded in ${firstOkAfter.toFixed(1)} s`,
    );
    expect(other).toEqual([]);
    // The fault did reach the requests (else this test proved nothing).
    expect(unavailable.length).toBeGreaterThan(0);

    // Every thread of the run is whole: its opening post, its read position and its outbox event.
    const threads = (
      await db.query(
        `select t.id, t.title,
              (select count(*) from posts p where p.thread_id = t.id)::int as posts,
              (select count(*) from thread_reads r where r.thread_id = t.id)::int as reads,
              (select count(*) from outbox_events e where e.type = 'thread.created' and e.payload->>'threadId' = t.id::text)::int as events
         from threads t where t.title like $1`,
        [`pg-fault ${run} %`],
      )
    ).rows as { id: string; title: string; posts: number; reads: number; events: number }[];
    expect(threads.filter((t) => t.posts !== 1 || t.reads !== 1 || t.events !== 1)).toEqual([]);
    // Every success is stored; nothing is stored but successes and (at most) requests whose answer was lost.
    const stored = new Set(threads.map((t) => t.id));
    expect(ok.filter((o) => !stored.has((o.outcome as { id: string }).id))).toEqual([]);
    expect(threads.length).toBeLessThanOrEqual(ok.length + unavailable.length);
    expect(
      await count(
        `select count(*) as n from posts p where p.body like $1 and not exists (select 1 from threads t where t.id = p.thread_id)`,
        [`Opening post of pg-fault ${run} %`],
      ),
    ).toBe(0);

    // The worker found PostgreSQL again too: a new change reaches the convenors.
    const after = await createThread(clients[0]!, {
      groupId: groupIds.get('brexit-and-faith')!,
      title: `pg-fault ${run} after`,
      body: 'Back again, @group-convenors.',
    });
    expect(after.kind).toBe('ok');
    await until(
      async () => (await mentionsOf([(after as { id: string }).id])).length === 2,
      'the worker to deliver a change made after the restart',
      45,
    );

    // No dead connection was kept checked out of a pool: both processes still stop by themselves
    // (closing a pool waits for every connection to come back).
    const stopped = [api.proc, worker];
    for (const proc of stopped) proc.child.kill('SIGTERM');
    const exits = await Promise.all(stopped.map((proc) => exited(proc, 20)));
    await Promise.all(stopped.map((proc) => proc.stop('SIGKILL')));
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    expect({ api: cleanExit(exits[0]!), worker: cleanExit(exits[1]!) }).toEqual({
      api: expect.stringMatching(/^(SIGTERM|0)$/),
      worker: expect.stringMatching(/^(SIGTERM|0)$/),
    });
  });

  it('keeps sockets and queues working through a Redis restart, and loses no notification', async () => {
    // A second instance that has put nothing on a queue yet: its first job comes while Redis is down.
    const fresh = await startApi(env);
    extraProcs.push(fresh.proc);
    const convenor = await new Client(api.url).signIn('convenor@example.org');
    const partner = await new Client(fresh.url).signIn('partner@example.org');
    const groupId = groupIds.get('brexit-and-faith')!;
    const signals = new Map<Socket, number>();
    const drops = new Map<Socket, number>();
    const listen = (socket: Socket) => {
      socket.on('notification', () => signals.set(socket, (signals.get(socket) ?? 0) + 1));
      socket.on('disconnect', () => drops.set(socket, (drops.get(socket) ?? 0) + 1));
      return socket;
    };
    const early = listen(await connectSocket(convenor, api.url));

    await redis.stop();
    for (const url of [api.url, fresh.url])
      await until(async () => (await readiness(url)) === 503, 'readiness to report Redis down', 15);
    // A change while Redis is down commits with its outbox row, and answers at once.
    const during = await createThread(partner, {
      groupId,
      title: `redis-fault during ${randomUUID()}`,
      body: 'While Redis is away, @group-convenors.',
    });
    if (during.kind !== 'ok') console.warn(`the instance's log:\n${fresh.proc.logs.join('').slice(-3000)}`);
    expect(during).toEqual({ kind: 'ok', id: expect.any(String) });
    // A socket may still connect (sessions are in PostgreSQL), here to the other instance.
    const late = listen(await connectSocket(convenor, fresh.url));

    await redis.start();
    const restartedAt = Date.now();
    for (const url of [api.url, fresh.url])
      await until(async () => (await readiness(url)) === 200, 'the API to be ready again after Redis came back', 30);
    const readyAfter = (Date.now() - restartedAt) / 1000;
    signals.clear();
    // A job enqueued after the restart is processed: the worker's blocking connections came back.
    const afterwards = await createThread(partner, {
      groupId,
      title: `redis-fault after ${randomUUID()}`,
      body: 'Redis is back, @group-convenors.',
    });
    expect(afterwards).toEqual({ kind: 'ok', id: expect.any(String) });

    const threadIds = [(during as { id: string }).id, (afterwards as { id: string }).id];
    await until(
      async () => (await mentionsOf(threadIds)).length === 4,
      'both changes to reach both convenors',
      45,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nworker log:\n${worker.logs.join('').slice(-3000)}`);
    });
    expect((await mentionsOf(threadIds)).filter((m) => m.n !== 1)).toEqual([]);
    // Both sockets, the one from before the restart and the one made during it, hear of what came after,
    // through the Redis adapter that had to find Redis again, and are connected at the end.
    await until(
      async () => (signals.get(early) ?? 0) > 0 && (signals.get(late) ?? 0) > 0,
      'both sockets to be signalled after the restart',
      20,
    );
    expect([early.connected, late.connected]).toEqual([true, true]);
    console.log(
      `Redis restart: both instances ready ${readyAfter.toFixed(1)} s after restart; signals after it: ${signals.get(early)} and ${signals.get(late)}; socket drops: ${drops.get(early) ?? 0} and ${drops.get(late) ?? 0}`,
    );
  });

  it('finishes in-flight requests when the API gets SIGTERM, then exits by itself', async () => {
    const victim = await startApi(env);
    extraProcs.push(victim.proc);
    const partner = await new Client(victim.url).signIn('partner@example.org');
    const groupId = groupIds.get('brexit-and-faith')!;
    // A connected socket must not keep the server from closing.
    await connectSocket(partner, victim.url);

    // Slow uploads: each sends its bytes over about two seconds, and SIGTERM comes after the first.
    const uploads = Array.from({ length: 6 }, (_, i) => {
      const content = Buffer.from(`Upload ${i} of the SIGTERM test. `.repeat(2000));
      const boundary = `----convene${randomUUID()}`;
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sigterm-${i}.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      let started!: () => void;
      const firstChunk = new Promise<void>((r) => (started = r));
      const chunks = [
        head,
        ...Array.from({ length: 10 }, (_, k) =>
          content.subarray((k * content.length) / 10, ((k + 1) * content.length) / 10),
        ),
        tail,
      ];
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const chunk = chunks.shift();
          if (!chunk) return controller.close();
          if (chunk !== head) await sleep(200);
          controller.enqueue(new Uint8Array(chunk));
          started();
        },
      });
      const done = fetch(`${victim.url}/api/groups/${groupId}/documents`, {
        method: 'POST',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'x-requested-with': 'convene',
          cookie: partner.cookie,
        },
        body,
        duplex: 'half',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      } as RequestInit).then(
        async (res) => ({ status: res.status, json: (await res.json()) as UploadAnswer }),
        (error: Error & { cause?: { code?: string } }): { status: number; json: UploadAnswer } => ({
          status: 0,
          json: { error: `${error.name} ${error.cause?.code ?? error.message}` },
        }),
      );
      return { firstChunk, done, sha256: createHash('sha256').update(content).digest('hex'), size: content.length };
    });
    await Promise.all(uploads.map((u) => u.firstChunk));
    await sleep(300);
    const signalledAt = Date.now();
    victim.proc.child.kill('SIGTERM');

    const results = await Promise.all(uploads.map((u) => u.done));
    const exit = await exited(victim.proc, 20);
    console.log(
      `API SIGTERM: ${results.filter((r) => r.status === 201).length}/${results.length} uploads in flight completed; exited ${exit ? `${((Date.now() - signalledAt) / 1000).toFixed(1)} s after SIGTERM` : 'NOT within 20 s'}`,
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    expect(results.map((r) => r.json.version)).toEqual(
      uploads.map((u) => expect.objectContaining({ sha256: u.sha256, size: u.size })),
    );
    expect(cleanExit(exit)).toMatch(/^(SIGTERM|0)$/);
    const ids = results.map((r) => r.json.document!.id);
    expect(await count(`select count(*) as n from document_versions where document_id = any($1::uuid[])`, [ids])).toBe(
      ids.length,
    );
    expect(victim.proc.logs.join('')).not.toMatch(/ERROR/);
  });

  it('lets the worker finish its active jobs on SIGTERM, and a new worker completes the rest exactly once', async () => {
    const partner = await new Client(api.url).signIn('partner@example.org');
    const groupId = groupIds.get('brexit-and-faith')!;
    // An idle worker stops by itself.
    worker.child.kill('SIGTERM');
    expect(cleanExit(await exited(worker, 30))).toMatch(/^(SIGTERM|0)$/);

    // Work piles up while no worker runs: each thread tells both convenors of a mention.
    const threadIds: string[] = [];
    for (let batch = 0; batch < 8; batch++) {
      const made = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          createThread(partner, {
            groupId,
            title: `worker-fault ${batch}-${i} ${randomUUID()}`,
            body: 'For the convenors, @group-convenors.',
          }),
        ),
      );
      for (const outcome of made) {
        if (outcome.kind !== 'ok') throw new Error(`could not make a thread: ${JSON.stringify(outcome)}`);
        threadIds.push(outcome.id);
      }
    }
    const total = threadIds.length * 2;

    const busy = await startWorker(env);
    extraProcs.push(busy);
    await until(async () => (await mentionsOf(threadIds)).length > 0, 'the new worker to start on the pile', 20);
    busy.child.kill('SIGTERM');
    const exit = await exited(busy, 30);
    const doneAtExit = (await mentionsOf(threadIds)).length;
    const activeAtExit = await activeJobs();
    console.log(
      `worker SIGTERM: ${doneAtExit}/${total} notifications written when it exited (${exit ? 'by itself' : 'NOT within 30 s'}), ${activeAtExit} job(s) left active`,
    );
    expect(cleanExit(exit)).toMatch(/^(SIGTERM|0)$/);
    // It stopped mid-way (else this proves nothing), left no job stalled in the active list, and no job failed on the way out.
    expect(doneAtExit).toBeLessThan(total);
    expect(activeAtExit).toBe(0);
    expect(busy.logs.join('')).not.toMatch(/failed \(attempt|ERROR/);

    worker = await startWorker(env);
    await until(
      async () => (await mentionsOf(threadIds)).length === total,
      'the new worker to deliver the rest',
      60,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nworker log:\n${worker.logs.join('').slice(-3000)}`);
    });
    expect((await mentionsOf(threadIds)).filter((m) => m.n !== 1)).toEqual([]);
    expect(
      await count(
        `select count(*) as n from (select recipient_id, seq from notifications group by 1, 2 having count(*) > 1) d`,
      ),
    ).toBe(0);
    await until(async () => (await activeJobs()) === 0, 'no job to be left active', 20);
  });
});
