// Meetings hosted jointly by several groups, on the real API, PostgreSQL and Redis: members of each
// host see the meeting (by id, on each host's calendar, in their own calendar and feed) and nobody
// else does; convenors of any host manage it; only a group's convenors make it a host or stop it
// being one; the members of every host are told and reminded, each once.
import { describe, expect, it } from '@jest/globals';
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

  const calendarIds = async (client: GqlClient) =>
    dataOf(await client.request<{ myCalendar: Seen[] }>(MY_CALENDAR, range)).myCalendar.map((m) => m.id);
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
