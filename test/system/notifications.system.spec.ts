// The notification pipeline as real processes: API instances and the worker from the build,
// PostgreSQL, and a private redis-server this test may stop, start, and whose worker it may kill.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { io, type Socket } from 'socket.io-client';
import pg from 'pg';
import type { NotificationMessage } from '@convene/shared-contracts';
import { Client, PrivateRedis, prepareDatabase, startApi, startWorker, systemEnv, type Proc } from './processes.js';

const REQUEST = `mutation R($input: RequestToJoinInput!) { requestToJoin(input: $input) { id status } }`;
const GROUP_ID = `query G($slug: String!) { workingGroup(slug: $slug) { id } }`;
const NOTIFICATIONS = `query N($after: Int) { notifications(after: $after, first: 100) { id seq type actor { displayName } } }`;

const until = async (check: () => Promise<boolean>, what: string, seconds = 90) => {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`gave up waiting for ${what}`);
};

describe('notifications across processes', () => {
  let redis: PrivateRedis;
  let env: Record<string, string>;
  let apiA: { proc: Proc; url: string };
  let apiB: { proc: Proc; url: string };
  let worker: Proc;
  let db: pg.Client;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    env = systemEnv('notify', redis.url);
    prepareDatabase(env);
    [apiA, apiB, worker] = await Promise.all([startApi(env), startApi(env), startWorker(env)]);
    db = new pg.Client({ connectionString: env['DATABASE_URL'] });
    await db.connect();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all([apiA?.proc.stop(), apiB?.proc.stop(), worker?.stop()]);
    await db?.end();
    await redis?.stop();
  });

  async function newApplicant(url: string): Promise<Client> {
    const email = `applicant-${Math.random().toString(36).slice(2, 10)}@example.org`;
    const client = new Client(url);
    const result = await client.request(`mutation S($input: SignUpInput!) { signUp(input: $input) { id } }`, {
      input: { email, password: 'a long enough phrase', displayName: `Applicant ${email.slice(10, 18)}` },
    });
    if (result.errors) throw new Error(result.errors[0]!.message);
    return client;
  }

  const brexitId = async (client: Client) =>
    (await client.request<{ workingGroup: { id: string } }>(GROUP_ID, { slug: 'brexit-and-faith' })).data!.workingGroup
      .id;
  const countFor = async (email: string) =>
    Number(
      (
        await db.query(
          `select count(*) as n from notifications n join users u on u.id = n.recipient_id where u.email = $1`,
          [email],
        )
      ).rows[0].n,
    );
  const mailsFor = async (email: string) =>
    Number(
      (
        await db.query(`select count(*) as n from mail_messages where to_address = $1 and kind = 'join-request'`, [
          email,
        ])
      ).rows[0].n,
    );

  it('reaches a socket on instance B for a change made through instance A', async () => {
    const convenor = await new Client(apiB.url).signIn('convenor@example.org');
    const newest = await convenor.request<{ notifications: { seq: number }[] }>(NOTIFICATIONS, { after: 0 });
    const lastSeq = Math.max(0, ...(newest.data?.notifications ?? []).map((n) => n.seq));
    const socket = io(apiB.url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie: convenor.cookie },
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const message = new Promise<NotificationMessage>((resolve) => socket.once('notification', resolve));

    const applicant = await newApplicant(apiA.url);
    const requested = await applicant.request<{ requestToJoin: { status: string } }>(REQUEST, {
      input: { groupId: await brexitId(applicant) },
    });
    expect(requested.data?.requestToJoin.status).toBe('PENDING');

    const shown = await message;
    const latest = await convenor.request<{ notifications: { id: string; seq: number; type: string }[] }>(
      NOTIFICATIONS,
      { after: lastSeq },
    );
    expect(latest.data?.notifications).toEqual([expect.objectContaining({ type: 'JOIN_REQUESTED' })]);
    expect(shown).toMatchObject({
      seq: latest.data!.notifications[0]!.seq,
      previousSeq: lastSeq,
      notification: { id: latest.data!.notifications[0]!.id, type: 'JOIN_REQUESTED' },
    });
  });

  it('delivers an event made while Redis was down once Redis is back', async () => {
    const applicant = await newApplicant(apiA.url);
    const groupId = await brexitId(applicant);
    const before = await countFor('convenor@example.org');
    await redis.stop();
    const requested = await applicant.request<{ requestToJoin: { status: string } }>(REQUEST, { input: { groupId } });
    // The change itself does not need Redis: it commits with its outbox row.
    expect(requested.data?.requestToJoin.status).toBe('PENDING');
    const stored = await db.query(`select count(*) as n from outbox_events where published_at is null`);
    expect(Number(stored.rows[0].n)).toBeGreaterThanOrEqual(1);
    // What does need Redis (the sign-in rate limits) answers at once with a clear code, as does readiness.
    const signIn = await new Client(apiA.url).request(
      `mutation { signIn(input: { email: "convenor@example.org", password: "x" }) { id } }`,
    );
    expect(signIn.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect((await fetch(`${apiA.url}/health/ready`)).status).toBe(503);
    await redis.start();
    await until(
      async () => (await countFor('convenor@example.org')) === before + 1,
      'the event to be delivered after Redis came back',
    );
    // And the API recovers by itself.
    await until(async () => (await fetch(`${apiA.url}/health/ready`)).status === 200, 'the API to be ready again', 30);
  });

  it('delivers every notification exactly once when the worker is killed mid-way and restarted', async () => {
    const applicants = await Promise.all(Array.from({ length: 20 }, () => newApplicant(apiA.url)));
    const groupId = await brexitId(applicants[0]!);
    const convenors = ['convenor@example.org', 'chidi@example.org'];
    const before = await Promise.all(convenors.map(countFor));
    const mailsBefore = await Promise.all(convenors.map(mailsFor));

    await worker.stop('SIGKILL');
    for (const applicant of applicants) await applicant.request(REQUEST, { input: { groupId } });
    worker = await startWorker(env);
    await new Promise((r) => setTimeout(r, 150));
    await worker.stop('SIGKILL'); // in the middle of the fan-out
    worker = await startWorker(env);

    await until(
      async () => (await Promise.all(convenors.map(countFor))).every((n, i) => n === before[i]! + applicants.length),
      'every join request to reach both convenors',
      120,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nworker log:\n${worker.logs.join('').slice(-4000)}`);
    });
    // Exactly once: no extra rows, and every person's sequence numbers are distinct.
    const duplicates = await db.query(
      `select recipient_id, seq, count(*) from notifications group by recipient_id, seq having count(*) > 1`,
    );
    expect(duplicates.rows).toEqual([]);
    expect(await Promise.all(convenors.map(countFor))).toEqual(before.map((n) => n + applicants.length));
    // One email per notification, no more (the demo convenors have email on for join requests).
    await until(
      async () =>
        (await Promise.all(convenors.map(mailsFor))).every((n, i) => n === mailsBefore[i]! + applicants.length),
      'every convenor email to be written',
      60,
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(await Promise.all(convenors.map(mailsFor))).toEqual(mailsBefore.map((n) => n + applicants.length));
  });
});
