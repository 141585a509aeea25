// The notification spine on the real services: the API (GraphQL and socket.io), PostgreSQL and
// Redis. A change commits with its outbox event; a BullMQ worker on the notifications queue does
// what the worker app's deliver-event processor does: write one notification per recipient and
// show it to them on their sockets, through Redis.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import { JobQueue, createRedis, type JobPayloads } from '@convene/server-core';
import {
  JoinPolicy,
  MembershipRole,
  MembershipStatus,
  type NotificationMessage,
  type NotificationsReadMessage,
} from '@convene/shared-contracts';
import { NotificationsService } from '@convene/server-notifications';
import { ApiHarness, type GqlClient } from './api-harness.js';
import { pageStatements } from './page-statements.js';

const NOTIFICATIONS = `query N($after: Int) { notifications(after: $after) { id seq type readAt group { slug name } actor { displayName } } unreadNotificationCount }`;
const REQUEST = `mutation R($input: RequestToJoinInput!) { requestToJoin(input: $input) { id } }`;
const DECIDE = `mutation D($input: DecideMembershipInput!) { decideMembership(input: $input) { id } }`;

interface Seen {
  notifications: {
    id: string;
    seq: number;
    type: string;
    readAt: string | null;
    group: { slug: string; name: string } | null;
    actor: { displayName: string } | null;
  }[];
  unreadNotificationCount: number;
}

const until = async (check: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
};

describe('notifications', () => {
  let api: ApiHarness;
  let bull: Worker;
  let redis: Redis;

  beforeAll(async () => {
    api = await ApiHarness.start();
    redis = createRedis(api.config, 'worker');
    const notifications = api.app.get(NotificationsService);
    bull = new Worker<JobPayloads['deliver-event']>(
      'notifications',
      async (job) => {
        await api.asJob(() => notifications.fanOut(job.data.eventId, (slice) => notifications.send(slice)));
      },
      { connection: redis, prefix: `${api.config.redisPrefix}:bull` },
    );
  });
  afterAll(async () => {
    await bull.close();
    redis.disconnect();
    await api.stop();
  });

  const seen = async (client: GqlClient, after?: number) => {
    const result = await client.request<Seen>(NOTIFICATIONS, after === undefined ? {} : { after });
    if (result.errors) throw new Error(result.errors[0]!.message);
    return result.data!;
  };

  const connect = (client: GqlClient): Promise<Socket> => api.connect(client);

  async function groupWithPeople() {
    const group = await api.data.group({ joinPolicy: JoinPolicy.REQUEST, name: `Health ${Date.now()}` });
    const convenors = [await api.data.user(), await api.data.user()];
    for (const c of convenors) await api.data.membership(group, c, MembershipRole.CONVENOR);
    const member = await api.data.user();
    await api.data.membership(group, member);
    const applicant = await api.data.user({ displayName: 'Aisha Applicant' });
    return { group, convenors, member, applicant };
  }

  it('tells each convenor once about a join request, and nobody else', async () => {
    const { group, convenors, member, applicant } = await groupWithPeople();
    const asApplicant = await api.signedIn(applicant);
    const [first, second] = await Promise.all(convenors.map((c) => api.signedIn(c)));
    const asMember = await api.signedIn(member);
    await asApplicant.request(REQUEST, { input: { groupId: group.id } });

    await until(
      async () => (await seen(first!)).notifications.length === 1 && (await seen(second!)).notifications.length === 1,
      'both convenors to be told',
    );
    const told = await seen(first!);
    expect(told.notifications[0]).toMatchObject({
      type: 'JOIN_REQUESTED',
      readAt: null,
      group: { slug: group.slug },
      actor: { displayName: 'Aisha Applicant' },
    });
    expect(told.unreadNotificationCount).toBe(1);
    expect((await seen(asMember)).notifications).toEqual([]);
    expect((await seen(asApplicant)).notifications).toEqual([]);

    // The same event handled again (a retried or duplicated job) adds nothing.
    const [{ id: eventId }] = await api.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(`select id from outbox_events where payload->>'groupId' = ?`, [group.id]);
    expect(await api.asJob(() => api.app.get(NotificationsService).fanOut(eventId!))).toEqual([]);
    await api.app.get(JobQueue).add('deliver-event', { eventId: eventId! }, { jobId: `event-again-${eventId}` });
    await new Promise((r) => setTimeout(r, 300));
    const rows = await api.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from notifications where event_id = ?', [eventId]);
    expect(rows[0]!.n).toBe(2);
  });

  it('writes a change that tells many people in slices, each handed on as written, exactly once', async () => {
    const group = await api.data.group({ joinPolicy: JoinPolicy.REQUEST });
    const conn = api.orm.em.fork().getConnection();
    // 1,100 convenors, written directly: the factories would take long to make so many.
    await conn.execute(
      `with people as (
         insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
         select gen_random_uuid(), 'many-' || ? || '-' || i || '@example.org', 'Many ' || i, 'x', now(), now() from generate_series(1, 1100) i
         returning id)
       insert into memberships (id, group_id, user_id, role, status, created_at) select gen_random_uuid(), ?, id, 'CONVENOR', 'ACTIVE', now() from people`,
      [group.id.slice(0, 8), group.id],
    );
    const applicant = await api.data.user();
    const [event] = await conn.execute<{ id: string }[]>(
      `insert into outbox_events (id, type, payload, created_at) values (gen_random_uuid(), 'membership.requested', ?, now()) returning id`,
      [
        JSON.stringify({
          membershipId: '00000000-0000-4000-8000-000000000000',
          groupId: group.id,
          userId: applicant.id,
        }),
      ],
    );
    const slices: number[] = [];
    const delivered = await api.asJob(() =>
      api.app.get(NotificationsService).fanOut(event!.id, (slice) => slices.push(slice.length)),
    );
    expect(slices).toEqual([500, 500, 100]);
    expect(new Set(delivered.map((d) => d.recipientId)).size).toBe(1100);
    expect(await api.asJob(() => api.app.get(NotificationsService).fanOut(event!.id))).toEqual([]);
    expect(await conn.execute('select count(*)::int as n from notifications where event_id = ?', [event!.id])).toEqual([
      { n: 1100 },
    ]);
  });

  it('shows each convenor the notification in the socket message, as they may see it, with their unread count', async () => {
    const { group, convenors, applicant } = await groupWithPeople();
    const asConvenor = await api.signedIn(convenors[0]!);
    const before = await seen(asConvenor);
    const lastSeq = before.notifications[0]?.seq ?? 0;
    const socket = await connect(asConvenor);
    const message = new Promise<NotificationMessage>((resolve) => socket.once('notification', resolve));

    await (await api.signedIn(applicant)).request(REQUEST, { input: { groupId: group.id } });
    const got = await message;
    const caughtUp = await seen(asConvenor, lastSeq);
    expect(caughtUp.notifications).toHaveLength(1);
    const stored = caughtUp.notifications[0]!;
    // What the message shows is what the API answers for the same notification.
    expect(got).toEqual({
      seq: stored.seq,
      previousSeq: lastSeq,
      unreadCount: caughtUp.unreadNotificationCount,
      notification: {
        id: stored.id,
        seq: stored.seq,
        type: 'JOIN_REQUESTED',
        createdAt: expect.any(String),
        readAt: null,
        group: { id: group.id, slug: group.slug, name: group.name },
        actor: { id: applicant.id, displayName: 'Aisha Applicant' },
        subjectId: expect.any(String),
        contentFree: false,
      },
    });
  });

  it('leaves out who and what in the message where the group is content-free', async () => {
    const { group, convenors, applicant } = await groupWithPeople();
    await api.orm.em
      .fork()
      .getConnection()
      .execute('update working_groups set content_free_notifications = true where id = ?', [group.id]);
    const socket = await connect(await api.signedIn(convenors[0]!));
    const message = new Promise<NotificationMessage>((resolve) => socket.once('notification', resolve));
    await (await api.signedIn(applicant)).request(REQUEST, { input: { groupId: group.id } });
    expect((await message).notification).toMatchObject({
      type: 'JOIN_REQUESTED',
      actor: null,
      contentFree: true,
      group: { id: group.id },
    });
  });

  it('tells the applicant when a convenor approves, and a read mark reaches their other tabs', async () => {
    const { group, convenors, applicant } = await groupWithPeople();
    const asApplicant = await api.signedIn(applicant);
    const [tab, otherTab] = [await connect(asApplicant), await connect(asApplicant)];
    const message = new Promise<NotificationMessage>((resolve) => tab.once('notification', resolve));
    const membership = await api.data.membership(group, applicant, MembershipRole.MEMBER, MembershipStatus.PENDING);
    await (
      await api.signedIn(convenors[0]!)
    ).request(DECIDE, { input: { membershipId: membership.id, approve: true } });
    await until(async () => (await seen(asApplicant)).notifications.length === 1, 'the applicant to be told');
    const { notifications } = await seen(asApplicant);
    expect(notifications[0]).toMatchObject({ type: 'MEMBERSHIP_APPROVED', group: { name: group.name } });
    expect(await message).toMatchObject({
      seq: notifications[0]!.seq,
      previousSeq: 0,
      unreadCount: 1,
      notification: { id: notifications[0]!.id },
    });
    const readElsewhere = new Promise<NotificationsReadMessage>((resolve) =>
      otherTab.once('notifications:read', resolve),
    );
    const marked = await asApplicant.request<{ markNotificationsRead: number }>(
      `mutation M($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
      { ids: [notifications[0]!.id] },
    );
    expect(marked.data?.markNotificationsRead).toBe(0);
    expect(await readElsewhere).toEqual({ ids: [notifications[0]!.id], upToSeq: null, unreadCount: 0 });
    // Someone else cannot mark (or see) them, and their marks reach only their own sockets.
    const stranger = await api.signedIn(await api.data.user());
    let overheard = 0;
    otherTab.on('notifications:read', () => (overheard += 1));
    await stranger.request(`mutation M($upToSeq: Int) { markNotificationsRead(upToSeq: $upToSeq) }`, {
      upToSeq: 1_000_000,
    });
    expect((await seen(stranger)).notifications).toEqual([]);
    expect((await seen(asApplicant)).notifications[0]!.readAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect(overheard).toBe(0);
  });

  it('refuses sockets without a session and drops them at sign-out', async () => {
    await expect(connect(api.client())).rejects.toThrow('UNAUTHENTICATED');
    const client = await api.signedIn(await api.data.user());
    const socket = await connect(client);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await client.request('mutation { signOut }');
    expect(await dropped).toBe('io server disconnect');
  });

  it('answers the notification queries only to signed-in people, with bounded pages', async () => {
    expect(await api.client().outcome('{ unreadNotificationCount }')).toBe('UNAUTHENTICATED');
    expect(await api.client().outcome('{ notifications { id } }')).toBe('UNAUTHENTICATED');
    expect(await api.client().outcome('mutation { markNotificationsRead(upToSeq: 1) }')).toBe('UNAUTHENTICATED');
    const client = await api.signedIn(await api.data.user());
    expect(await client.outcome('{ notifications(first: 1000) { id } }')).toBe('BAD_USER_INPUT');
    expect(await client.outcome('mutation { markNotificationsRead(ids: ["nope"]) }')).toBe('BAD_USER_INPUT');
  });

  it('answers the bell and the notification centre in as many SQL statements for 100 notifications as for 20', async () => {
    // As libs/web/notifications asks for them.
    const BELL = `query Notifications($first: Int!) { unreadNotificationCount notifications(first: $first) {
      id seq type createdAt readAt group { id slug name } actor { id displayName } subjectId contentFree } }`;
    const CATCH_UP = `query NotificationsAfter($after: Int!, $first: Int!) { unreadNotificationCount notifications(after: $after, first: $first) { id seq group { id } actor { id } contentFree } }`;
    const sql = <T>(query: string, params: unknown[] = []) =>
      api.orm.em.fork().getConnection().execute<T[]>(query, params);
    /** Someone with n notifications, each about a group of its own and caused by a person of its own; every third group content-free. */
    async function recipientOf(n: number) {
      const recipient = await api.data.user();
      await sql(
        `with actors as (
           insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
           select gen_random_uuid(), 'bell-' || ? || '-' || i || '@example.org', 'Actor ' || i, 'x', now(), now() from generate_series(1, ?) i returning id, display_name),
         groups as (
           insert into working_groups (id, slug, name, purpose, content_free_notifications, created_at, updated_at)
           select gen_random_uuid(), 'bell-' || a.id, 'Bell group ' || a.id, 'For the bell test.', substring(a.display_name from 7)::int % 3 = 0, now(), now() from actors a returning id, slug)
         insert into notifications (id, recipient_id, seq, event_id, type, group_id, actor_id, subject_id, created_at)
         select gen_random_uuid(), ?, row_number() over (), gen_random_uuid(), 'THREAD_CREATED', g.id, a.id, gen_random_uuid(), now()
         from actors a join groups g on g.slug = 'bell-' || a.id`,
        [recipient.id, n, recipient.id],
      );
      await sql(`insert into notification_sequences (user_id, last_seq) values (?, ?)`, [recipient.id, n]);
      return { n, client: await api.signedIn(recipient) };
    }
    type Seen = { unreadNotificationCount: number; notifications: { actor: unknown; contentFree: boolean }[] };
    const counts: number[][] = [];
    for (const { n, client } of [await recipientOf(20), await recipientOf(100)]) {
      const bell = await pageStatements<Seen>(api, client, BELL, { first: n });
      expect(bell.data.unreadNotificationCount).toBe(n);
      expect(bell.data.notifications.filter((x) => x.actor && !x.contentFree)).toHaveLength(n - Math.floor(n / 3));
      const catchUp = await pageStatements<Seen>(api, client, CATCH_UP, { after: 0, first: n });
      expect(catchUp.data.notifications).toHaveLength(n);
      counts.push([bell.statements, catchUp.statements]);
    }
    expect(counts[0]!.every((c) => c > 0)).toBe(true);
    expect(counts[1]).toEqual(counts[0]);
  });
});
