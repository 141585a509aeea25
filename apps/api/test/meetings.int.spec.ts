// Meetings on the real API, PostgreSQL and Redis: who may do what (every meeting, poll, event and
// calendar operation, and the REST routes), bad input, time zones and daylight saving, reminders as
// delayed BullMQ jobs (time is controlled by promoting jobs, never waited for), calendar files checked
// with an RFC 5545 parser, polls, and open events with their waitlist.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { JobQueue, jobIds } from '@convene/server-core';
import { MemberListVisibility, MembershipRole } from '@convene/shared-contracts';
import {
  EventRegistrationsService,
  MeetingRemindersService,
  formatLocalDateTime,
  toZoned,
} from '@convene/server-meetings';
import { NotificationMailService, NotificationsService } from '@convene/server-notifications';
import { useApiHarness } from './api-harness.js';
import { codeOf, dataOf, groupPersonas, type GroupPersonas, type Persona } from './group-personas.js';
import { pageStatements } from './page-statements.js';

const PERSONAS: Persona[] = ['anonymous', 'outsider', 'member', 'convenor', 'admin'];
const DAY = 86_400_000;

const MEETING_FIELDS = `id title startsAt endsAt timeZone startsAtLocal endsAtLocal status sequence onlineUrl seriesId reminderMinutes viewerCanManage myRsvp { response note } rsvpCounts { going maybe notGoing }`;
const MEETING = `query M($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} rsvps { person { displayName } response note } } }`;
const SCHEDULE = `mutation S($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const UPDATE = `mutation U($input: UpdateMeetingInput!) { updateMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const CANCEL = `mutation C($input: CancelMeetingInput!) { cancelMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const RSVP = `mutation R($input: RsvpInput!) { rsvp(input: $input) { id myRsvp { response note } rsvpCounts { going maybe notGoing } } }`;
const GROUP_MEETINGS = `query G($slug: String!, $from: DateTime!, $to: DateTime!) { workingGroup(slug: $slug) { meetings(from: $from, to: $to) { id title } meetingPolls { id } } }`;
const MY_CALENDAR = `query C($from: DateTime!, $to: DateTime!) { myCalendar(from: $from, to: $to) { id title groupId } }`;
const FEED = `{ calendarFeed { active url createdAt } }`;
const RESET_FEED = `mutation { resetCalendarFeed { active url } }`;
const REVOKE_FEED = `mutation { revokeCalendarFeed }`;
const POLL_FIELDS = `id status meetingId respondents slots { id startsAt yes ifNeedBe no myAnswer votes { person { displayName } answer } }`;
const POLL = `query P($id: ID!) { meetingPoll(id: $id) { ${POLL_FIELDS} } }`;
const CREATE_POLL = `mutation P($input: CreateMeetingPollInput!) { createMeetingPoll(input: $input) { ${POLL_FIELDS} } }`;
const ANSWER_POLL = `mutation A($input: AnswerMeetingPollInput!) { answerMeetingPoll(input: $input) { ${POLL_FIELDS} } }`;
const PICK = `mutation K($input: PickMeetingPollSlotInput!) { pickMeetingPollSlot(input: $input) { ${POLL_FIELDS} } }`;
const CLOSE_POLL = `mutation X($id: ID!) { closeMeetingPoll(id: $id) { id status } }`;
const CONFIGURE = `mutation E($input: ConfigureEventInput!) { configureEvent(input: $input) { id eventForm { slug capacity waitlistEnabled fields { id label kind } } registrationCounts { confirmed waitlisted } } }`;
const PUBLIC_EVENT = `query E($slug: String!) { publicEvent(slug: $slug) { id title placesLeft closedReason waitlisted online groupName fields { id label kind required options } } }`;
const REGISTER = `mutation R($input: RegisterForEventInput!) { registerForEvent(input: $input) { message } }`;
const MY_REGISTRATION = `query R($token: String!) { myRegistration(token: $token) { name status waitlistPosition onlineUrl event { title } } }`;
const CANCEL_REGISTRATION = `mutation C($token: String!) { cancelRegistration(token: $token) { status } }`;
const REGISTRATIONS = `query R($meetingId: ID!) { eventRegistrations(meetingId: $meetingId) { id name email status checkedInAt } }`;
const DECIDE = `mutation D($id: ID!, $approve: Boolean!) { decideRegistration(registrationId: $id, approve: $approve) { id status } }`;
const CHECK_IN = `mutation C($id: ID!, $on: Boolean!) { checkInRegistration(registrationId: $id, checkedIn: $on) { id checkedInAt } }`;
const EMAIL_ALL = `mutation E($input: EmailRegistrantsInput!) { emailRegistrants(input: $input) }`;

interface MeetingSeen {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  startsAtLocal: string;
  status: string;
  sequence: number;
  onlineUrl: string | null;
  seriesId: string | null;
  reminderMinutes: number[];
  myRsvp: { response: string; note: string | null } | null;
  rsvpCounts: { going: number; maybe: number; notGoing: number };
}
interface PollSeen {
  id: string;
  status: string;
  meetingId: string | null;
  respondents: number;
  slots: { id: string; startsAt: string; yes: number; ifNeedBe: number; no: number; myAnswer: string | null }[];
}

/** A local date-time some days from now at a given hour, in a zone. */
function localIn(days: number, hour: number, zone = 'Europe/London', minute = 0): string {
  const day = toZoned(new Date(Date.now() + days * DAY), zone);
  return formatLocalDateTime({ ...day, hour, minute });
}

describe('meetings', () => {
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);
  const queue = () => api.app.get(JobQueue).queue('notifications');

  const api = useApiHarness();

  async function scheduled(w: GroupPersonas, input: Record<string, unknown> = {}): Promise<MeetingSeen> {
    const result = await (
      await w.as('convenor')
    ).request<{ scheduleMeeting: MeetingSeen }>(SCHEDULE, {
      input: {
        groupId: w.group.id,
        title: 'Monthly policing meeting',
        startsAt: localIn(10, 18),
        endsAt: localIn(10, 20),
        timeZone: 'Europe/London',
        onlineUrl: 'https://meet.example.org/policing',
        ...input,
      },
    });
    return dataOf(result).scheduleMeeting;
  }
  const meetingRows = (groupId: string) =>
    sql<{ id: string; status: string; sequence: number; starts_at: Date }>(
      'select id, status, sequence, starts_at from meetings where group_id = ? order by starts_at',
      [groupId],
    );
  const rsvpRows = (meetingId: string) =>
    sql<{ user_id: string; response: string; note: string }>(
      'select user_id, response, note from meeting_rsvps where meeting_id = ?',
      [meetingId],
    );

  async function fanOut(type: string, meetingId: string) {
    const events = await sql<{ id: string }>(
      `select id from outbox_events where type = ? and payload->>'meetingId' = ?`,
      [type, meetingId],
    );
    const delivered = [];
    for (const e of events) delivered.push(...(await api.asJob(() => api.app.get(NotificationsService).fanOut(e.id))));
    return delivered;
  }

  describe('who may do what', () => {
    const managers: Record<Persona, string> = {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'NOT_FOUND',
      member: 'FORBIDDEN',
      convenor: 'OK',
      admin: 'OK',
    };
    const members: Record<Persona, string> = {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'NOT_FOUND',
      member: 'OK',
      convenor: 'OK',
      admin: 'OK',
    };

    it.each(PERSONAS.map((p) => [p, managers[p]] as const))(
      'scheduleMeeting as %s → %s, and a refused one stores nothing',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const result = await (
          await w.as(persona)
        ).request(SCHEDULE, {
          input: {
            groupId: w.group.id,
            title: 'Planning',
            startsAt: localIn(5, 10),
            endsAt: localIn(5, 11),
            timeZone: 'Europe/London',
          },
        });
        expect(codeOf(result)).toBe(outcome);
        expect(await meetingRows(w.group.id)).toHaveLength(outcome === 'OK' ? 1 : 0);
      },
    );

    it.each(PERSONAS.map((p) => [p, members[p]] as const))(
      'meeting(id) as %s → %s; the call link only reaches the group',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const meeting = await scheduled(w);
        const result = await (await w.as(persona)).request<{ meeting: MeetingSeen }>(MEETING, { id: meeting.id });
        expect(codeOf(result)).toBe(outcome);
        if (outcome === 'OK') expect(dataOf(result).meeting.onlineUrl).toBe('https://meet.example.org/policing');
        else expect(JSON.stringify(result)).not.toContain('meet.example.org');
      },
    );

    it.each(PERSONAS.map((p) => [p, managers[p]] as const))(
      'updateMeeting as %s → %s, and a refused one changes nothing',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const meeting = await scheduled(w);
        const result = await (await w.as(persona)).request(UPDATE, { input: { id: meeting.id, title: 'Renamed' } });
        expect(codeOf(result)).toBe(outcome);
        const [row] = await sql<{ title: string }>('select title from meetings where id = ?', [meeting.id]);
        expect(row!.title).toBe(outcome === 'OK' ? 'Renamed' : 'Monthly policing meeting');
      },
    );

    it.each(PERSONAS.map((p) => [p, managers[p]] as const))('cancelMeeting as %s → %s', async (persona, outcome) => {
      const w = await groupPersonas(api);
      const meeting = await scheduled(w);
      const result = await (await w.as(persona)).request(CANCEL, { input: { id: meeting.id, reason: 'Strike day' } });
      expect(codeOf(result)).toBe(outcome);
      expect((await meetingRows(w.group.id))[0]!.status).toBe(outcome === 'OK' ? 'CANCELLED' : 'SCHEDULED');
    });

    // Network admins see and manage every group's meetings, but answer only where they are members.
    const answerers: Record<Persona, string> = {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'NOT_FOUND',
      member: 'OK',
      convenor: 'OK',
      admin: 'NOT_FOUND',
    };
    it.each(PERSONAS.map((p) => [p, answerers[p]] as const))('rsvp as %s → %s', async (persona, outcome) => {
      const w = await groupPersonas(api);
      const meeting = await scheduled(w);
      const result = await (
        await w.as(persona)
      ).request(RSVP, { input: { meetingId: meeting.id, response: 'GOING', note: 'BSL interpretation, please' } });
      expect(codeOf(result)).toBe(outcome);
      expect(await rsvpRows(meeting.id)).toHaveLength(outcome === 'OK' ? 1 : 0);
    });

    it.each(PERSONAS.map((p) => [p, p === 'anonymous' ? 'UNAUTHENTICATED' : 'OK'] as const))(
      'WorkingGroup.meetings and meetingPolls as %s → %s (null outside the group)',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const meeting = await scheduled(w);
        const result = await (
          await w.as(persona)
        ).request<{ workingGroup: { meetings: { id: string }[] | null; meetingPolls: unknown[] | null } }>(
          GROUP_MEETINGS,
          {
            slug: w.group.slug,
            from: new Date().toISOString(),
            to: new Date(Date.now() + 30 * DAY).toISOString(),
          },
        );
        expect(codeOf(result)).toBe(outcome);
        if (outcome !== 'OK') return;
        const seen = dataOf(result).workingGroup;
        if (persona === 'outsider') expect(seen).toMatchObject({ meetings: null, meetingPolls: null });
        else expect(seen.meetings!.map((m) => m.id)).toEqual([meeting.id]);
      },
    );

    it.each(PERSONAS.map((p) => [p, p === 'anonymous' ? 'UNAUTHENTICATED' : 'OK'] as const))(
      'myCalendar as %s → %s, with only their own groups’ meetings',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const meeting = await scheduled(w);
        const result = await (
          await w.as(persona)
        ).request<{ myCalendar: { id: string }[] }>(MY_CALENDAR, {
          from: new Date().toISOString(),
          to: new Date(Date.now() + 30 * DAY).toISOString(),
        });
        expect(codeOf(result)).toBe(outcome);
        if (outcome === 'OK')
          expect(dataOf(result).myCalendar.some((m) => m.id === meeting.id)).toBe(
            persona === 'member' || persona === 'convenor',
          );
      },
    );

    // Who may read a meeting may download it: its group's members, and network admins (who manage every group's meetings).
    it.each(PERSONAS.map((p) => [p, p === 'anonymous' ? 401 : p === 'outsider' ? 404 : 200] as const))(
      'GET /api/meetings/:id/ics as %s → %d',
      async (persona, status) => {
        const w = await groupPersonas(api);
        const meeting = await scheduled(w);
        const res = await (await w.as(persona)).get(`/api/meetings/${meeting.id}/ics`);
        expect(res.status).toBe(status);
        const body = await res.text();
        if (status === 200) expect(body).toContain('BEGIN:VCALENDAR');
        else expect(body).not.toContain('VCALENDAR');
      },
    );

    it.each(PERSONAS.map((p) => [p, p === 'anonymous' ? 'UNAUTHENTICATED' : 'OK'] as const))(
      'calendarFeed, resetCalendarFeed, revokeCalendarFeed as %s → %s, each person their own',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const client = await w.as(persona);
        expect(codeOf(await client.request(FEED))).toBe(outcome);
        const reset = await client.request<{ resetCalendarFeed: { url: string } }>(RESET_FEED);
        expect(codeOf(reset)).toBe(outcome);
        expect(codeOf(await client.request(REVOKE_FEED))).toBe(outcome);
        if (outcome === 'OK')
          expect(dataOf(reset).resetCalendarFeed.url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
      },
    );

    it('the feed address is the only credential: it works with no session, and not once reset or revoked', async () => {
      const w = await groupPersonas(api);
      const meeting = await scheduled(w);
      const member = await w.as('member');
      const first = dataOf(await member.request<{ resetCalendarFeed: { url: string } }>(RESET_FEED)).resetCalendarFeed
        .url;
      const path = new URL(first).pathname;
      const anonymous = api.client();
      const ok = await anonymous.get(path);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain(`UID:${meeting.id}@convene`);
      const convenorFeed = new URL(
        dataOf(await (await w.as('convenor')).request<{ resetCalendarFeed: { url: string } }>(RESET_FEED))
          .resetCalendarFeed.url,
      ).pathname;
      const second = dataOf(await member.request<{ resetCalendarFeed: { url: string } }>(RESET_FEED)).resetCalendarFeed
        .url;
      expect((await anonymous.get(path)).status).toBe(404);
      expect((await anonymous.get(new URL(second).pathname)).status).toBe(200);
      dataOf(await member.request(REVOKE_FEED));
      expect((await anonymous.get(new URL(second).pathname)).status).toBe(404);
      expect((await anonymous.get('/api/calendar/not-a-token.ics')).status).toBe(404);
      // One person's reset and revoke leave everyone else's feed alone.
      expect((await anonymous.get(convenorFeed)).status).toBe(200);
    });

    it.each(PERSONAS.map((p) => [p, managers[p]] as const))(
      'createMeetingPoll as %s → %s',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const result = await (await w.as(persona)).request(CREATE_POLL, { input: pollInput(w) });
        expect(codeOf(result)).toBe(outcome);
        expect(await sql('select id from meeting_polls where group_id = ?', [w.group.id])).toHaveLength(
          outcome === 'OK' ? 1 : 0,
        );
      },
    );

    it.each(PERSONAS.map((p) => [p, members[p]] as const))('meetingPoll as %s → %s', async (persona, outcome) => {
      const w = await groupPersonas(api);
      const poll = await createdPoll(w);
      expect(codeOf(await (await w.as(persona)).request(POLL, { id: poll.id }))).toBe(outcome);
    });

    it.each(PERSONAS.map((p) => [p, answerers[p]] as const))(
      'answerMeetingPoll as %s → %s',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const poll = await createdPoll(w);
        const result = await (
          await w.as(persona)
        ).request(ANSWER_POLL, { input: { pollId: poll.id, answers: [{ slotId: poll.slots[0]!.id, answer: 'YES' }] } });
        expect(codeOf(result)).toBe(outcome);
        expect(await sql('select 1 from meeting_poll_votes where poll_id = ?', [poll.id])).toHaveLength(
          outcome === 'OK' ? 1 : 0,
        );
      },
    );

    it.each(PERSONAS.map((p) => [p, managers[p]] as const))(
      'pickMeetingPollSlot as %s → %s, and a refused pick schedules nothing',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const poll = await createdPoll(w);
        const result = await (
          await w.as(persona)
        ).request(PICK, { input: { pollId: poll.id, slotId: poll.slots[1]!.id } });
        expect(codeOf(result)).toBe(outcome);
        expect(await meetingRows(w.group.id)).toHaveLength(outcome === 'OK' ? 1 : 0);
      },
    );

    it.each(PERSONAS.map((p) => [p, managers[p]] as const))('closeMeetingPoll as %s → %s', async (persona, outcome) => {
      const w = await groupPersonas(api);
      const poll = await createdPoll(w);
      expect(codeOf(await (await w.as(persona)).request(CLOSE_POLL, { id: poll.id }))).toBe(outcome);
      expect(
        (await sql<{ status: string }>('select status from meeting_polls where id = ?', [poll.id]))[0]!.status,
      ).toBe(outcome === 'OK' ? 'CLOSED' : 'OPEN');
    });

    it.each(PERSONAS.map((p) => [p, managers[p]] as const))('configureEvent as %s → %s', async (persona, outcome) => {
      const w = await groupPersonas(api);
      const meeting = await scheduled(w);
      const result = await (await w.as(persona)).request(CONFIGURE, { input: eventInput(meeting.id) });
      expect(codeOf(result)).toBe(outcome);
      expect(await sql('select 1 from event_forms where meeting_id = ?', [meeting.id])).toHaveLength(
        outcome === 'OK' ? 1 : 0,
      );
    });

    it.each(PERSONAS.map((p) => [p, 'OK'] as const))(
      'publicEvent, registerForEvent, myRegistration and cancelRegistration as %s → %s (no account needed)',
      async (persona) => {
        const w = await groupPersonas(api);
        const { slug } = await openEvent(w);
        const client = await w.as(persona);
        expect(codeOf(await client.request(PUBLIC_EVENT, { slug }))).toBe('OK');
        const email = `guest-${Math.random().toString(36).slice(2)}@example.org`;
        expect(codeOf(await client.request(REGISTER, { input: registration(slug, email) }))).toBe('OK');
        const token = await tokenFor(email);
        expect(
          dataOf(await client.request<{ myRegistration: { status: string } }>(MY_REGISTRATION, { token }))
            .myRegistration.status,
        ).toBe('CONFIRMED');
        expect(
          dataOf(await client.request<{ cancelRegistration: { status: string } }>(CANCEL_REGISTRATION, { token }))
            .cancelRegistration.status,
        ).toBe('CANCELLED');
      },
    );

    it('a wrong private link is "not found", and tells nothing', async () => {
      const client = api.client();
      const result = await client.request(MY_REGISTRATION, { token: 'A'.repeat(32) });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'REGISTRATION_NOT_FOUND' });
      expect(codeOf(await client.request(CANCEL_REGISTRATION, { token: 'short' }))).toBe('NOT_FOUND');
    });

    it.each(PERSONAS.map((p) => [p, managers[p]] as const))(
      'eventRegistrations, decideRegistration, checkInRegistration, emailRegistrants and the CSV as %s → %s',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const { slug, meetingId } = await openEvent(w, { requiresApproval: true });
        const email = `guest-${Math.random().toString(36).slice(2)}@example.org`;
        dataOf(await api.client().request(REGISTER, { input: registration(slug, email) }));
        const [row] = await sql<{ id: string }>('select id from event_registrations where meeting_id = ?', [meetingId]);
        const client = await w.as(persona);
        expect(codeOf(await client.request(REGISTRATIONS, { meetingId }))).toBe(outcome);
        expect(codeOf(await client.request(DECIDE, { id: row!.id, approve: true }))).toBe(outcome);
        expect(codeOf(await client.request(CHECK_IN, { id: row!.id, on: true }))).toBe(outcome);
        expect(
          codeOf(
            await client.request(EMAIL_ALL, {
              input: { meetingId, subject: 'Venue change', message: 'We moved to the community hall.' },
            }),
          ),
        ).toBe(outcome);
        const [after] = await sql<{ status: string; checked_in_at: Date | null }>(
          'select status, checked_in_at from event_registrations where id = ?',
          [row!.id],
        );
        expect(after!.status).toBe(outcome === 'OK' ? 'CONFIRMED' : 'PENDING');
        expect(Boolean(after!.checked_in_at)).toBe(outcome === 'OK');
        const csv = await client.get(`/api/meetings/${meetingId}/registrations.csv`);
        expect(csv.status).toBe({ OK: 200, UNAUTHENTICATED: 401, NOT_FOUND: 404, FORBIDDEN: 403 }[outcome]);
        const text = await csv.text();
        if (outcome === 'OK') expect(text).toContain(email);
        else expect(text).not.toContain(email);
      },
    );
  });

  describe('bad input: a clear coded error, and nothing changed', () => {
    it.each([
      ['end before start', { startsAt: localIn(5, 18), endsAt: localIn(5, 17) }, 'END_BEFORE_START', 'endsAt'],
      ['a time zone that does not exist', { timeZone: 'Europe/Atlantis' }, 'UNKNOWN_TIME_ZONE', 'timeZone'],
      ['a date in the past', { startsAt: localIn(-2, 18), endsAt: localIn(-2, 19) }, 'START_IN_PAST', 'startsAt'],
      [
        'a year typed wrong (2099)',
        { startsAt: '2099-03-05T18:00', endsAt: '2099-03-05T19:00' },
        'TOO_FAR_AHEAD',
        'startsAt',
      ],
      ['a malformed date', { startsAt: '2026-02-30T18:00' }, 'INVALID_INPUT', 'startsAt'],
      ['a link that is not a web address', { onlineUrl: 'javascript:alert(1)' }, 'INVALID_INPUT', 'onlineUrl'],
      ['a reminder that is not offered', { reminderMinutes: [7] }, 'INVALID_INPUT', 'reminderMinutes'],
      ['a repeat with no end', { recurrence: { frequency: 'WEEKLY' } }, 'INVALID_INPUT', 'recurrence.count'],
    ])('scheduleMeeting with %s → %s on %s', async (_what, change, reason, field) => {
      const w = await groupPersonas(api);
      const result = await (
        await w.as('convenor')
      ).request(SCHEDULE, {
        input: {
          groupId: w.group.id,
          title: 'Planning',
          startsAt: localIn(5, 18),
          endsAt: localIn(5, 19),
          timeZone: 'Europe/London',
          ...change,
        },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
      expect(result.errors?.[0]?.extensions?.fields?.[field]).toEqual(expect.any(String));
      expect(JSON.stringify(result.errors)).not.toMatch(/at .*\.js:\d+/);
      expect(await meetingRows(w.group.id)).toEqual([]);
    });

    it('a poll’s proposed time years away is refused, and no poll is made', async () => {
      const w = await groupPersonas(api);
      const input = {
        ...pollInput(w),
        slots: [
          { startsAt: localIn(4, 18), endsAt: localIn(4, 19) },
          { startsAt: '2099-03-05T18:00', endsAt: '2099-03-05T19:00' },
        ],
      };
      const result = await (await w.as('convenor')).request(CREATE_POLL, { input });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TOO_FAR_AHEAD',
        fields: { 'slots.1.startsAt': expect.any(String) },
      });
      expect(await sql('select id from meeting_polls where group_id = ?', [w.group.id])).toEqual([]);
    });

    it('registration that would close after the event has ended is refused, and no form is made', async () => {
      const w = await groupPersonas(api);
      const meeting = await scheduled(w);
      const result = await (
        await w.as('convenor')
      ).request(CONFIGURE, { input: { ...eventInput(meeting.id), deadline: localIn(400, 18) } });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DEADLINE_AFTER_EVENT',
        fields: { deadline: expect.any(String) },
      });
      expect(await sql('select 1 from event_forms where meeting_id = ?', [meeting.id])).toEqual([]);
    });

    it('an impossible last day of a series is a field error, not a crash', async () => {
      const w = await groupPersonas(api);
      const result = await (
        await w.as('convenor')
      ).request(SCHEDULE, {
        input: {
          groupId: w.group.id,
          title: 'Weekly',
          startsAt: localIn(5, 18),
          endsAt: localIn(5, 19),
          timeZone: 'Europe/London',
          recurrence: { frequency: 'WEEKLY', until: '2027-02-30' },
        },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { 'recurrence.until': expect.any(String) },
      });
      expect(await meetingRows(w.group.id)).toEqual([]);
    });

    it('answering a cancelled meeting is refused; a meeting of a group one is not in is "not found"', async () => {
      const w = await groupPersonas(api);
      const meeting = await scheduled(w);
      dataOf(await (await w.as('convenor')).request(CANCEL, { input: { id: meeting.id } }));
      expect(
        (await (await w.as('member')).request(RSVP, { input: { meetingId: meeting.id, response: 'GOING' } }))
          .errors?.[0]?.extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'MEETING_CANCELLED' });
      const other = await groupPersonas(api);
      expect(
        (await (await other.as('member')).request(RSVP, { input: { meetingId: meeting.id, response: 'GOING' } }))
          .errors?.[0]?.extensions,
      ).toMatchObject({ code: 'NOT_FOUND', reason: 'MEETING_NOT_FOUND' });
      expect(await rsvpRows(meeting.id)).toEqual([]);
    });

    it('a capacity below the current registrations is refused and the form is unchanged', async () => {
      const w = await groupPersonas(api);
      const { slug, meetingId } = await openEvent(w, { capacity: 5 });
      for (const n of [1, 2, 3])
        dataOf(
          await api.client().request(REGISTER, { input: registration(slug, `cap-${n}-${Date.now()}@example.org`) }),
        );
      const result = await (
        await w.as('convenor')
      ).request(CONFIGURE, { input: { ...eventInput(meetingId), slug, capacity: 2 } });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'CAPACITY_BELOW_REGISTRATIONS',
        fields: { capacity: expect.stringContaining('3 people') },
      });
      expect(
        (await sql<{ capacity: number }>('select capacity from event_forms where meeting_id = ?', [meetingId]))[0]!
          .capacity,
      ).toBe(5);
    });

    it('two questions under one id are refused (their answers would be shared) and nothing is stored', async () => {
      const w = await groupPersonas(api);
      const meeting = await scheduled(w);
      const fields = [
        { id: 'diet', label: 'Dietary needs', kind: 'TEXT' },
        { id: 'diet', label: 'Access needs', kind: 'TEXT' },
      ];
      const result = await (
        await w.as('convenor')
      ).request(CONFIGURE, { input: { ...eventInput(meeting.id), fields } });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { fields: 'Each question needs its own id.' },
      });
      expect(await sql('select meeting_id from event_forms where meeting_id = ?', [meeting.id])).toEqual([]);
    });

    it('a full event with no waitlist refuses a registration; a closed form refuses too; nothing is stored', async () => {
      const w = await groupPersonas(api);
      const { slug, meetingId } = await openEvent(w, { capacity: 1, waitlistEnabled: false });
      dataOf(await api.client().request(REGISTER, { input: registration(slug, `first-${Date.now()}@example.org`) }));
      const full = await api
        .client()
        .request(REGISTER, { input: registration(slug, `second-${Date.now()}@example.org`) });
      expect(full.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EVENT_FULL' });
      dataOf(
        await (
          await w.as('convenor')
        ).request(CONFIGURE, { input: { ...eventInput(meetingId), slug, capacity: 10, isOpen: false } }),
      );
      const closed = await api
        .client()
        .request(REGISTER, { input: registration(slug, `third-${Date.now()}@example.org`) });
      expect(closed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REGISTRATION_CLOSED' });
      expect(await sql('select id from event_registrations where meeting_id = ?', [meetingId])).toHaveLength(1);
    });

    it('consent is required, required questions must be answered, and a choice must be one of the options', async () => {
      const w = await groupPersonas(api);
      const { slug, meetingId } = await openEvent(w);
      const email = `q-${Date.now()}@example.org`;
      const noConsent = await api
        .client()
        .request(REGISTER, { input: { ...registration(slug, email), consent: false } });
      expect(noConsent.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'CONSENT_REQUIRED',
        fields: { consent: expect.any(String) },
      });
      const event = dataOf(
        await api.client().request<{ publicEvent: { fields: { id: string; kind: string }[] } }>(PUBLIC_EVENT, { slug }),
      ).publicEvent;
      const choice = event.fields.find((f) => f.kind === 'CHOICE')!;
      const wrong = await api.client().request(REGISTER, {
        input: { ...registration(slug, email), answers: [{ fieldId: choice.id, value: 'Klingon' }] },
      });
      expect(wrong.errors?.[0]?.extensions?.fields?.[`answers.${choice.id}`]).toBe('Choose one of the options.');
      expect(await sql('select id from event_registrations where meeting_id = ?', [meetingId])).toEqual([]);
    });
  });

  describe('time zones and daylight saving', () => {
    it('a weekly 18:00 London meeting stays at 18:00 local across the clock change (17:00 UTC in summer, 18:00 UTC in winter)', async () => {
      const w = await groupPersonas(api);
      // From the first Thursday of next March, weekly for 6 weeks: the clocks go forward on the last Sunday of March.
      const year = new Date().getUTCFullYear() + 1;
      const march = new Date(Date.UTC(year, 2, 1));
      const firstThursday = 1 + ((4 - march.getUTCDay() + 7) % 7);
      const day = `${year}-03-${String(firstThursday).padStart(2, '0')}`;
      const meeting = await scheduled(w, {
        startsAt: `${day}T18:00`,
        endsAt: `${day}T19:30`,
        recurrence: { frequency: 'WEEKLY', count: 6 },
      });
      expect(meeting.seriesId).toEqual(expect.any(String));
      const rows = await meetingRows(w.group.id);
      expect(rows).toHaveLength(6);
      const utcHours = rows.map((r) => new Date(r.starts_at).getUTCHours());
      expect(utcHours.slice(0, 2)).toEqual([18, 18]);
      expect(utcHours.slice(-2)).toEqual([17, 17]);
      for (const row of rows)
        expect(toZoned(new Date(row.starts_at), 'Europe/London')).toMatchObject({ hour: 18, minute: 0, weekday: 4 });
      // Seen from New York, the same meeting is at 14:00 or 13:00 local depending on the week: the client shows it with the zone named.
      const seen = dataOf(
        await (await w.as('member')).request<{ meeting: MeetingSeen }>(MEETING, { id: rows.at(-1)!.id }),
      ).meeting;
      expect(seen).toMatchObject({ timeZone: 'Europe/London', startsAtLocal: expect.stringMatching(/T18:00$/) });
    });

    it('a meeting of a monthly series moved on its own says where its series meets, and where it was moved from', async () => {
      const w = await groupPersonas(api);
      // The third Friday of next month, 18:00 London time, for three months.
      const next = toZoned(new Date(Date.now() + 31 * DAY), 'Europe/London');
      const firstOfMonth = new Date(Date.UTC(next.year, next.month - 1, 1, 12));
      const friday = 1 + ((5 - firstOfMonth.getUTCDay() + 7) % 7) + 14;
      const day = `${next.year}-${String(next.month).padStart(2, '0')}-${String(friday).padStart(2, '0')}`;
      await scheduled(w, {
        startsAt: `${day}T18:00`,
        endsAt: `${day}T19:00`,
        recurrence: { frequency: 'MONTHLY_BY_WEEKDAY', count: 3 },
      });
      const second = (await meetingRows(w.group.id))[1]!;
      const local = (d: Date) => formatLocalDateTime(toZoned(new Date(d), 'Europe/London'));
      const originalStart = new Date(second.starts_at).toISOString();
      const convenor = await w.as('convenor');
      const PAGE = `query M($id: ID!) { meeting(id: $id) { startsAtLocal movedFrom recurrence repeats { frequency interval weekday position } } }`;
      type Page = {
        meeting: {
          startsAtLocal: string;
          movedFrom: string | null;
          recurrence: string;
          repeats: { frequency: string; interval: number; weekday: number; position: number | null };
        };
      };
      const page = async () => dataOf(await convenor.request<Page>(PAGE, { id: second.id })).meeting;
      const series = { frequency: 'MONTHLY_BY_WEEKDAY', interval: 1, weekday: 5, position: 3 };
      expect(await page()).toMatchObject({ movedFrom: null, recurrence: 'Monthly on the 3rd Friday', repeats: series });

      // Moved to the Saturday: the series still meets on the third Friday; this one came from there.
      const saturday = new Date(new Date(second.starts_at).getTime() + DAY);
      dataOf(
        await convenor.request(UPDATE, {
          input: { id: second.id, startsAt: local(saturday), endsAt: local(new Date(saturday.getTime() + 3600_000)) },
        }),
      );
      expect(await page()).toMatchObject({
        movedFrom: originalStart,
        recurrence: 'Monthly on the 3rd Friday',
        repeats: series,
      });
      // Moved again, it still came from the Friday; moved back there, it is no longer "moved".
      const sunday = new Date(saturday.getTime() + DAY);
      dataOf(
        await convenor.request(UPDATE, {
          input: { id: second.id, startsAt: local(sunday), endsAt: local(new Date(sunday.getTime() + 3600_000)) },
        }),
      );
      expect((await page()).movedFrom).toBe(originalStart);
      dataOf(
        await convenor.request(UPDATE, {
          input: {
            id: second.id,
            startsAt: local(second.starts_at),
            endsAt: local(new Date(new Date(second.starts_at).getTime() + 3600_000)),
          },
        }),
      );
      expect(await page()).toMatchObject({ movedFrom: null, repeats: series });

      // Moved to the Saturday again, then the whole series from its first meeting moves to 19:00:
      // the second stays a day off its series, and now comes from Friday 19:00.
      dataOf(
        await convenor.request(UPDATE, {
          input: { id: second.id, startsAt: local(saturday), endsAt: local(new Date(saturday.getTime() + 3600_000)) },
        }),
      );
      const first = (await meetingRows(w.group.id))[0]!;
      const at19 = (d: Date) => local(d).replace('T18:00', 'T19:00');
      dataOf(
        await convenor.request(UPDATE, {
          input: {
            id: first.id,
            scope: 'FOLLOWING',
            startsAt: at19(first.starts_at),
            endsAt: at19(first.starts_at).replace('T19:00', 'T20:00'),
          },
        }),
      );
      const afterSeriesMove = await page();
      expect(afterSeriesMove.startsAtLocal).toBe(at19(saturday));
      expect(local(new Date(afterSeriesMove.movedFrom!))).toBe(at19(second.starts_at));
      expect(afterSeriesMove.repeats).toEqual(series);
      // The first meeting starts the series' new pattern: it is not "moved".
      expect(dataOf(await convenor.request<Page>(PAGE, { id: first.id })).meeting.movedFrom).toBeNull();
    });

    it('moving one occurrence of a series to 19:00 moves it alone; "this and following" moves the rest, still at local time', async () => {
      const w = await groupPersonas(api);
      const first = await scheduled(w, {
        startsAt: localIn(3, 18),
        endsAt: localIn(3, 19),
        recurrence: { frequency: 'WEEKLY', count: 4 },
      });
      const rows = await meetingRows(w.group.id);
      const convenor = await w.as('convenor');
      const second = rows[1]!;
      const local = (d: Date) => formatLocalDateTime(toZoned(new Date(d), 'Europe/London'));
      const moved = dataOf(
        await convenor.request<{ updateMeeting: MeetingSeen }>(UPDATE, {
          input: {
            id: second.id,
            startsAt: local(second.starts_at).replace('T18:00', 'T19:00'),
            endsAt: local(second.starts_at).replace('T18:00', 'T20:00'),
          },
        }),
      ).updateMeeting;
      expect(moved.startsAtLocal).toMatch(/T19:00$/);
      expect(moved.sequence).toBe(1);
      let after = await meetingRows(w.group.id);
      expect(after.map((r) => toZoned(new Date(r.starts_at), 'Europe/London').hour)).toEqual([18, 19, 18, 18]);
      const third = after[2]!;
      dataOf(
        await convenor.request(UPDATE, {
          input: {
            id: third.id,
            scope: 'FOLLOWING',
            startsAt: local(third.starts_at).replace('T18:00', 'T17:30'),
            endsAt: local(third.starts_at).replace('T18:00', 'T18:30'),
          },
        }),
      );
      after = await meetingRows(w.group.id);
      expect(after.map((r) => formatLocalDateTime(toZoned(new Date(r.starts_at), 'Europe/London')).slice(11))).toEqual([
        '18:00',
        '19:00',
        '17:30',
        '17:30',
      ]);
      expect(after[0]!.id).toBe(first.id);
      const single = await scheduled(w);
      const refused = await convenor.request(UPDATE, { input: { id: single.id, scope: 'FOLLOWING', title: 'x' } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ reason: 'NOT_IN_SERIES' });
    });
  });

  describe('reminders: delayed jobs on the real Redis, time controlled by the test', () => {
    const job = (meetingId: string, minutes: number) => queue().getJob(jobIds.meetingReminder(meetingId, minutes));

    it('are scheduled a day and an hour before, moved on reschedule (same ids), and removed on cancel', async () => {
      const w = await groupPersonas(api);
      const meeting = await scheduled(w);
      const starts = new Date(meeting.startsAt).getTime();
      for (const minutes of [1440, 60]) {
        const found = await job(meeting.id, minutes);
        expect(found?.data).toEqual({ meetingId: meeting.id, minutesBefore: minutes, startsAt: starts });
        // Due at the offset before the start (BullMQ stamps the job a few milliseconds after the delay is worked out).
        expect(Math.abs(found!.timestamp + found!.delay - (starts - minutes * 60_000))).toBeLessThan(5_000);
        expect(await found!.isDelayed()).toBe(true);
      }
      const later = dataOf(
        await (
          await w.as('convenor')
        ).request<{ updateMeeting: MeetingSeen }>(UPDATE, {
          input: { id: meeting.id, startsAt: localIn(12, 9), endsAt: localIn(12, 10) },
        }),
      ).updateMeeting;
      const moved = await job(meeting.id, 60);
      expect(moved?.data.startsAt).toBe(new Date(later.startsAt).getTime());
      expect(Math.abs(moved!.timestamp + moved!.delay - (new Date(later.startsAt).getTime() - 3_600_000))).toBeLessThan(
        5_000,
      );
      // Other reminder choices replace the old ones.
      dataOf(await (await w.as('convenor')).request(UPDATE, { input: { id: meeting.id, reminderMinutes: [30] } }));
      expect(await job(meeting.id, 60)).toBeUndefined();
      expect(await job(meeting.id, 30)).toBeDefined();
      dataOf(await (await w.as('convenor')).request(CANCEL, { input: { id: meeting.id } }));
      expect(await job(meeting.id, 30)).toBeUndefined();
      expect(await job(meeting.id, 1440)).toBeUndefined();
    });

    it('when due, remind the group except those not going; a stale or repeated job does nothing', async () => {
      const w = await groupPersonas(api);
      const extra = await api.data.user({ displayName: 'Noor Not-going' });
      await api.data.membership(w.group, extra, MembershipRole.MEMBER);
      const meeting = await scheduled(w);
      dataOf(
        await (await api.signedIn(extra)).request(RSVP, { input: { meetingId: meeting.id, response: 'NOT_GOING' } }),
      );
      const reminders = api.app.get(MeetingRemindersService);
      const found = await job(meeting.id, 60);
      // "Time passes": the job is promoted instead of waited for, and its handler runs as the worker's would.
      await found!.promote();
      expect(await found!.isWaiting()).toBe(true);
      expect(await reminders.remind(found!.data)).toBe(true);
      expect(await reminders.remind(found!.data)).toBe(false);
      const told = await fanOut('meeting.reminder', meeting.id);
      expect(told.map((n) => n.recipientId).sort()).toEqual([w.people.member.id, w.people.convenor.id].sort());
      // A job made for an earlier time of a meeting that moved since does nothing.
      expect(await reminders.remind({ ...found!.data, startsAt: found!.data.startsAt - 3_600_000 })).toBe(false);
      dataOf(await (await w.as('convenor')).request(CANCEL, { input: { id: meeting.id } }));
      expect(await reminders.remind({ ...found!.data, minutesBefore: 1440 })).toBe(false);
    });

    it('the sweep puts back reminder jobs that were lost', async () => {
      const w = await groupPersonas(api);
      const meeting = await scheduled(w, { startsAt: localIn(2, 18), endsAt: localIn(2, 19) });
      await queue().remove(jobIds.meetingReminder(meeting.id, 60));
      expect(await job(meeting.id, 60)).toBeUndefined();
      expect(await api.app.get(MeetingRemindersService).sweep()).toBeGreaterThanOrEqual(1);
      expect((await job(meeting.id, 60))?.data.startsAt).toBe(new Date(meeting.startsAt).getTime());
    });
  });

  describe('calendar files (checked with an RFC 5545 parser)', () => {
    const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics));

    it('a meeting’s .ics keeps its UID and raises SEQUENCE when rescheduled; cancelling marks it cancelled', async () => {
      const w = await groupPersonas(api);
      const meeting = await scheduled(w, { title: 'Policing, surveillance; and data' });
      const member = await w.as('member');
      const read = async () =>
        parse(await (await member.get(`/api/meetings/${meeting.id}/ics`)).text()).getFirstSubcomponent('vevent')!;
      const before = await read();
      expect(before.getFirstPropertyValue('uid')).toBe(`${meeting.id}@convene`);
      expect(before.getFirstPropertyValue('sequence')).toBe(0);
      expect(String(before.getFirstPropertyValue('summary'))).toContain('Policing, surveillance; and data');
      expect((before.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(
        new Date(meeting.startsAt).toISOString(),
      );
      expect(String(before.getFirstPropertyValue('description'))).toContain('https://meet.example.org/policing');
      dataOf(
        await (
          await w.as('convenor')
        ).request(UPDATE, { input: { id: meeting.id, startsAt: localIn(11, 18), endsAt: localIn(11, 20) } }),
      );
      const after = await read();
      expect(after.getFirstPropertyValue('uid')).toBe(`${meeting.id}@convene`);
      expect(after.getFirstPropertyValue('sequence')).toBe(1);
      dataOf(await (await w.as('convenor')).request(CANCEL, { input: { id: meeting.id } }));
      const cancelled = await read();
      expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(cancelled.getFirstPropertyValue('sequence')).toBe(2);
    });

    it('the personal feed lists the meetings of the person’s groups only', async () => {
      const w = await groupPersonas(api);
      const mine = await scheduled(w);
      const other = await groupPersonas(api);
      const theirs = await scheduled(other);
      const url = dataOf(await (await w.as('member')).request<{ resetCalendarFeed: { url: string } }>(RESET_FEED))
        .resetCalendarFeed.url;
      const calendar = parse(await (await api.client().get(new URL(url).pathname)).text());
      const uids = calendar.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
      expect(uids).toContain(`${mine.id}@convene`);
      expect(uids).not.toContain(`${theirs.id}@convene`);
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    });
  });

  describe('RSVPs and notifications', () => {
    it('answers are counted; the note is for convenors and its writer only', async () => {
      const w = await groupPersonas(api);
      const meeting = await scheduled(w);
      const seen = dataOf(
        await (
          await w.as('member')
        ).request<{ rsvp: MeetingSeen }>(RSVP, {
          input: { meetingId: meeting.id, response: 'MAYBE', note: 'Arabic interpretation' },
        }),
      ).rsvp;
      expect(seen).toMatchObject({
        myRsvp: { response: 'MAYBE', note: 'Arabic interpretation' },
        rsvpCounts: { going: 0, maybe: 1, notGoing: 0 },
      });
      const third = await api.data.user({ displayName: 'Tariq Third' });
      await api.data.membership(w.group, third, MembershipRole.MEMBER);
      const byThird = dataOf(
        await (
          await api.signedIn(third)
        ).request<{ meeting: { rsvps: { response: string; note: string | null }[] } }>(MEETING, { id: meeting.id }),
      ).meeting.rsvps;
      expect(byThird).toEqual([{ person: { displayName: 'Mina Member' }, response: 'MAYBE', note: null }]);
      const byConvenor = dataOf(
        await (
          await w.as('convenor')
        ).request<{ meeting: { rsvps: { note: string | null }[] } }>(MEETING, { id: meeting.id }),
      ).meeting.rsvps;
      expect(byConvenor[0]!.note).toBe('Arabic interpretation');
    });

    it('where the member list is for convenors, members see only their own and the convenors’ answers (the counts stay whole)', async () => {
      const w = await groupPersonas(api, { memberListVisibility: MemberListVisibility.CONVENORS });
      const other = await api.data.user({ displayName: 'Hidden Member' });
      await api.data.membership(w.group, other, MembershipRole.MEMBER);
      const meeting = await scheduled(w);
      const poll = await createdPoll(w);
      for (const client of [await w.as('member'), await api.signedIn(other), await w.as('convenor')]) {
        dataOf(await client.request(RSVP, { input: { meetingId: meeting.id, response: 'GOING' } }));
        dataOf(
          await client.request(ANSWER_POLL, {
            input: { pollId: poll.id, answers: [{ slotId: poll.slots[0]!.id, answer: 'YES' }] },
          }),
        );
      }
      const member = await w.as('member');
      const seen = dataOf(
        await member.request<{ meeting: MeetingSeen & { rsvps: { person: { displayName: string } }[] } }>(MEETING, {
          id: meeting.id,
        }),
      ).meeting;
      expect(seen.rsvps.map((r) => r.person.displayName).sort()).toEqual(['Cora Convenor', 'Mina Member']);
      expect(seen.rsvpCounts.going).toBe(3);
      const grid = dataOf(
        await member.request<{ meetingPoll: PollSeen & { slots: { votes: { person: { displayName: string } }[] }[] } }>(
          POLL,
          { id: poll.id },
        ),
      ).meetingPoll;
      expect(grid.slots[0]!.votes.map((v) => v.person.displayName).sort()).toEqual(['Cora Convenor', 'Mina Member']);
      expect([grid.slots[0]!.yes, grid.respondents]).toEqual([3, 3]);
      const byConvenor = dataOf(
        await (await w.as('convenor')).request<{ meeting: { rsvps: unknown[] } }>(MEETING, { id: meeting.id }),
      ).meeting;
      expect(byConvenor.rsvps).toHaveLength(3);
    });

    it('a new meeting tells the group; a change tells those who answered, with the calendar invitation by email', async () => {
      const w = await groupPersonas(api);
      const meeting = await scheduled(w);
      const scheduledTold = await fanOut('meeting.scheduled', meeting.id);
      expect(scheduledTold.map((n) => n.recipientId)).toEqual([w.people.member.id]);
      dataOf(await (await w.as('member')).request(RSVP, { input: { meetingId: meeting.id, response: 'GOING' } }));
      dataOf(
        await (
          await w.as('convenor')
        ).request(UPDATE, { input: { id: meeting.id, startsAt: localIn(10, 19), endsAt: localIn(10, 21) } }),
      );
      const updated = await fanOut('meeting.updated', meeting.id);
      expect(updated.map((n) => n.recipientId)).toEqual([w.people.member.id]);
      const [row] = await sql<{ id: string; type: string }>(
        `select n.id, n.type from notifications n join outbox_events e on e.id = n.event_id where e.type = 'meeting.updated' and e.payload->>'meetingId' = ?`,
        [meeting.id],
      );
      expect(row!.type).toBe('MEETING_UPDATED');
      expect(await api.app.get(NotificationMailService).sendImmediate([row!.id])).toBe(1);
      const [mail] = await sql<{ subject: string; calendar: string; calendar_method: string; text_body: string }>(
        `select subject, calendar, calendar_method, text_body from mail_messages where to_address = ? order by created_at desc limit 1`,
        [w.people.member.email],
      );
      expect(mail!.calendar_method).toBe('REQUEST');
      const invite = new ICAL.Component(ICAL.parse(mail!.calendar)).getFirstSubcomponent('vevent')!;
      expect(invite.getFirstPropertyValue('sequence')).toBe(1);
      expect(String(invite.getFirstProperty('attendee')!.getParameter('partstat'))).toBe('ACCEPTED');
      expect(mail!.text_body).toContain('(Europe/London)');
    });
  });

  describe('finding a time', () => {
    it('members answer in a grid; the pick becomes the meeting, the poll is decided, and a second pick is refused', async () => {
      const w = await groupPersonas(api);
      const poll = await createdPoll(w);
      const [a, b, c] = poll.slots;
      dataOf(
        await (
          await w.as('member')
        ).request(ANSWER_POLL, {
          input: {
            pollId: poll.id,
            answers: [
              { slotId: a!.id, answer: 'YES' },
              { slotId: b!.id, answer: 'IF_NEED_BE' },
              { slotId: c!.id, answer: 'NO' },
            ],
          },
        }),
      );
      const seen = dataOf(
        await (
          await w.as('convenor')
        ).request<{ answerMeetingPoll: PollSeen }>(ANSWER_POLL, {
          input: { pollId: poll.id, answers: [{ slotId: a!.id, answer: 'YES' }] },
        }),
      ).answerMeetingPoll;
      expect(seen.respondents).toBe(2);
      expect(seen.slots.map((s) => [s.yes, s.ifNeedBe, s.no])).toEqual([
        [2, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ]);
      expect(seen.slots[0]!.myAnswer).toBe('YES');
      const picked = dataOf(
        await (
          await w.as('convenor')
        ).request<{ pickMeetingPollSlot: PollSeen }>(PICK, { input: { pollId: poll.id, slotId: a!.id } }),
      ).pickMeetingPollSlot;
      expect(picked.status).toBe('DECIDED');
      const meeting = dataOf(
        await (await w.as('member')).request<{ meeting: MeetingSeen }>(MEETING, { id: picked.meetingId }),
      ).meeting;
      expect(meeting.startsAt).toBe(a!.startsAt);
      expect((await fanOut('meeting.scheduled', meeting.id)).map((n) => n.recipientId)).toEqual([w.people.member.id]);
      const again = await (await w.as('convenor')).request(PICK, { input: { pollId: poll.id, slotId: b!.id } });
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'POLL_NOT_OPEN' });
      const late = await (
        await w.as('member')
      ).request(ANSWER_POLL, { input: { pollId: poll.id, answers: [{ slotId: b!.id, answer: 'YES' }] } });
      expect(late.errors?.[0]?.extensions).toMatchObject({ reason: 'POLL_NOT_OPEN' });
      expect(await meetingRows(w.group.id)).toHaveLength(1);
    });

    it('a slot of another poll is refused', async () => {
      const w = await groupPersonas(api);
      const poll = await createdPoll(w);
      const other = await createdPoll(w);
      const result = await (
        await w.as('member')
      ).request(ANSWER_POLL, { input: { pollId: poll.id, answers: [{ slotId: other.slots[0]!.id, answer: 'YES' }] } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ reason: 'SLOT_NOT_FOUND' });
      expect(await sql('select 1 from meeting_poll_votes where poll_id in (?, ?)', [poll.id, other.id])).toEqual([]);
    });
  });

  describe('lists', () => {
    /** A Postgres array of ids, for unnest(?::uuid[]). */
    const ids = (list: string[]) => `{${list.join(',')}}`;
    const fresh = (n: number) => Array.from({ length: n }, () => randomUUID());

    /**
     * n meetings of a group in the next days, each with its own author, series, agenda and minutes
     * documents, discussion, open-event form (with a registration) and answers from its author and the
     * member; and n polls with two slots each, answered by their authors.
     */
    async function groupWith(n: number) {
      const w = await groupPersonas(api);
      const [people, series, documents, threads, meetings, polls] = [
        fresh(n),
        fresh(n),
        fresh(n),
        fresh(n),
        fresh(n),
        fresh(n),
      ];
      const g = w.group.id;
      await sql(
        `insert into users (id, email, display_name, password_hash, created_at, password_changed_at) select id, 'lists-' || id || '@example.org', 'Person ' || n, 'x', now(), now() from unnest(?::uuid[]) with ordinality t(id, n)`,
        [ids(people)],
      );
      await sql(
        `insert into memberships (id, group_id, user_id, role, status, created_at) select gen_random_uuid(), ?, id, 'MEMBER', 'ACTIVE', now() from unnest(?::uuid[]) id`,
        [g, ids(people)],
      );
      await sql(
        `insert into meeting_series (id, group_id, frequency, interval, count, time_zone, created_at) select id, ?, 'WEEKLY', 1, 4, 'Europe/London', now() from unnest(?::uuid[]) id`,
        [g, ids(series)],
      );
      await sql(
        `insert into documents (id, group_id, title, description, tags, content_type, size, version_count, created_by_id, created_at, updated_at)
         select d, ?, 'Agenda ' || n, '', '{}', 'application/pdf', 1, 1, p, now(), now() from unnest(?::uuid[], ?::uuid[]) with ordinality t(d, p, n)`,
        [g, ids(documents), ids(people)],
      );
      await sql(
        `insert into threads (id, group_id, author_id, title, tags, post_count, created_at, last_activity_at)
         select t, ?, p, 'About meeting ' || n, '{}', 1, now(), now() from unnest(?::uuid[], ?::uuid[]) with ordinality x(t, p, n)`,
        [g, ids(threads), ids(people)],
      );
      await sql(
        `insert into meetings (id, group_id, series_id, title, starts_at, ends_at, time_zone, reminder_minutes, agenda_document_id, minutes_document_id, thread_id, created_by_id, created_at, updated_at)
         select m, ?, s, 'Meeting ' || n, now() + n * interval '1 hour', now() + n * interval '1 hour' + interval '30 minutes', 'Europe/London', '{}', d, d, t, p, now(), now()
         from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[]) with ordinality x(m, s, d, t, p, n)`,
        [g, ids(meetings), ids(series), ids(documents), ids(threads), ids(people)],
      );
      await sql(
        `insert into meeting_rsvps (meeting_id, user_id, response, note, updated_at)
         select m, p, 'GOING'::rsvp_response, 'Step-free access please', now() from unnest(?::uuid[], ?::uuid[]) x(m, p)
         union all select m, ?, 'MAYBE'::rsvp_response, '', now() from unnest(?::uuid[]) m`,
        [ids(meetings), ids(people), w.people.member.id, ids(meetings)],
      );
      await sql(
        `insert into event_forms (meeting_id, slug, consent_text, fields, translations, created_at, updated_at) select m, 'lists-' || m, 'We keep your name.', '[]', '[]', now(), now() from unnest(?::uuid[]) m`,
        [ids(meetings)],
      );
      await sql(
        `insert into event_registrations (id, meeting_id, name, email, answers, status, created_at, updated_at)
         select gen_random_uuid(), m, 'Guest', 'guest-' || m || '@example.org', '{"diet": "none"}', 'CONFIRMED', now(), now() from unnest(?::uuid[]) m`,
        [ids(meetings)],
      );
      // The first meeting's event has n registrations in all, for the organisers' list.
      await sql(
        `insert into event_registrations (id, meeting_id, name, email, answers, status, created_at, updated_at)
         select gen_random_uuid(), ?, 'Guest ' || k, 'guest-' || k || '-' || ? || '@example.org', '{"diet": "none"}', 'WAITLISTED', now(), now() from generate_series(2, ?) k`,
        [meetings[0], meetings[0], n],
      );
      await sql(
        `insert into meeting_polls (id, group_id, title, time_zone, created_by_id, created_at, updated_at)
         select id, ?, 'When can we meet, ' || n, 'Europe/London', ?, now(), now() from unnest(?::uuid[]) with ordinality t(id, n)`,
        [g, w.people.convenor.id, ids(polls)],
      );
      await sql(
        `with slots as (
           insert into meeting_poll_slots (id, poll_id, starts_at, ends_at)
           select gen_random_uuid(), poll, now() + k * interval '1 day', now() + k * interval '1 day' + interval '1 hour' from unnest(?::uuid[]) poll, generate_series(1, 2) k
           returning id, poll_id)
         insert into meeting_poll_votes (slot_id, user_id, poll_id, answer, updated_at)
         select s.id, x.p, s.poll_id, 'YES', now() from slots s join unnest(?::uuid[], ?::uuid[]) x(poll, p) on x.poll = s.poll_id`,
        [ids(polls), ids(polls), ids(people)],
      );
      return { w, firstMeeting: meetings[0]! };
    }

    const SUMMARY = `id title startsAt endsAt timeZone location status seriesId groupId myRsvp { response } group { id slug name }`;
    // The web's group calendar and personal calendar, as libs/web/meetings asks for them…
    const GROUP_MEETINGS_PAGE = `query GroupMeetings($slug: String!, $from: DateTime!, $to: DateTime!) { workingGroup(slug: $slug) { id slug name viewerCanManage
      meetings(from: $from, to: $to) { ${SUMMARY} }
      meetingPolls { id title status respondents timeZone meetingId createdAt slots { id startsAt } } } }`;
    const MY_CALENDAR_PAGE = `query MyCalendar($from: DateTime!, $to: DateTime!) { myCalendar(from: $from, to: $to) { ${SUMMARY} } }`;
    // …and with everything a meeting's page shows, on every meeting of the list.
    const FULL = `${SUMMARY} recurrence agendaDocument { id title } minutesDocument { id title } thread { id title } rsvpCounts { going maybe notGoing }
      rsvps { person { displayName } response note } eventForm { slug } registrationCounts { confirmed }`;
    const GROUP_MEETINGS_FULL = `query G($slug: String!, $from: DateTime!, $to: DateTime!) { workingGroup(slug: $slug) { meetings(from: $from, to: $to) { ${FULL} }
      meetingPolls { id respondents slots { yes myAnswer votes { person { displayName } answer } } } } }`;
    const MY_CALENDAR_FULL = `query C($from: DateTime!, $to: DateTime!) { myCalendar(from: $from, to: $to) { ${FULL} } }`;

    interface FullMeeting {
      groupId: string | null;
      recurrence: string | null;
      agendaDocument: { title: string } | null;
      minutesDocument: { title: string } | null;
      thread: { title: string } | null;
      rsvpCounts: { going: number; maybe: number };
      rsvps: unknown[];
      eventForm: { slug: string } | null;
      registrationCounts: { confirmed: number } | null;
    }

    const full = (m: FullMeeting) => {
      expect(m).toMatchObject({
        agendaDocument: { title: expect.any(String) },
        minutesDocument: { title: expect.any(String) },
        thread: { title: expect.any(String) },
        rsvpCounts: { going: 1, maybe: 1 },
      });
      expect(m.recurrence).toEqual(expect.any(String));
      expect(m.rsvps).toHaveLength(2);
      expect(m.eventForm).not.toBeNull();
    };

    it('answers the group calendar, the personal calendar, the polls and an event’s registrations in as many SQL statements for 100 meetings (and 50 polls) as for 20', async () => {
      const range = { from: new Date().toISOString(), to: new Date(Date.now() + 10 * DAY).toISOString() };
      type Group<M> = { workingGroup: { meetings: M[]; meetingPolls: { respondents: number }[] } };
      const counts: number[][] = [];
      const REGISTRATIONS_PAGE = `query EventRegistrations($meetingId: ID!) { eventRegistrations(meetingId: $meetingId) {
        id name email organisation status createdAt checkedInAt anonymised answers { fieldId value } } }`;
      for (const [n, { w, firstMeeting }] of [
        [20, await groupWith(20)] as const,
        [100, await groupWith(100)] as const,
      ]) {
        const [member, convenor] = [await w.as('member'), await w.as('convenor')];
        const variables = { slug: w.group.slug, ...range };
        // The group's polls list the latest 50.
        const polls = Math.min(n, 50);

        const groupPage = await pageStatements<Group<{ myRsvp: unknown }>>(api, member, GROUP_MEETINGS_PAGE, variables);
        expect(groupPage.data.workingGroup.meetings.filter((m) => m.myRsvp)).toHaveLength(n);
        expect(groupPage.data.workingGroup.meetingPolls.map((p) => p.respondents)).toEqual(Array(polls).fill(1));
        const calendar = await pageStatements<{ myCalendar: { myRsvp: unknown }[] }>(
          api,
          member,
          MY_CALENDAR_PAGE,
          range,
        );
        expect(calendar.data.myCalendar.filter((m) => m.myRsvp)).toHaveLength(n);

        const groupFull = await pageStatements<Group<FullMeeting>>(api, convenor, GROUP_MEETINGS_FULL, variables);
        expect(groupFull.data.workingGroup.meetings).toHaveLength(n);
        for (const m of groupFull.data.workingGroup.meetings) {
          full(m);
          expect(m.registrationCounts).toEqual({ confirmed: 1 });
        }
        const calendarFull = await pageStatements<{ myCalendar: FullMeeting[] }>(api, member, MY_CALENDAR_FULL, range);
        // The network's events other tests made are in everyone's calendar too.
        const ofGroup = calendarFull.data.myCalendar.filter((m) => m.groupId === w.group.id);
        expect(ofGroup).toHaveLength(n);
        for (const m of ofGroup) {
          full(m);
          expect(m.registrationCounts).toBeNull();
        }
        const registrations = await pageStatements<{ eventRegistrations: { answers: unknown[] }[] }>(
          api,
          convenor,
          REGISTRATIONS_PAGE,
          { meetingId: firstMeeting },
        );
        expect(registrations.data.eventRegistrations.filter((r) => r.answers.length === 1)).toHaveLength(n);
        counts.push([
          groupPage.statements,
          calendar.statements,
          groupFull.statements,
          calendarFull.statements,
          registrations.statements,
        ]);
      }
      expect(counts[0]!.every((c) => c > 0)).toBe(true);
      expect(counts[1]).toEqual(counts[0]);
    });

    it('answers a meeting’s page, everything on it, with a statement for each kind of thing it shows, not a look-up for each field', async () => {
      const { w, firstMeeting } = await groupWith(20);
      const [member, convenor] = [await w.as('member'), await w.as('convenor')];
      const PAGE = `query M($id: ID!) { meeting(id: $id) { ${FULL} } }`;
      const asMember = await pageStatements<{ meeting: FullMeeting }>(api, member, PAGE, { id: firstMeeting });
      full(asMember.data.meeting);
      expect(asMember.data.meeting.registrationCounts).toBeNull();
      const asConvenor = await pageStatements<{ meeting: FullMeeting }>(api, convenor, PAGE, { id: firstMeeting });
      full(asConvenor.data.meeting);
      expect(asConvenor.data.meeting.registrationCounts).toEqual({ confirmed: 1 });
      // The meeting and its group as the viewer sees it, then a statement or two for each kind: the
      // viewer's answer, the counts, the event form, the linked documents, the discussion, the series,
      // everyone's answers with their people (read field by field, each checking access again: 16).
      expect(asMember.statements).toBeLessThanOrEqual(11);
      // Organisers also see the registration counts: one statement more.
      expect(asConvenor.statements).toBe(asMember.statements + 1);
    });
  });

  describe('open events', () => {
    it('the confirmation sends the video call link the event page promises; the waitlist’s mail does not', async () => {
      const w = await groupPersonas(api);
      const { slug } = await openEvent(w, { capacity: 1, waitlistEnabled: true });
      const [first, second] = ['first', 'second'].map((n) => `${n}-online-${Date.now()}@example.org`);
      for (const email of [first, second])
        dataOf(await api.client().request(REGISTER, { input: registration(slug, email!) }));
      const body = async (email: string) =>
        (
          await sql<{ text_body: string }>(
            'select text_body from mail_messages where to_address = ? order by created_at desc limit 1',
            [email],
          )
        )[0]!.text_body;
      expect(await body(first!)).toContain('Join online: https://meet.example.org/policing');
      expect(await body(second!)).not.toContain('meet.example.org');
    });

    it('an event’s page in another language: its title, description (rendered) and questions, each falling back to its own; a form in its own language again is refused', async () => {
      const w = await groupPersonas(api);
      const arabic = { locale: 'ar', title: 'القمة الوطنية', intro: 'اجتماعنا **السنوي**.', consentText: '' };
      const fields = [
        {
          label: 'Workshop',
          kind: 'CHOICE',
          options: ['Policing', 'Health'],
          translations: [{ locale: 'ar', label: 'ورشة العمل', options: ['الشرطة', ''] }],
        },
      ];
      const { slug, meetingId } = await openEvent(w, { language: 'en', translations: [arabic], fields });
      const TEXTS = `query E($slug: String!) { publicEvent(slug: $slug) { title consentText language translations { locale title descriptionHtml consentText } fields { label options translations { locale label options } } } }`;
      const event = dataOf(
        await api.client().request<{
          publicEvent: {
            title: string;
            language: string;
            translations: { locale: string; title: string; descriptionHtml: string; consentText: string }[];
            fields: { translations: unknown[] }[];
          };
        }>(TEXTS, { slug }),
      ).publicEvent;
      expect(event.title).toBe('National summit');
      expect(event.language).toBe('en');
      expect(event.translations).toEqual([
        {
          locale: 'ar',
          title: 'القمة الوطنية',
          descriptionHtml: expect.stringContaining('<strong>السنوي</strong>'),
          consentText: '',
        },
      ]);
      expect(event.fields[0]!.translations).toEqual([{ locale: 'ar', label: 'ورشة العمل', options: ['الشرطة', ''] }]);

      const refused = await (
        await w.as('convenor')
      ).request(CONFIGURE, { input: eventInput(meetingId, { slug, language: 'ar', translations: [arabic] }) });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { 'translations.0.locale': expect.any(String) },
      });
      const [row] = await sql<{ language: string; translations: { locale: string }[] }>(
        'select language, translations from event_forms where meeting_id = ?',
        [meetingId],
      );
      expect(row).toMatchObject({ language: 'en', translations: [{ locale: 'ar', title: 'القمة الوطنية' }] });
    });

    it('a waitlist moves when someone cancels, and the person promoted is told with the invitation', async () => {
      const w = await groupPersonas(api);
      const { slug, meetingId } = await openEvent(w, { capacity: 1 });
      const [first, second, third] = ['first', 'second', 'third'].map((n) => `${n}-${Date.now()}@example.org`);
      for (const email of [first, second, third])
        dataOf(await api.client().request(REGISTER, { input: registration(slug, email!) }));
      const status = async (email: string) =>
        (await sql<{ status: string }>('select status from event_registrations where email = ?', [email]))[0]!.status;
      expect([await status(first!), await status(second!), await status(third!)]).toEqual([
        'CONFIRMED',
        'WAITLISTED',
        'WAITLISTED',
      ]);
      const secondToken = await tokenFor(second!);
      expect(
        dataOf(
          await api
            .client()
            .request<{ myRegistration: { waitlistPosition: number; onlineUrl: string | null } }>(MY_REGISTRATION, {
              token: secondToken,
            }),
        ).myRegistration,
      ).toMatchObject({ waitlistPosition: 1, onlineUrl: null });
      dataOf(await api.client().request(CANCEL_REGISTRATION, { token: await tokenFor(first!) }));
      expect([await status(first!), await status(second!), await status(third!)]).toEqual([
        'CANCELLED',
        'CONFIRMED',
        'WAITLISTED',
      ]);
      const [promoted] = await sql<{ kind: string; calendar: string }>(
        `select kind, calendar from mail_messages where to_address = ? order by created_at desc limit 1`,
        [second],
      );
      expect(promoted!.kind).toBe('event-place-confirmed');
      expect(
        new ICAL.Component(ICAL.parse(promoted!.calendar)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid'),
      ).toBe(`${meetingId}@convene`);
      const told = await api.orm.em
        .fork()
        .getConnection()
        .execute<{ type: string }[]>(
          `select type from outbox_events where type = 'registration.received' and payload->>'meetingId' = ?`,
          [meetingId],
        );
      expect(told).toHaveLength(3);
    });

    it('registering again with the same email answers the same, stores nothing new, and mails a fresh link', async () => {
      const w = await groupPersonas(api);
      const { slug, meetingId } = await openEvent(w);
      const email = `again-${Date.now()}@example.org`;
      const once = await api.client().request(REGISTER, { input: registration(slug, email) });
      const twice = await api.client().request(REGISTER, { input: registration(slug, email.toUpperCase()) });
      expect(twice).toEqual(once);
      expect(await sql('select id from event_registrations where meeting_id = ?', [meetingId])).toHaveLength(1);
      expect(
        (
          await sql<{ kind: string }>(
            'select kind from mail_messages where lower(to_address) = ? order by created_at',
            [email],
          )
        ).map((m) => m.kind),
      ).toEqual(['event-registration', 'event-already-registered']);
    });

    it('moving the event mails everyone registered, with the new time for calendars; cancelling it cancels theirs; every mailed link keeps working', async () => {
      const w = await groupPersonas(api);
      const { slug, meetingId } = await openEvent(w, { capacity: 1 });
      const [kept, waiting] = ['kept', 'waiting'].map((n) => `${n}-${Date.now()}@example.org`);
      for (const email of [kept, waiting])
        dataOf(await api.client().request(REGISTER, { input: registration(slug, email!) }));
      const firstLink = await tokenFor(kept!);
      dataOf(
        await (
          await w.as('convenor')
        ).request(UPDATE, { input: { id: meetingId, startsAt: localIn(14, 10), endsAt: localIn(14, 16) } }),
      );
      const mails = async (email: string) =>
        sql<{ kind: string; subject: string; calendar: string | null; calendar_method: string | null }>(
          'select kind, subject, calendar, calendar_method from mail_messages where to_address = ? order by created_at',
          [email],
        );
      const [changedKept] = (await mails(kept!)).filter((m) => m.kind === 'event-changed');
      expect(changedKept!.calendar_method).toBe('REQUEST');
      const moved = new ICAL.Component(ICAL.parse(changedKept!.calendar!)).getFirstSubcomponent('vevent')!;
      expect(moved.getFirstPropertyValue('sequence')).toBe(1);
      expect((moved.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime()).toBe(
        new Date(
          dataOf(await (await w.as('member')).request<{ meeting: MeetingSeen }>(MEETING, { id: meetingId })).meeting
            .startsAt,
        ).getTime(),
      );
      // Someone on the waitlist hears of the change too, without an invitation (they have no place yet).
      expect((await mails(waiting!)).filter((m) => m.kind === 'event-changed').map((m) => m.calendar)).toEqual([null]);
      // The link in the first mail still works beside the new one.
      const latestLink = await tokenFor(kept!);
      expect(latestLink).not.toBe(firstLink);
      for (const token of [firstLink, latestLink])
        expect(
          dataOf(await api.client().request<{ myRegistration: { status: string } }>(MY_REGISTRATION, { token }))
            .myRegistration.status,
        ).toBe('CONFIRMED');
      dataOf(await (await w.as('convenor')).request(CANCEL, { input: { id: meetingId, reason: 'Venue flooded' } }));
      const cancelled = (await mails(kept!)).filter((m) => m.kind === 'event-changed').at(-1)!;
      expect(cancelled).toMatchObject({ calendar_method: 'CANCEL', subject: expect.stringContaining('Cancelled') });
      expect(
        new ICAL.Component(ICAL.parse(cancelled.calendar!))
          .getFirstSubcomponent('vevent')!
          .getFirstPropertyValue('status'),
      ).toBe('CANCELLED');
      expect(
        dataOf(await api.client().request<{ publicEvent: { closedReason: string } }>(PUBLIC_EVENT, { slug }))
          .publicEvent.closedReason,
      ).toBe('CANCELLED');
    });

    it('once registration is closed, an address already registered and a new one get the same answer', async () => {
      const w = await groupPersonas(api);
      const { slug, meetingId } = await openEvent(w);
      const known = `known-${Date.now()}@example.org`;
      dataOf(await api.client().request(REGISTER, { input: registration(slug, known) }));
      dataOf(
        await (await w.as('convenor')).request(CONFIGURE, { input: { ...eventInput(meetingId), slug, isOpen: false } }),
      );
      const forKnown = await api.client().request(REGISTER, { input: registration(slug, known) });
      const forNew = await api
        .client()
        .request(REGISTER, { input: registration(slug, `unknown-${Date.now()}@example.org`) });
      expect(forKnown).toEqual(forNew);
      expect(forKnown.errors?.[0]?.extensions).toMatchObject({ reason: 'REGISTRATION_CLOSED' });
    });

    it('with approval on, a freed place goes to the first on the waitlist as pending; a decline is final', async () => {
      const w = await groupPersonas(api);
      const { slug, meetingId } = await openEvent(w, { capacity: 1, requiresApproval: true });
      const [first, second] = ['first', 'second'].map((n) => `${n}-approval-${Date.now()}@example.org`);
      for (const email of [first, second])
        dataOf(await api.client().request(REGISTER, { input: registration(slug, email!) }));
      const rows = async () =>
        sql<{ email: string; status: string }>(
          'select email, status from event_registrations where meeting_id = ? order by created_at',
          [meetingId],
        );
      expect((await rows()).map((r) => r.status)).toEqual(['PENDING', 'WAITLISTED']);
      const convenor = await w.as('convenor');
      const [firstRow, secondRow] = await sql<{ id: string }>(
        'select id from event_registrations where meeting_id = ? order by created_at',
        [meetingId],
      );
      // No free place: a waitlisted person can't be approved past the capacity.
      expect(
        (await convenor.request(DECIDE, { id: secondRow!.id, approve: true })).errors?.[0]?.extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'EVENT_FULL' });
      dataOf(await convenor.request(DECIDE, { id: firstRow!.id, approve: false }));
      expect((await rows()).map((r) => r.status)).toEqual(['DECLINED', 'PENDING']);
      const before = await sql('select kind from mail_messages where to_address = ?', [first]);
      const again = await api.client().request(REGISTER, { input: registration(slug, first!) });
      expect(codeOf(again)).toBe('OK');
      expect((await rows()).map((r) => r.status)).toEqual(['DECLINED', 'PENDING']);
      expect(await sql('select kind from mail_messages where to_address = ?', [first])).toEqual(before);
    });

    it('a filled honeypot gets the usual answer and stores nothing; too many attempts from one address are limited', async () => {
      const w = await groupPersonas(api);
      const { slug, meetingId } = await openEvent(w);
      const bot = api.client();
      const result = await bot.request(REGISTER, {
        input: { ...registration(slug, `bot-${Date.now()}@example.org`), website: 'http://spam.example' },
      });
      expect(codeOf(result)).toBe('OK');
      expect(await sql('select id from event_registrations where meeting_id = ?', [meetingId])).toEqual([]);
      let limited = null;
      for (let i = 0; i < 25 && !limited; i++) {
        const r = await bot.request(REGISTER, {
          input: { ...registration(slug, `many-${i}-${Date.now()}@example.org`), website: 'x' },
        });
        if (codeOf(r) === 'RATE_LIMITED') limited = r;
      }
      expect(limited?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    });

    it('the CSV neutralises spreadsheet formulas; registrations are anonymised after the retention period', async () => {
      const w = await groupPersonas(api);
      const { slug, meetingId } = await openEvent(w, { retentionDays: 0 });
      const email = `csv-${Date.now()}@example.org`;
      dataOf(
        await api
          .client()
          .request(REGISTER, { input: { ...registration(slug, email), name: '=HYPERLINK("http://evil")' } }),
      );
      const csv = await (await (await w.as('convenor')).get(`/api/meetings/${meetingId}/registrations.csv`)).text();
      expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
      const service = api.app.get(EventRegistrationsService);
      await service.purgeExpired(new Date(Date.now() + 5 * DAY));
      expect(
        (await sql<{ email: string }>('select email from event_registrations where meeting_id = ?', [meetingId]))[0]!
          .email,
      ).toBe(email);
      expect(await service.purgeExpired(new Date(Date.now() + 20 * DAY))).toBeGreaterThanOrEqual(1);
      expect(
        await sql('select name, email, organisation from event_registrations where meeting_id = ?', [meetingId]),
      ).toEqual([{ name: 'Removed', email: '', organisation: '' }]);
      // Its private links are gone with the details.
      expect(
        await sql(
          'select 1 from event_registration_links l join event_registrations r on r.id = l.registration_id where r.meeting_id = ?',
          [meetingId],
        ),
      ).toEqual([]);
    });
  });

  // ---- fixtures ----

  function pollInput(w: GroupPersonas) {
    return {
      groupId: w.group.id,
      title: 'Autumn planning',
      timeZone: 'Europe/London',
      slots: [4, 5, 6].map((d) => ({ startsAt: localIn(d, 18), endsAt: localIn(d, 19) })),
    };
  }
  async function createdPoll(w: GroupPersonas): Promise<PollSeen> {
    return dataOf(
      await (await w.as('convenor')).request<{ createMeetingPoll: PollSeen }>(CREATE_POLL, { input: pollInput(w) }),
    ).createMeetingPoll;
  }
  function eventInput(meetingId: string, change: Record<string, unknown> = {}) {
    return {
      meetingId,
      slug: `summit-${Math.random().toString(36).slice(2, 10)}`,
      consentText: 'We keep your name, email and organisation to run the event, and delete them 30 days after it.',
      fields: [
        { label: 'Dietary needs', kind: 'TEXT' },
        { label: 'Workshop', kind: 'CHOICE', required: false, options: ['Policing', 'Health'] },
      ],
      ...change,
    };
  }
  async function openEvent(
    w: GroupPersonas,
    change: Record<string, unknown> = {},
  ): Promise<{ slug: string; meetingId: string }> {
    const meeting = await scheduled(w, { title: 'National summit' });
    const input = eventInput(meeting.id, change);
    dataOf(await (await w.as('convenor')).request(CONFIGURE, { input }));
    return { slug: input.slug, meetingId: meeting.id };
  }
  function registration(slug: string, email: string) {
    return { slug, name: 'Amal Guest', email, organisation: 'Refugee Action Network', consent: true };
  }
  /** The private link's token from the last mail to an address (the dev mailbox). */
  async function tokenFor(email: string): Promise<string> {
    const [mail] = await sql<{ text_body: string }>(
      'select text_body from mail_messages where lower(to_address) = lower(?) order by created_at desc limit 1',
      [email],
    );
    const token = /\/registrations\/([A-Za-z0-9_-]{32})/.exec(mail?.text_body ?? '')?.[1];
    if (!token) throw new Error(`no registration link mailed to ${email}`);
    return token;
  }
});
