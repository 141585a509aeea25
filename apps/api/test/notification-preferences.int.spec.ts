// Preferences decide who is told, where, and how much they are told: the fan-out, the in-app
// queries and the emails, on the real PostgreSQL. Events are handed to the fan-out directly (the
// queue path is covered in notifications.int.spec.ts and the system tests).
import { describe, expect, it } from '@jest/globals';
import {
  EmailDelivery,
  GroupNotificationLevel,
  JoinPolicy,
  MembershipRole,
  NotificationCategory,
} from '@convene/shared-contracts';
import {
  NotificationMailService,
  NotificationPreferencesService,
  NotificationsService,
} from '@convene/server-notifications';
import type { User } from '@convene/server-identity';
import type { Viewer } from '@convene/server-core';
import { type GqlClient, useApiHarness } from './api-harness.js';
import { dataOf } from './group-personas.js';

const REQUEST = `mutation R($input: RequestToJoinInput!) { requestToJoin(input: $input) { id } }`;
const NOTIFICATIONS = `{ notifications { id type contentFree actor { displayName } group { name } } unreadNotificationCount }`;
const UPDATE = `mutation U($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { contentFree channels { category inApp email } } }`;
const SET_LEVEL = `mutation L($groupId: ID!, $level: GroupNotificationLevel!) { setGroupNotificationLevel(groupId: $groupId, level: $level) }`;
const UPDATE_GROUP = `mutation G($input: UpdateWorkingGroupInput!) { updateWorkingGroup(input: $input) { contentFreeNotifications } }`;

interface Seen {
  notifications: {
    id: string;
    type: string;
    contentFree: boolean;
    actor: { displayName: string } | null;
    group: { name: string } | null;
  }[];
  unreadNotificationCount: number;
}
interface MailRow {
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string | null;
  unsubscribe_url: string | null;
  kind: string;
}

describe('notification preferences', () => {
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);

  const api = useApiHarness();

  const seen = async (client: GqlClient) => dataOf(await client.request<Seen>(NOTIFICATIONS));
  const mailsTo = (user: User) =>
    sql<MailRow>('select * from mail_messages where to_address = ? order by created_at', [user.email]);

  /** A REQUEST group with two convenors (or more), and someone who asks to join it (with a note); the event is fanned out. */
  async function joinRequest(
    options: {
      before?: (convenors: GqlClient[], groupId: string) => Promise<void>;
      note?: string;
      convenors?: number;
    } = {},
  ) {
    const group = await api.data.group({
      joinPolicy: JoinPolicy.REQUEST,
      name: `Policing ${Math.random().toString(36).slice(2, 8)}`,
    });
    const convenors: User[] = [];
    for (let i = 0; i < (options.convenors ?? 2); i++) convenors.push(await api.data.user());
    for (const c of convenors) await api.data.membership(group, c, MembershipRole.CONVENOR);
    const clients = await Promise.all(convenors.map((c) => api.signedIn(c)));
    await options.before?.(clients, group.id);
    const applicant = await api.data.user({ displayName: 'Yusuf Applicant' });
    dataOf(
      await (
        await api.signedIn(applicant)
      ).request(REQUEST, { input: { groupId: group.id, message: options.note ?? 'I run a legal clinic.' } }),
    );
    const [event] = await sql<{ id: string }>(
      `select id from outbox_events where type = 'membership.requested' and payload->>'groupId' = ?`,
      [group.id],
    );
    await api.asJob(() => api.app.get(NotificationsService).fanOut(event!.id));
    const rows = await sql<{ id: string; recipient_id: string; in_app: boolean; email: string }>(
      'select id, recipient_id, in_app, email from notifications where event_id = ?',
      [event!.id],
    );
    return { group, convenors, clients, applicant, eventId: event!.id, rows };
  }

  it('tells nobody who muted the group, and everyone else as usual', async () => {
    const { convenors, clients, rows } = await joinRequest({
      before: async ([first], groupId) => void dataOf(await first!.request(SET_LEVEL, { groupId, level: 'MUTED' })),
    });
    expect(rows.map((r) => r.recipient_id)).toEqual([convenors[1]!.id]);
    expect((await seen(clients[0]!)).notifications).toEqual([]);
    expect((await seen(clients[1]!)).notifications).toHaveLength(1);
  });

  it('tells people at "involving me" what is addressed to them, and followers only at "all activity"', async () => {
    const group = await api.data.group();
    const [involved, quiet, keen] = [await api.data.user(), await api.data.user(), await api.data.user()];
    const preferences = api.app.get(NotificationPreferencesService);
    for (const person of [involved, quiet, keen]) await api.data.membership(group, person);
    const viewer = (user: User): Viewer => ({ userId: user.id, networkRole: user.networkRole, sessionId: 'not used' });
    await api.asJob(() => preferences.setGroupLevel(viewer(involved), group.id, GroupNotificationLevel.INVOLVING_ME));
    await api.asJob(() => preferences.setGroupLevel(viewer(quiet), group.id, GroupNotificationLevel.INVOLVING_ME));
    const told = await api.asJob(() =>
      preferences.deliveries({
        groupId: group.id,
        category: NotificationCategory.MEMBERSHIP,
        involved: [involved.id],
        followers: [quiet.id, keen.id],
      }),
    );
    expect([...told.keys()].sort()).toEqual([involved.id, keen.id].sort());
  });

  it('keeps a notification out of the app when its category is email-only, and stores nothing when both are off', async () => {
    const { convenors, clients, rows } = await joinRequest({
      before: async ([first, second]) => {
        dataOf(
          await first!.request(UPDATE, {
            input: { channels: [{ category: 'JOIN_REQUESTS', inApp: false, email: 'IMMEDIATE' }] },
          }),
        );
        dataOf(
          await second!.request(UPDATE, {
            input: { channels: [{ category: 'JOIN_REQUESTS', inApp: false, email: 'NONE' }] },
          }),
        );
      },
    });
    expect(rows).toEqual([
      expect.objectContaining({ recipient_id: convenors[0]!.id, in_app: false, email: EmailDelivery.IMMEDIATE }),
    ]);
    expect(await seen(clients[0]!)).toEqual({ notifications: [], unreadNotificationCount: 0 });
  });

  it('emails a join request once, as multipart mail with a stable Message-ID and a working one-click unsubscribe', async () => {
    const { convenors, rows, eventId } = await joinRequest({ note: 'We meet on Thursdays.' });
    const owed = await api.asJob(() => api.app.get(NotificationsService).awaitingEmail(eventId));
    expect(owed.sort()).toEqual(rows.map((r) => r.id).sort());
    const mailer = api.app.get(NotificationMailService);
    const mine = rows.find((r) => r.recipient_id === convenors[0]!.id)!;
    expect(await api.asJob(() => mailer.sendImmediate([mine.id]))).toBe(1);
    // A retried or duplicated job writes nothing more.
    expect(await Promise.all([mailer.sendImmediate([mine.id]), mailer.sendImmediate([mine.id])])).toEqual([0, 0]);
    const mails = await mailsTo(convenors[0]!);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.message_id).toBe(`<notification-${mine.id}@localhost>`);
    expect(mail!.subject).toMatch(/^Yusuf Applicant asks to join Policing/);
    expect(mail!.text_body).toContain('Their note: “We meet on Thursdays.”');
    expect(mail!.html_body).toContain('<a href="http://localhost');
    expect(mail!.text_body).toContain(`Stop emails about join requests: ${mail!.unsubscribe_url}`);

    // The mail program's one-click POST (RFC 8058) stops this category's email, and nothing else.
    const response = await fetch(mail!.unsubscribe_url!.replace('http://localhost:3000', api.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect(
      await sql('select category, in_app, email from notification_channel_preferences where user_id = ?', [
        convenors[0]!.id,
      ]),
    ).toEqual([{ category: 'JOIN_REQUESTS', in_app: true, email: 'NONE' }]);
    const forged = await fetch(`${api.url}/unsubscribe/${convenors[0]!.id}.JOIN_REQUESTS.${'x'.repeat(32)}`, {
      method: 'POST',
    });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({
      error: { code: 'BAD_USER_INPUT', reason: 'INVALID_UNSUBSCRIBE_LINK' },
    });
  });

  it('writes no email for a notification read in the app before its email was due', async () => {
    const { convenors, clients, rows } = await joinRequest();
    const mine = rows.find((r) => r.recipient_id === convenors[0]!.id)!;
    dataOf(
      await clients[0]!.request(`mutation M($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [mine.id] }),
    );
    const mailer = api.app.get(NotificationMailService);
    expect(await api.asJob(() => mailer.sendImmediate([mine.id]))).toBe(0);
    expect(await mailsTo(convenors[0]!)).toEqual([]);
    // Handled, so the sweep does not try again; the other convenor, who has not read it, gets theirs.
    expect(await sql('select emailed_at is not null as handled from notifications where id = ?', [mine.id])).toEqual([
      { handled: true },
    ]);
    expect(await mailer.sendImmediate([rows.find((r) => r.recipient_id === convenors[1]!.id)!.id])).toBe(1);
    expect(await mailsTo(convenors[1]!)).toHaveLength(1);
  });

  it("writes many notifications' emails together: as many statements for six as for two, each as its recipient chose", async () => {
    const mailer = api.app.get(NotificationMailService);
    const few = await joinRequest({ note: 'Two convenors.' });
    const fewStatements = await api.statements(async () =>
      expect(await api.asJob(() => mailer.sendImmediate(few.rows.map((r) => r.id)))).toBe(2),
    );

    // Of six convenors, one reads it in the app first, one chose content-free notifications, and one is deactivated.
    const many = await joinRequest({
      convenors: 6,
      note: 'Six convenors.',
      before: async ([, second]) => void dataOf(await second!.request(UPDATE, { input: { contentFree: true } })),
    });
    const [reader, contentFree, gone, ...others] = many.convenors;
    const readersRow = many.rows.find((r) => r.recipient_id === reader!.id)!;
    dataOf(
      await many.clients[0]!.request(`mutation M($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, {
        ids: [readersRow.id],
      }),
    );
    await sql('update users set deactivated_at = now() where id = ?', [gone!.id]);
    const manyStatements = await api.statements(async () =>
      expect(await api.asJob(() => mailer.sendImmediate(many.rows.map((r) => r.id)))).toBe(4),
    );
    expect(manyStatements).toBe(fewStatements);

    expect(await mailsTo(reader!)).toEqual([]);
    expect(await mailsTo(gone!)).toEqual([]);
    const [hidden] = await mailsTo(contentFree!);
    expect(hidden).toMatchObject({ kind: 'content-free' });
    expect(hidden!.text_body).not.toContain('Yusuf');
    for (const person of [...others, ...few.convenors]) {
      const mails = await mailsTo(person);
      expect(mails.map((m) => m.kind)).toEqual(['join-request']);
      expect(mails[0]!.text_body).toContain(
        person === few.convenors[0] || person === few.convenors[1] ? 'Two convenors.' : 'Six convenors.',
      );
    }
    // Every one is handled, mailed or not, and a second run writes nothing.
    expect(
      await sql('select count(*)::int as n from notifications where event_id = ? and emailed_at is null', [
        many.eventId,
      ]),
    ).toEqual([{ n: 0 }]);
    expect(await mailer.sendImmediate(many.rows.map((r) => r.id))).toBe(0);
  });

  it('says only what happened and where for a content-free group, in the app and by email', async () => {
    const admin = await api.signedIn(await api.data.admin());
    const { group, convenors, clients, rows } = await joinRequest({ note: 'My asylum appeal is next week.' });
    dataOf(await admin.request(UPDATE_GROUP, { input: { id: group.id, contentFreeNotifications: true } }));
    const [told] = (await seen(clients[0]!)).notifications;
    expect(told).toMatchObject({ type: 'JOIN_REQUESTED', contentFree: true, actor: null, group: { name: group.name } });

    const mine = rows.find((r) => r.recipient_id === convenors[0]!.id)!;
    await api.asJob(() => api.app.get(NotificationMailService).sendImmediate([mine.id]));
    const [mail] = await mailsTo(convenors[0]!);
    expect(mail!.subject).toBe(`Something new in ${group.name}`);
    expect(mail!.kind).toBe('content-free');
    for (const body of [mail!.subject, mail!.text_body, mail!.html_body]) {
      expect(body).not.toContain('Yusuf');
      expect(body).not.toContain('asylum');
    }
    // The other convenor's in-app notification is content-free as well: it is the group's choice.
    expect((await seen(clients[1]!)).notifications[0]).toMatchObject({ contentFree: true, actor: null });
  });

  it('hides names for a person who chose content-free, including what came before, and shows them again when they stop', async () => {
    const { clients } = await joinRequest();
    const [me, other] = clients;
    expect((await seen(me!)).notifications[0]).toMatchObject({
      contentFree: false,
      actor: { displayName: 'Yusuf Applicant' },
    });
    dataOf(await me!.request(UPDATE, { input: { contentFree: true } }));
    expect((await seen(me!)).notifications[0]).toMatchObject({ contentFree: true, actor: null });
    expect((await seen(other!)).notifications[0]).toMatchObject({
      contentFree: false,
      actor: { displayName: 'Yusuf Applicant' },
    });
    dataOf(await me!.request(UPDATE, { input: { contentFree: false } }));
    expect((await seen(me!)).notifications[0]).toMatchObject({
      contentFree: false,
      actor: { displayName: 'Yusuf Applicant' },
    });
  });

  it('gathers unread notifications into one digest per slot, in the person’s time zone, sent once', async () => {
    const digestOnly = async ([first]: GqlClient[]) =>
      void dataOf(
        await first!.request(UPDATE, {
          input: { digestHour: 7, channels: [{ category: 'JOIN_REQUESTS', inApp: true, email: 'DIGEST' }] },
        }),
      );
    const one = await joinRequest({ before: digestOnly });
    const person = one.convenors[0]!;
    // A second request to another group the same person convenes, read before the digest goes.
    const two = await joinRequest();
    await api.data.membership(two.group, person, MembershipRole.CONVENOR);
    const extra = await api.data.user({ displayName: 'Read Already' });
    dataOf(await (await api.signedIn(extra)).request(REQUEST, { input: { groupId: two.group.id } }));
    const [event] = await sql<{ id: string }>(
      `select id from outbox_events where type = 'membership.requested' and payload->>'userId' = ?`,
      [extra.id],
    );
    await api.asJob(() => api.app.get(NotificationsService).fanOut(event!.id));
    const [read] = await sql<{ id: string }>('select id from notifications where event_id = ? and recipient_id = ?', [
      event!.id,
      person.id,
    ]);
    await one.clients[0]!.request(`mutation M($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [read!.id] });
    expect(await sql('select email from notifications where recipient_id = ? order by seq', [person.id])).toEqual([
      { email: 'DIGEST' },
      { email: 'DIGEST' },
    ]);
    expect(await api.asJob(() => api.app.get(NotificationsService).awaitingEmail(one.eventId))).not.toContain(
      one.rows.find((r) => r.recipient_id === person.id)!.id,
    );

    const mailer = api.app.get(NotificationMailService);
    // Today's 07:00 in London has not come for what was written just now; tomorrow's has.
    const tomorrow = new Date(Date.now() + 36 * 3_600_000);
    expect((await api.asJob(() => mailer.dueDigests(new Date()))).map((d) => d.userId)).not.toContain(person.id);
    const due = (await api.asJob(() => mailer.dueDigests(tomorrow))).filter((d) => d.userId === person.id);
    expect(due).toHaveLength(1);
    expect(new Date(due[0]!.slot).toISOString()).toMatch(/T0[67]:00:00.000Z$/);

    expect(await api.asJob(() => mailer.sendDigest(person.id, due[0]!.slot))).toBe(true);
    expect(await api.asJob(() => mailer.sendDigest(person.id, due[0]!.slot))).toBe(false);
    const mails = (await mailsTo(person)).filter((m) => m.kind === 'digest');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Your daily Convene digest: 1 new');
    expect(mails[0]!.text_body).toContain(`Yusuf Applicant asked to join “${one.group.name}”`);
    expect(mails[0]!.text_body).not.toContain('Read Already');
    expect(mails[0]!.message_id).toBe(`<digest-${person.id}-${due[0]!.slot}@localhost>`);
    expect((await api.asJob(() => mailer.dueDigests(tomorrow))).map((d) => d.userId)).not.toContain(person.id);
    expect(
      await sql('select count(*)::int as n from notifications where recipient_id = ? and emailed_at is null', [
        person.id,
      ]),
    ).toEqual([{ n: 0 }]);
  });

  it('validates settings field by field and changes nothing when any is wrong', async () => {
    const client = await api.signedIn(await api.data.user());
    const result = await client.request(UPDATE, { input: { digestHour: 24, digestWeekday: 0, contentFree: true } });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { digestHour: expect.any(String), digestWeekday: expect.any(String) },
    });
    const settings = await client.request<{ notificationSettings: { contentFree: boolean } }>(
      '{ notificationSettings { contentFree } }',
    );
    expect(dataOf(settings).notificationSettings.contentFree).toBe(false);
    const dup = await client.request(UPDATE, {
      input: {
        channels: [
          { category: 'MEMBERSHIP', inApp: true, email: 'NONE' },
          { category: 'MEMBERSHIP', inApp: false, email: 'NONE' },
        ],
      },
    });
    expect(dup.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'channels.1.category': expect.any(String) },
    });
  });
});
