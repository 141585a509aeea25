// Redis that comes back empty (a redis-server without persistence after a crash, or a failover
// that drops what was not replicated) against the real API and worker. PostgreSQL is the truth:
// what Redis lost is rebuilt from it. What must hold: every notification written exactly once,
// every email due sent exactly once, browsers' sockets carry on and catch up, and the worker stops
// on SIGTERM even while Redis is away.
import { randomBytes, createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import type { NotificationMessage } from '@convene/shared-contracts';
import {
  Client,
  PrivateRedis,
  exited,
  prepareDatabase,
  startApi,
  startWorker,
  systemEnv,
  until,
  type Proc,
} from './processes.js';

const REQUEST = `mutation R($input: RequestToJoinInput!) { requestToJoin(input: $input) { status } }`;
const GROUP_ID = `query G($slug: String!) { workingGroup(slug: $slug) { id } }`;
const AFTER = `query A($after: Int!, $first: Int!) { unreadNotificationCount notifications(after: $after, first: $first) { id seq } }`;
const NEWEST = `query N { notifications(first: 1) { seq } }`;
/** Convenors added to the group, each told of every join request (in the app and by email). */
const CONVENORS = 200;
const REQUESTS = 5;

/**
 * A bell that follows the web's rule (NotificationStream): a message that follows the last number
 * shown is shown as it is; otherwise, and on every reconnect, everything after that number is asked for.
 */
class Bell {
  readonly seen = new Set<string>();
  lastSeq = 0;
  requests = 0;
  private catching: Promise<void> | null = null;
  constructor(readonly client: Client) {}

  receive(message: NotificationMessage): void {
    if (message.seq <= this.lastSeq) return;
    if (!this.catching && message.previousSeq === this.lastSeq) {
      this.seen.add(message.notification.id);
      this.lastSeq = message.seq;
    } else void this.catchUp();
  }

  catchUp(): Promise<void> {
    this.catching ??= (async () => {
      this.requests += 1;
      const { data } = await this.client.request<{ notifications: { id: string; seq: number }[] }>(AFTER, {
        after: this.lastSeq,
        first: 50,
      });
      for (const n of data?.notifications ?? []) this.seen.add(n.id);
      this.lastSeq = Math.max(this.lastSeq, ...(data?.notifications ?? []).map((n) => n.seq));
    })().finally(() => (this.catching = null));
    return this.catching;
  }
}

describe('Redis lost and back empty', () => {
  let redis: PrivateRedis;
  let env: Record<string, string>;
  let api: { proc: Proc; url: string };
  let worker: Proc;
  let db: pg.Client;
  let groupId: string;
  const extraProcs: Proc[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    env = systemEnv('redisloss', redis.url);
    prepareDatabase(env);
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    db = new pg.Client({ connectionString: env['DATABASE_URL'] });
    await db.connect();
    const anyone = await new Client(api.url).signIn('convenor@example.org');
    groupId = (await anyone.request<{ workingGroup: { id: string } }>(GROUP_ID, { slug: 'brexit-and-faith' })).data!
      .workingGroup.id;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await redis?.start();
    await Promise.all([api?.proc, worker, ...extraProcs].map((proc) => proc?.stop()));
    await db?.end();
    await redis?.remove();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);
  const emptyRedis = async () => {
    const probe = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    try {
      return await probe.dbsize();
    } finally {
      probe.disconnect();
    }
  };

  async function newApplicant(): Promise<Client> {
    const email = `applicant-${randomBytes(4).toString('hex')}@example.org`;
    const client = new Client(api.url);
    const result = await client.request(`mutation S($input: SignUpInput!) { signUp(input: $input) { id } }`, {
      input: { email, password: 'a long enough phrase', displayName: `Applicant ${email.slice(10, 18)}` },
    });
    if (result.errors) throw new Error(result.errors[0]!.message);
    return client;
  }

  /** `n` convenors of the group, written directly, each with a session; returns their cookies. */
  async function convenors(n: number, tag: string): Promise<string[]> {
    const tokens = Array.from({ length: n }, () => randomBytes(32).toString('base64url'));
    await db.query(
      `with people as (
         insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
         select gen_random_uuid(), $1 || '-' || i || '@example.org', 'Convenor ' || i, 'x', now(), now() from generate_series(1, $2) i
         returning id, email)
       , ms as (insert into memberships (id, group_id, user_id, role, status, created_at) select gen_random_uuid(), $3, id, 'CONVENOR', 'ACTIVE', now() from people)
       insert into sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at)
       select gen_random_uuid(), t.hash, p.id, now(), now(), now() + interval '1 day'
       from (select id, row_number() over (order by id) r from people) p
       join (select hash, ordinality r from unnest($4::text[]) with ordinality as hash) t on t.r = p.r`,
      [tag, n, groupId, tokens.map((t) => createHash('sha256').update(t).digest('hex'))],
    );
    return tokens.map((t) => `convene_session=${t}`);
  }

  it('writes every notification exactly once and sends every email due exactly once, after Redis lost their jobs', async () => {
    const tag = `lost-${randomBytes(3).toString('hex')}`;
    await convenors(CONVENORS, tag);
    const startedAt = new Date();
    const admin = await new Client(api.url).signIn('admin@example.org');
    const applicants = await Promise.all(Array.from({ length: REQUESTS }, () => newApplicant()));
    // The worker is away: the changes commit, their jobs wait in Redis.
    await worker.stop();
    for (const applicant of applicants)
      expect(
        (await applicant.request<{ requestToJoin: { status: string } }>(REQUEST, { input: { groupId } })).data
          ?.requestToJoin.status,
      ).toBe('PENDING');
    const invitedAddress = `invited-${randomBytes(4).toString('hex')}@example.org`;
    const invited = await admin.request(
      `mutation I($input: InviteToNetworkInput!) { inviteToNetwork(input: $input) { id } }`,
      { input: { email: invitedAddress } },
    );
    expect(invited.errors).toBeUndefined();
    const eventIds = (
      await db.query(
        `select id from outbox_events where type = 'membership.requested' and payload->>'groupId' = $1 and delivered_at is null`,
        [groupId],
      )
    ).rows.map((r) => r.id as string);
    expect(eventIds).toHaveLength(REQUESTS);
    // Handed to the queue (the old outbox would have called them done here), and the mail is queued.
    expect(
      await count(`select count(*) as n from outbox_events where id = any($1) and published_at is not null`, [
        eventIds,
      ]),
    ).toBe(REQUESTS);
    expect(
      await count(`select count(*) as n from mail_messages where to_address = $1 and status = 'queued'`, [
        invitedAddress,
      ]),
    ).toBe(1);

    // Redis crashes and comes back with nothing.
    await redis.stop();
    await redis.start();
    expect(await emptyRedis()).toBe(0);

    worker = await startWorker(env);
    const recipients = await count(
      `select count(*) as n from memberships where group_id = $1 and role = 'CONVENOR' and status = 'ACTIVE'`,
      [groupId],
    );
    const expected = REQUESTS * recipients;
    await until(
      async () =>
        (await count(`select count(*) as n from notifications where event_id = any($1)`, [eventIds])) === expected,
      'every notification to be written',
      90,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nworker log:\n${worker.logs.join('').slice(-3000)}`);
    });
    await until(
      async () =>
        (await count(
          `select count(*) as n from notifications where event_id = any($1) and emailed_at is null and email = 'IMMEDIATE'`,
          [eventIds],
        )) === 0,
      'every email to be written',
      90,
    );
    await until(
      async () => (await count(`select count(*) as n from mail_messages where status = 'queued'`)) === 0,
      'every mail to be sent',
      60,
    );

    const written = await count(`select count(*) as n from notifications where event_id = any($1)`, [eventIds]);
    const doubled = await count(
      `select count(*) as n from (select event_id, recipient_id from notifications where event_id = any($1) group by 1, 2 having count(*) > 1) d`,
      [eventIds],
    );
    const undelivered = await count(
      `select count(*) as n from outbox_events where id = any($1) and delivered_at is null`,
      [eventIds],
    );
    const joinMails = await count(
      `select count(*) as n from mail_messages where kind = 'join-request' and created_at >= $1`,
      [startedAt],
    );
    const mailsPerPerson = (
      await db.query(
        `select count(*)::int as n from mail_messages where kind = 'join-request' and to_address like $1 group by to_address`,
        [`${tag}-%`],
      )
    ).rows.map((r) => r.n as number);
    const invitationMails = (
      await db.query(`select status from mail_messages where to_address = $1`, [invitedAddress])
    ).rows.map((r) => r.status as string);
    console.log(
      `Redis lost its jobs: ${written}/${expected} notifications written (${doubled} twice), ${undelivered} events undelivered, ${joinMails} join-request emails sent (${Math.max(...mailsPerPerson)} at most per person), the invitation: ${invitationMails.join(', ')}`,
    );
    expect({ written, doubled, undelivered }).toEqual({ written: expected, doubled: 0, undelivered: 0 });
    // Each of the added convenors (email straight away, by default) gets one email per request, once.
    expect(mailsPerPerson.every((n) => n === REQUESTS)).toBe(true);
    expect(mailsPerPerson).toHaveLength(CONVENORS);
    expect(invitationMails).toEqual(['sent']);
    expect(worker.logs.join('')).not.toMatch(/ERROR/);
  });

  it('keeps browsers’ sockets through a Redis restart: they hear what comes after it, and catch up on what they missed', async () => {
    const cookies = await convenors(20, `sockets-${randomBytes(3).toString('hex')}`);
    const bells = await Promise.all(
      cookies.map(async (cookie) => {
        const client = new Client(api.url);
        client.cookie = cookie;
        const bell = new Bell(client);
        bell.lastSeq =
          (await client.request<{ notifications: { seq: number }[] }>(NEWEST)).data?.notifications[0]?.seq ?? 0;
        const socket = io(api.url, {
          path: '/socket.io',
          transports: ['websocket'],
          extraHeaders: { cookie },
          reconnectionDelay: 200,
          reconnectionDelayMax: 1000,
        });
        sockets.push(socket);
        await new Promise<void>(
          (resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject)),
        );
        // As the web does: each message into the bell, and a catch-up on every reconnect.
        socket.on('notification', (message: NotificationMessage) => bell.receive(message));
        socket.io.on('reconnect', () => void bell.catchUp());
        return { bell, socket };
      }),
    );

    // While Redis is away a change still commits; the worker cannot hear of it yet.
    const duringApplicant = await newApplicant();
    await redis.stop();
    const requested = await duringApplicant.request<{ requestToJoin: { status: string } }>(REQUEST, {
      input: { groupId },
    });
    expect(requested.data?.requestToJoin.status).toBe('PENDING');
    await redis.start();
    await until(async () => (await fetch(`${api.url}/health/ready`)).status === 200, 'the API to be ready again', 30);
    const after = await newApplicant();
    expect(
      (await after.request<{ requestToJoin: { status: string } }>(REQUEST, { input: { groupId } })).data?.requestToJoin
        .status,
    ).toBe('PENDING');

    // Every convenor's bell ends holding both notifications: the one made during the outage
    // (relayed from PostgreSQL) and the one after it, each once.
    const ids = async (cookie: string) =>
      (
        await db.query(
          `select n.id from notifications n join sessions s on s.user_id = n.recipient_id where s.token_hash = $1 and n.type = 'JOIN_REQUESTED'`,
          [createHash('sha256').update(cookie.split('=')[1]!).digest('hex')],
        )
      ).rows.map((r) => r.id as string);
    await until(
      async () => (await Promise.all(cookies.map(async (c) => (await ids(c)).length))).every((n) => n === 2),
      'both changes to be written for every convenor',
      90,
    );
    await until(
      async () =>
        (
          await Promise.all(bells.map(async ({ bell }, i) => (await ids(cookies[i]!)).every((id) => bell.seen.has(id))))
        ).every(Boolean),
      'every bell to show both',
      30,
    );
    const requests = bells.map(({ bell }) => bell.requests);
    console.log(
      `Redis restart with ${bells.length} sockets: connected at the end ${bells.filter(({ socket }) => socket.connected).length}; catch-up requests per bell: ${Math.min(...requests)}–${Math.max(...requests)}`,
    );
    expect(bells.every(({ socket }) => socket.connected)).toBe(true);
    expect(bells.every(({ bell }) => bell.seen.size === 2)).toBe(true);
  });

  it('stops the worker on SIGTERM while Redis is away', async () => {
    await redis.stop();
    const stopping = worker;
    stopping.child.kill('SIGTERM');
    const stopped = (await exited(stopping, 15)) !== null;
    await redis.start();
    if (!stopped) {
      console.warn(
        `the worker did not stop within 15 s of SIGTERM:\n${stopping.logs
          .join('')
          .split('\n')
          .filter((l) => !l.includes('ECONNREFUSED'))
          .slice(-40)
          .join('\n')}`,
      );
      await stopping.stop('SIGKILL');
    }
    expect(stopped).toBe(true);
    worker = await startWorker(env);
    extraProcs.push(worker);
  });
});
