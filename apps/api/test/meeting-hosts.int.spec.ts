// Meetings hosted jointly by several groups, on the real API, PostgreSQL and Redis: members of each
// host see the meeting (by id, on each host's calendar, in their own calendar and feed) and nobody
// else does; convenors of any host manage it; only a group's convenors make it a host or stop it
// being one; the members of every host are told and reminded, each once.
import { afterEach, describe, expect, it } from '@jest/globals';
import { JobQueue, jobIds } from '@convene/server-core';
import { MembershipRole } from '@convene/shared-contracts';
import { MeetingRemindersService, formatLocalDateTime, toZoned } from '@convene/server-meetings';
import { NotificationsService } from '@convene/server-notifications';
import type { User } from '@convene/server-identity';
import type { WorkingGroup } from '@convene/server-groups';
import { useApiHarness, type GqlClient } from './api-harness.js';
import { codeOf, dataOf } from './group-personas.js';

const DAY = 86_400_000;
const FIELDS = `id title groupId viewerCanManage hosts { id name } group { id }`;
const SCHEDULE = `mutation S($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation U($input: UpdateMeetingInput!) { updateMeeting(input: $input) { ${FIELDS} } }`;
const MEETING = `query M($id: ID!) { meeting(id: $id) { ${FIELDS} } }`;
const RSVP = `mutation R($input: RsvpInput!) { rsvp(input: $input) { id myRsvp { response } } }`;
const GROUP_MEETINGS = `query G($slug: String!, $from: DateTime!, $to: DateTime!) { workingGroup(slug: $slug) { meetings(from: $from, to: $to) { ${FIELDS} } } }`;
const MY_CALENDAR = `query C($from: DateTime!, $to: DateTime!) { myCalendar(from: $from, to: $to) { ${FIELDS} } }`;
const RESET_FEED = `mutation { resetCalendarFeed { url } }`;

interface Seen {
  id: string;
  title: string;
  groupId: string;
  viewerCanManage: boolean;
  hosts: { id: string; name: string }[];
  group: { id: string };
}

function localIn(days: number, hour: number): string {
  return formatLocalDateTime({ ...toZoned(new Date(Date.now() + days * DAY), 'Europe/London'), hour, minute: 0 });
}

describe('meetings hosted by several groups', () => {
  const api = useApiHarness();
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);
  const range = { from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + 40 * DAY).toISOString() };

  /** Two groups with a convenor and a member each, a third group's member, and a convenor of both A and B. */
  async function world() {
    const [a, b, c] = [await api.data.group(), await api.data.group(), await api.data.group()];
    const person = (name: string) => api.data.user({ displayName: name });
    const people = {
      convenorA: await person('Amal Convenor-A'),
      memberA: await person('Ade Member-A'),
      convenorB: await person('Bea Convenor-B'),
      memberB: await person('Ben Member-B'),
      memberC: await person('Cai Member-C'),
      convenorAB: await person('Dina Convenor-AB'),
      pendingB: await person('Pia Pending-B'),
    };
    await api.data.membership(a, people.convenorA, MembershipRole.CONVENOR);
    await api.data.membership(a, people.memberA, MembershipRole.MEMBER);
    await api.data.membership(b, people.convenorB, MembershipRole.CONVENOR);
    await api.data.membership(b, people.memberB, MembershipRole.MEMBER);
    await api.data.membership(c, people.memberC, MembershipRole.MEMBER);
    await api.data.membership(a, people.convenorAB, MembershipRole.CONVENOR);
    await api.data.membership(b, people.convenorAB, MembershipRole.CONVENOR);
    // A member of A who asked to join B and waits: B's side of the meeting is not theirs.
    await api.data.membership(a, people.pendingB, MembershipRole.MEMBER);
    const clients = new Map<User, GqlClient>();
    const as = async (user: User) => {
      const client = clients.get(user) ?? (await api.signedIn(user));
      clients.set(user, client);
      return client;
    };
    return { a, b, c, people, as };
  }
  type World = Awaited<ReturnType<typeof world>>;

  async function joint(w: World, by: User = w.people.convenorAB, groups: WorkingGroup[] = [w.b]): Promise<Seen> {
    const result = await (
      await w.as(by)
    ).request<{ scheduleMeeting: Seen }>(SCHEDULE, {
      input: {
        groupId: w.a.id,
        coHostGroupIds: groups.map((g) => g.id),
        title: 'Joint meeting: policing in hospitals',
        startsAt: localIn(7, 18),
        endsAt: localIn(7, 20),
        timeZone: 'Europe/London',
      },
    });
    return dataOf(result).scheduleMeeting;
  }

  // Groups' meetings only: the network's events are in everyone's calendar.
  const calendarIds = async (client: GqlClient) =>
    dataOf(await client.request<{ myCalendar: Seen[] }>(MY_CALENDAR, range))
      .myCalendar.filter((m) => m.groupId)
      .map((m) => m.id);
  const groupCalendarIds = async (client: GqlClient, group: WorkingGroup) =>
    dataOf(
      await client.request<{ workingGroup: { meetings: Seen[] | null } }>(GROUP_MEETINGS, {
        slug: group.slug,
        ...range,
      }),
    ).workingGroup.meetings?.map((m) => m.id) ?? null;

  it('is seen by the members of each host, on both groups’ calendars and their own, and by nobody else', async () => {
    const w = await world();
    const meeting = await joint(w);
    expect(meeting.hosts.map((h) => h.id)).toEqual([w.a.id, w.b.id]);
    expect(meeting.groupId).toBe(w.a.id);

    for (const user of [w.people.memberA, w.people.memberB, w.people.convenorA, w.people.convenorB]) {
      const client = await w.as(user);
      const seen = dataOf(await client.request<{ meeting: Seen }>(MEETING, { id: meeting.id })).meeting;
      expect(seen.hosts.map((h) => h.id)).toEqual([w.a.id, w.b.id]);
      expect(seen.group.id).toBe(w.a.id);
      expect(await calendarIds(client)).toEqual([meeting.id]);
    }
    // On the calendar of each host group, for its members.
    expect(await groupCalendarIds(await w.as(w.people.memberB), w.b)).toEqual([meeting.id]);
    expect(await groupCalendarIds(await w.as(w.people.memberA), w.a)).toEqual([meeting.id]);
    // Not for a member of neither: not by id, not in their calendar, not on their group's calendar.
    const outsider = await w.as(w.people.memberC);
    expect(codeOf(await outsider.request(MEETING, { id: meeting.id }))).toBe('NOT_FOUND');
    expect(await calendarIds(outsider)).toEqual([]);
    expect(await groupCalendarIds(outsider, w.c)).toEqual([]);
    expect(await groupCalendarIds(outsider, w.b)).toBeNull();
    // Answering is for members of a host; the answer is kept once.
    const rsvp = await (
      await w.as(w.people.memberB)
    ).request<{ rsvp: { myRsvp: { response: string } } }>(RSVP, {
      input: { meetingId: meeting.id, response: 'GOING' },
    });
    expect(dataOf(rsvp).rsvp.myRsvp.response).toBe('GOING');
    expect(codeOf(await outsider.request(RSVP, { input: { meetingId: meeting.id, response: 'GOING' } }))).toBe(
      'NOT_FOUND',
    );
    expect(await sql('select user_id from meeting_rsvps where meeting_id = ?', [meeting.id])).toEqual([
      { user_id: w.people.memberB.id },
    ]);
  });

  it('is in the calendar feed of a member of a co-host, with both hosts named', async () => {
    const w = await world();
    const meeting = await joint(w);
    const client = await w.as(w.people.memberB);
    const { url } = dataOf(await client.request<{ resetCalendarFeed: { url: string } }>(RESET_FEED)).resetCalendarFeed;
    const feed = await (await api.client().get(new URL(url).pathname)).text();
    expect(feed).toContain(`UID:${meeting.id}`);
    // Both hosts in the title (a comma is escaped in a calendar file).
    expect(feed.replace(/\r\n /g, '')).toContain(`(${w.a.name}\\, ${w.b.name})`);
    const other = dataOf(
      await (await w.as(w.people.memberC)).request<{ resetCalendarFeed: { url: string } }>(RESET_FEED),
    ).resetCalendarFeed.url;
    expect(await (await api.client().get(new URL(other).pathname)).text()).not.toContain(meeting.id);
  });

  it('is managed by a convenor of any host; a member or a convenor of neither may not change it', async () => {
    const w = await world();
    const meeting = await joint(w);
    const convenorB = await w.as(w.people.convenorB);
    expect(
      dataOf(await convenorB.request<{ meeting: Seen }>(MEETING, { id: meeting.id })).meeting.viewerCanManage,
    ).toBe(true);
    const renamed = await convenorB.request<{ updateMeeting: Seen }>(UPDATE, {
      input: { id: meeting.id, title: 'Joint meeting, renamed by B' },
    });
    expect(dataOf(renamed).updateMeeting.title).toBe('Joint meeting, renamed by B');
    expect(
      dataOf(await (await w.as(w.people.memberB)).request<{ meeting: Seen }>(MEETING, { id: meeting.id })).meeting
        .viewerCanManage,
    ).toBe(false);
    expect(
      codeOf(await (await w.as(w.people.memberB)).request(UPDATE, { input: { id: meeting.id, title: 'x' } })),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await (await w.as(w.people.memberC)).request(UPDATE, { input: { id: meeting.id, title: 'x' } })),
    ).toBe('NOT_FOUND');
    expect(await sql('select title from meetings where id = ?', [meeting.id])).toEqual([
      { title: 'Joint meeting, renamed by B' },
    ]);
  });

  it('takes as hosts only groups the scheduler convenes, and hosts change only by their convenors', async () => {
    const w = await world();
    // Convenor of A only: B is not theirs to add.
    const refused = await (
      await w.as(w.people.convenorA)
    ).request(SCHEDULE, {
      input: {
        groupId: w.a.id,
        coHostGroupIds: [w.b.id],
        title: 'Not theirs to host',
        startsAt: localIn(7, 18),
        endsAt: localIn(7, 20),
        timeZone: 'Europe/London',
      },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_CONVENOR_OF_CO_HOST',
      fields: { coHostGroupIds: `You do not convene ${w.b.name}.` },
    });
    // A group that does not exist, and an id that is not one.
    const unknown = await (
      await w.as(w.people.convenorA)
    ).request(SCHEDULE, {
      input: {
        groupId: w.a.id,
        coHostGroupIds: ['00000000-0000-4000-8000-000000000000'],
        title: 'Hosted by nobody',
        startsAt: localIn(7, 18),
        endsAt: localIn(7, 20),
        timeZone: 'Europe/London',
      },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ reason: 'CO_HOST_NOT_FOUND' });
    const malformed = await (
      await w.as(w.people.convenorA)
    ).request(SCHEDULE, {
      input: {
        groupId: w.a.id,
        coHostGroupIds: ['not-a-group'],
        title: 'Hosted by nobody',
        startsAt: localIn(7, 18),
        endsAt: localIn(7, 20),
        timeZone: 'Europe/London',
      },
    });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(Object.keys(malformed.errors?.[0]?.extensions?.fields ?? {})).toEqual(['coHostGroupIds.0']);
    expect(await sql('select id from meetings where group_id = ?', [w.a.id])).toEqual([]);

    // A network admin may add any group; the scheduled-in group named again is ignored.
    const admin = await api.data.admin();
    const meeting = await joint(w, admin, [w.b, w.a]);
    expect(meeting.hosts.map((h) => h.id)).toEqual([w.a.id, w.b.id]);
    // The convenor of A alone may not take B off, nor add C.
    for (const coHostGroupIds of [[], [w.b.id, w.c.id]]) {
      const changed = await (
        await w.as(w.people.convenorA)
      ).request(UPDATE, {
        input: { id: meeting.id, coHostGroupIds },
      });
      expect(changed.errors?.[0]?.extensions?.reason).toBe('NOT_CONVENOR_OF_CO_HOST');
    }
    expect(await sql('select co_host_ids from meetings where id = ?', [meeting.id])).toEqual([
      { co_host_ids: [w.b.id] },
    ]);
    // B's convenor may end B's part: the meeting leaves B's members.
    const ended = await (
      await w.as(w.people.convenorB)
    ).request<{ updateMeeting: Seen }>(UPDATE, {
      input: { id: meeting.id, coHostGroupIds: [] },
    });
    expect(dataOf(ended).updateMeeting.hosts.map((h) => h.id)).toEqual([w.a.id]);
    expect(codeOf(await (await w.as(w.people.memberB)).request(MEETING, { id: meeting.id }))).toBe('NOT_FOUND');
  });

  it('tells and reminds the members of every host, each once', async () => {
    const w = await world();
    const meeting = await joint(w);
    const fanOut = async (type: string) => {
      const events = await sql<{ id: string }>(
        `select id from outbox_events where type = ? and payload->>'meetingId' = ?`,
        [type, meeting.id],
      );
      const told = [];
      for (const e of events) told.push(...(await api.asJob(() => api.app.get(NotificationsService).fanOut(e.id))));
      return told.map((n) => n.recipientId).sort();
    };
    const everyone = [w.people.convenorA, w.people.memberA, w.people.convenorB, w.people.memberB, w.people.pendingB];
    // Scheduled by the convenor of both: everyone else of A and B, once each.
    expect(await fanOut('meeting.scheduled')).toEqual(everyone.map((u) => u.id).sort());

    const job = await api.app.get(JobQueue).queue('notifications').getJob(jobIds.meetingReminder(meeting.id, 60));
    await job!.promote();
    expect(await api.app.get(MeetingRemindersService).remind(job!.data)).toBe(true);
    expect(await fanOut('meeting.reminder')).toEqual([...everyone, w.people.convenorAB].map((u) => u.id).sort());
  });
});

describe('network events', () => {
  const api = useApiHarness();
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);
  // They are in everyone's calendar: none is left for the tests that follow in this database.
  afterEach(async () => {
    await sql('delete from meetings where group_id is null');
  });
  const range = { from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + 40 * DAY).toISOString() };
  const SCHEDULE_EVENT = `mutation S($input: ScheduleNetworkEventInput!) { scheduleNetworkEvent(input: $input) { ${FIELDS} } }`;
  const RSVPS = `query M($id: ID!) { meeting(id: $id) { id rsvps { person { id } response } } }`;
  const SET_ROLE = `mutation R($userId: ID!, $role: NetworkRole!) { setNetworkRole(userId: $userId, role: $role) { id networkRole } }`;
  const summit = (title = 'Migrants’ Rights Summit') => ({
    input: {
      title,
      startsAt: localIn(20, 10),
      endsAt: localIn(20, 16),
      timeZone: 'Europe/London',
      location: 'Human Rights Action Centre',
    },
  });

  async function world() {
    const group = await api.data.group();
    const admin = await api.data.admin();
    const organiser = await api.data.user({ displayName: 'Olu Organiser' });
    const convenor = await api.data.user({ displayName: 'Cora Convenor' });
    const member = await api.data.user({ displayName: 'Mina Member' });
    const loner = await api.data.user({ displayName: 'Lee In-no-group' });
    await api.data.membership(group, convenor, MembershipRole.CONVENOR);
    await api.data.membership(group, member, MembershipRole.MEMBER);
    // An admin names the organiser (as on the network's people page).
    const named = await (
      await api.signedIn(admin)
    ).request<{ setNetworkRole: { networkRole: string } }>(SET_ROLE, {
      userId: organiser.id,
      role: 'ORGANISER',
    });
    expect(dataOf(named).setNetworkRole.networkRole).toBe('ORGANISER');
    return { group, admin, organiser, convenor, member, loner };
  }

  it('is scheduled by network admins and the organisers they name, by nobody else', async () => {
    const w = await world();
    for (const user of [w.convenor, w.member]) {
      const refused = await (await api.signedIn(user)).request(SCHEDULE_EVENT, summit('Not theirs'));
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_AN_ORGANISER' });
    }
    expect(codeOf(await api.client().request(SCHEDULE_EVENT, summit('Not theirs')))).toBe('UNAUTHENTICATED');
    expect(await sql(`select id from meetings where title = 'Not theirs'`)).toEqual([]);
    for (const user of [w.admin, w.organiser]) {
      const made = dataOf(
        await (await api.signedIn(user)).request<{ scheduleNetworkEvent: Seen }>(SCHEDULE_EVENT, summit()),
      ).scheduleNetworkEvent;
      expect(made).toMatchObject({ groupId: null, group: null, hosts: [], viewerCanManage: true });
    }
    // Bad input is refused field by field, as for any meeting.
    const bad = await (
      await api.signedIn(w.organiser)
    ).request(SCHEDULE_EVENT, { input: { ...summit('').input, endsAt: localIn(19, 10) } });
    expect(Object.keys(bad.errors?.[0]?.extensions?.fields ?? {})).toEqual(['title']);
  });

  it('is in everyone’s calendar and feed, readable and answerable by anyone signed in, managed by its organisers only', async () => {
    const w = await world();
    const event = dataOf(
      await (await api.signedIn(w.organiser)).request<{ scheduleNetworkEvent: Seen }>(SCHEDULE_EVENT, summit()),
    ).scheduleNetworkEvent;
    for (const user of [w.convenor, w.member, w.loner, w.admin]) {
      const client = await api.signedIn(user);
      const calendar = dataOf(await client.request<{ myCalendar: Seen[] }>(MY_CALENDAR, range)).myCalendar;
      expect(calendar.map((m) => m.id)).toContain(event.id);
      const seen = dataOf(await client.request<{ meeting: Seen }>(MEETING, { id: event.id })).meeting;
      expect(seen.viewerCanManage).toBe(user === w.admin);
    }
    expect(codeOf(await api.client().request(MEETING, { id: event.id }))).toBe('UNAUTHENTICATED');
    // Not on a group's calendar: it is the network's.
    const groupCalendar = dataOf(
      await (
        await api.signedIn(w.member)
      ).request<{ workingGroup: { meetings: Seen[] } }>(GROUP_MEETINGS, { slug: w.group.slug, ...range }),
    ).workingGroup.meetings;
    expect(groupCalendar.map((m) => m.id)).not.toContain(event.id);
    const feed = dataOf(await (await api.signedIn(w.loner)).request<{ resetCalendarFeed: { url: string } }>(RESET_FEED))
      .resetCalendarFeed.url;
    expect(await (await api.client().get(new URL(feed).pathname)).text()).toContain(`UID:${event.id}`);

    // Anyone answers; people see their own answer, its organisers everyone's.
    for (const user of [w.member, w.loner])
      dataOf(await (await api.signedIn(user)).request(RSVP, { input: { meetingId: event.id, response: 'GOING' } }));
    const answersSeenBy = async (user: User) =>
      dataOf(
        await (
          await api.signedIn(user)
        ).request<{ meeting: { rsvps: { person: { id: string } }[] } }>(RSVPS, { id: event.id }),
      ).meeting.rsvps.map((r) => r.person.id);
    expect(await answersSeenBy(w.member)).toEqual([w.member.id]);
    expect((await answersSeenBy(w.organiser)).sort()).toEqual([w.member.id, w.loner.id].sort());

    // A group's convenor does not manage the network's event; its organiser does.
    expect(
      codeOf(await (await api.signedIn(w.convenor)).request(UPDATE, { input: { id: event.id, title: 'x' } })),
    ).toBe('FORBIDDEN');
    const renamed = await (
      await api.signedIn(w.organiser)
    ).request<{ updateMeeting: Seen }>(UPDATE, { input: { id: event.id, title: 'Summit 2027' } });
    expect(dataOf(renamed).updateMeeting.title).toBe('Summit 2027');
    // No group hosts it, and none can be made to.
    const hosted = await (
      await api.signedIn(w.admin)
    ).request(UPDATE, { input: { id: event.id, coHostGroupIds: [w.group.id] } });
    expect(hosted.errors?.[0]?.extensions?.fields).toEqual({
      coHostGroupIds: 'A network event is hosted by the network, not by groups.',
    });
    expect(await sql('select group_id, co_host_ids from meetings where id = ?', [event.id])).toEqual([
      { group_id: null, co_host_ids: [] },
    ]);
  });

  it('tells everyone when scheduled, and reminds those who answered that they are coming', async () => {
    const w = await world();
    const event = dataOf(
      await (await api.signedIn(w.organiser)).request<{ scheduleNetworkEvent: Seen }>(SCHEDULE_EVENT, summit()),
    ).scheduleNetworkEvent;
    const fanOut = async (type: string) => {
      const events = await sql<{ id: string }>(
        `select id from outbox_events where type = ? and payload->>'meetingId' = ?`,
        [type, event.id],
      );
      const told = [];
      for (const e of events) told.push(...(await api.asJob(() => api.app.get(NotificationsService).fanOut(e.id))));
      return told.map((n) => n.recipientId);
    };
    const told = await fanOut('meeting.scheduled');
    for (const user of [w.admin, w.convenor, w.member, w.loner]) expect(told).toContain(user.id);
    expect(told).not.toContain(w.organiser.id);

    dataOf(await (await api.signedIn(w.loner)).request(RSVP, { input: { meetingId: event.id, response: 'GOING' } }));
    dataOf(
      await (await api.signedIn(w.member)).request(RSVP, { input: { meetingId: event.id, response: 'NOT_GOING' } }),
    );
    const job = await api.app.get(JobQueue).queue('notifications').getJob(jobIds.meetingReminder(event.id, 60));
    await job!.promote();
    expect(await api.app.get(MeetingRemindersService).remind(job!.data)).toBe(true);
    expect(await fanOut('meeting.reminder')).toEqual([w.loner.id]);
  });
});
