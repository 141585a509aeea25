// An event's programme on the real API, PostgreSQL and Redis: sessions the organisers plan (and who
// may), bad input, workshops picked at registration with their own capacity and waitlist — held
// under concurrent registrations —, places freed and given to the next in line (who is told by
// email), the registrant's own programme and calendar, and each session's CSV for the organisers.
import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { formatLocalDateTime, toZoned } from '@convene/server-meetings';
import { useApiHarness } from './api-harness.js';
import { codeOf, dataOf, groupPersonas, type GroupPersonas, type Persona } from './group-personas.js';

const DAY = 86_400_000;
const PERSONAS: Persona[] = ['anonymous', 'outsider', 'member', 'convenor', 'admin'];

const SCHEDULE = `mutation S($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const CONFIGURE = `mutation E($input: ConfigureEventInput!) { configureEvent(input: $input) { id } }`;
const SESSION_FIELDS = `id title kind startsAtLocal endsAtLocal room capacity position confirmed waitlisted placesLeft`;
const ADD = `mutation A($input: AddProgrammeSessionInput!) { addProgrammeSession(input: $input) { ${SESSION_FIELDS} } }`;
const UPDATE = `mutation U($input: UpdateProgrammeSessionInput!) { updateProgrammeSession(input: $input) { ${SESSION_FIELDS} } }`;
const REMOVE = `mutation R($sessionId: ID!) { removeProgrammeSession(sessionId: $sessionId) }`;
const REORDER = `mutation O($input: ReorderProgrammeInput!) { reorderProgrammeSessions(input: $input) { id position } }`;
const PROGRAMME = `query M($id: ID!) { meeting(id: $id) { programme { ${SESSION_FIELDS} } } }`;
const PUBLIC = `query P($slug: String!) { publicEvent(slug: $slug) { programme { id title kind placesLeft confirmed waitlisted } } }`;
const ATTENDEES = `query A($sessionId: ID!) { sessionAttendees(sessionId: $sessionId) { name email status waitlistPosition } }`;
const REGISTER = `mutation R($input: RegisterForEventInput!) { registerForEvent(input: $input) { message } }`;
const MINE = `query M($token: String!) { myProgramme(token: $token) { session { id title kind } attending pick waitlistPosition } }`;
const CHOOSE = `mutation C($token: String!, $sessionIds: [ID!]!) { chooseSessions(token: $token, sessionIds: $sessionIds) { session { id title } attending pick waitlistPosition } }`;
const CANCEL_REGISTRATION = `mutation C($token: String!) { cancelRegistration(token: $token) { status } }`;

interface SessionSeen {
  id: string;
  title: string;
  kind: string;
  startsAtLocal: string;
  endsAtLocal: string;
  room: string;
  capacity: number | null;
  position: number;
  confirmed: number;
  waitlisted: number;
  placesLeft: number | null;
}
interface MySessionSeen {
  session: { id: string; title: string; kind?: string };
  attending: boolean;
  pick: string | null;
  waitlistPosition: number | null;
}

/** A local date-time some days from now at an hour, in London. */
function localIn(days: number, hour: number, minute = 0): string {
  return formatLocalDateTime({ ...toZoned(new Date(Date.now() + days * DAY), 'Europe/London'), hour, minute });
}

describe('an event’s programme', () => {
  const api = useApiHarness();
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);

  /** An open event of the group, on a day from 09:00 to 17:00, with no overall limit. */
  async function openEvent(w: GroupPersonas): Promise<{ meetingId: string; slug: string }> {
    const convenor = await w.as('convenor');
    const meetingId = dataOf(
      await convenor.request<{ scheduleMeeting: { id: string } }>(SCHEDULE, {
        input: {
          groupId: w.group.id,
          title: 'National summit',
          startsAt: localIn(20, 9),
          endsAt: localIn(20, 17),
          timeZone: 'Europe/London',
          location: 'Friends Meeting House',
        },
      }),
    ).scheduleMeeting.id;
    const slug = `summit-${Math.random().toString(36).slice(2, 10)}`;
    dataOf(
      await convenor.request(CONFIGURE, {
        input: { meetingId, slug, consentText: 'We keep your name and email to run the summit.' },
      }),
    );
    return { meetingId, slug };
  }

  async function added(
    w: GroupPersonas,
    meetingId: string,
    change: Record<string, unknown> = {},
  ): Promise<SessionSeen> {
    return dataOf(
      await (
        await w.as('convenor')
      ).request<{ addProgrammeSession: SessionSeen }>(ADD, {
        input: {
          meetingId,
          title: 'Know your rights: policing',
          kind: 'WORKSHOP',
          startsAt: localIn(20, 11),
          endsAt: localIn(20, 12, 30),
          room: 'Room 2',
          ...change,
        },
      }),
    ).addProgrammeSession;
  }

  const register = (slug: string, email: string, sessionIds: string[] = []) =>
    api.client().request(REGISTER, {
      input: { slug, name: 'Amal Guest', email, organisation: 'Refugee Action Network', consent: true, sessionIds },
    });

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

  const placesAt = (sessionId: string) =>
    sql<{ email: string; status: string }>(
      `select r.email, p.status from session_places p join event_registrations r on r.id = p.registration_id
         where p.session_id = ? order by p.status = 'WAITLISTED', p.queued_at, p.id`,
      [sessionId],
    );

  const email = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@example.org`;

  describe('who may plan it', () => {
    const managers: Record<Persona, string> = {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'NOT_FOUND',
      member: 'FORBIDDEN',
      convenor: 'OK',
      admin: 'OK',
    };

    it.each(PERSONAS.map((p) => [p, managers[p]] as const))(
      'addProgrammeSession as %s → %s',
      async (persona, expected) => {
        const w = await groupPersonas(api);
        const { meetingId } = await openEvent(w);
        const result = await (
          await w.as(persona)
        ).request(ADD, {
          input: { meetingId, title: 'Opening', kind: 'PLENARY', startsAt: localIn(20, 9), endsAt: localIn(20, 10) },
        });
        expect(codeOf(result)).toBe(expected);
        const rows = await sql('select id from programme_sessions where meeting_id = ?', [meetingId]);
        expect(rows).toHaveLength(expected === 'OK' ? 1 : 0);
      },
    );

    it.each(['member', 'outsider', 'anonymous'] as Persona[])(
      'updating, removing, reordering and listing attendees as %s are refused and change nothing',
      async (persona) => {
        const w = await groupPersonas(api);
        const { meetingId } = await openEvent(w);
        const session = await added(w, meetingId, { capacity: 5 });
        const client = await w.as(persona);
        const input = {
          sessionId: session.id,
          title: 'Renamed',
          kind: 'WORKSHOP',
          startsAt: localIn(20, 11),
          endsAt: localIn(20, 12),
        };
        for (const result of [
          await client.request(UPDATE, { input }),
          await client.request(REMOVE, { sessionId: session.id }),
          await client.request(REORDER, { input: { meetingId, sessionIds: [session.id] } }),
          await client.request(ATTENDEES, { sessionId: session.id }),
        ])
          expect(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(result));
        expect(await sql('select title from programme_sessions where id = ?', [session.id])).toEqual([
          { title: 'Know your rights: policing' },
        ]);
        expect((await client.get(`/api/programme-sessions/${session.id}/attendees.csv`)).status).toBeGreaterThanOrEqual(
          401,
        );
      },
    );
  });

  it('a guessed private link sees and changes nothing: NOT_FOUND', async () => {
    const w = await groupPersonas(api);
    const { meetingId } = await openEvent(w);
    const workshop = await added(w, meetingId);
    const guessed = 'g'.repeat(32);
    expect(codeOf(await api.client().request(MINE, { token: guessed }))).toBe('NOT_FOUND');
    expect(codeOf(await api.client().request(CHOOSE, { token: guessed, sessionIds: [workshop.id] }))).toBe('NOT_FOUND');
    expect(await placesAt(workshop.id)).toEqual([]);
  });

  it('organisers add, change, reorder and remove sessions, in the event’s zone and order', async () => {
    const w = await groupPersonas(api);
    const { meetingId, slug } = await openEvent(w);
    const convenor = await w.as('convenor');
    const opening = await added(w, meetingId, {
      title: 'Opening plenary',
      kind: 'PLENARY',
      startsAt: localIn(20, 9),
      endsAt: localIn(20, 10),
      room: 'Main hall',
    });
    const workshop = await added(w, meetingId, { capacity: 12 });
    expect(opening).toMatchObject({ position: 0, startsAtLocal: localIn(20, 9), room: 'Main hall', capacity: null });
    expect(workshop).toMatchObject({ position: 1, capacity: 12, placesLeft: 12, confirmed: 0 });

    const changed = dataOf(
      await convenor.request<{ updateProgrammeSession: SessionSeen }>(UPDATE, {
        input: {
          sessionId: workshop.id,
          title: 'Access to healthcare',
          kind: 'WORKSHOP',
          startsAt: localIn(20, 14),
          endsAt: localIn(20, 15),
          capacity: 20,
        },
      }),
    ).updateProgrammeSession;
    expect(changed).toMatchObject({ title: 'Access to healthcare', startsAtLocal: localIn(20, 14), capacity: 20 });

    dataOf(await convenor.request(REORDER, { input: { meetingId, sessionIds: [workshop.id, opening.id] } }));
    const programme = async () =>
      dataOf(await convenor.request<{ meeting: { programme: SessionSeen[] } }>(PROGRAMME, { id: meetingId })).meeting
        .programme;
    expect((await programme()).map((s) => s.title)).toEqual(['Access to healthcare', 'Opening plenary']);
    const shown = dataOf(
      await api.client().request<{ publicEvent: { programme: Partial<SessionSeen>[] } }>(PUBLIC, { slug }),
    ).publicEvent.programme;
    expect(shown.map((s) => s.title)).toEqual(['Access to healthcare', 'Opening plenary']);
    // The public page (and the group's members) see how many places are left, not how many came or wait.
    expect(shown[0]).toMatchObject({ placesLeft: 20, confirmed: null, waitlisted: null });
    const members = dataOf(
      await (await w.as('member')).request<{ meeting: { programme: SessionSeen[] } }>(PROGRAMME, { id: meetingId }),
    ).meeting.programme;
    expect(members[0]).toMatchObject({ placesLeft: 20, confirmed: null, waitlisted: null });
    expect((await programme())[0]).toMatchObject({ placesLeft: 20, confirmed: 0, waitlisted: 0 });

    expect(dataOf(await convenor.request(REMOVE, { sessionId: opening.id }))).toEqual({
      removeProgrammeSession: opening.id,
    });
    expect((await programme()).map((s) => s.title)).toEqual(['Access to healthcare']);
  });

  describe('bad input: a clear coded error on the field, and nothing stored', () => {
    it.each([
      ['no title', 'title', { title: '  ' }],
      ['a room name too long', 'room', { room: 'R'.repeat(121) }],
      ['an end before the start', 'endsAt', { startsAt: localIn(20, 12), endsAt: localIn(20, 11) }],
      ['a start before the event', 'startsAt', { startsAt: localIn(20, 8), endsAt: localIn(20, 10) }],
      ['an end after the event', 'endsAt', { startsAt: localIn(20, 16), endsAt: localIn(20, 18) }],
      ['a time that is not one', 'startsAt', { startsAt: 'tomorrow morning' }],
      ['a capacity of 0', 'capacity', { capacity: 0 }],
      ['a capacity on a plenary', 'capacity', { kind: 'PLENARY', capacity: 30 }],
    ])('%s → BAD_USER_INPUT on %s', async (_what, field, change) => {
      const w = await groupPersonas(api);
      const { meetingId } = await openEvent(w);
      const result = await (
        await w.as('convenor')
      ).request(ADD, {
        input: {
          meetingId,
          title: 'Workshop',
          kind: 'WORKSHOP',
          startsAt: localIn(20, 11),
          endsAt: localIn(20, 12),
          ...change,
        },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(result.errors?.[0]?.extensions?.fields?.[field]).toEqual(expect.any(String));
      expect(await sql('select id from programme_sessions where meeting_id = ?', [meetingId])).toEqual([]);
    });

    it('a capacity below the places already given is refused with its own code', async () => {
      const w = await groupPersonas(api);
      const { meetingId, slug } = await openEvent(w);
      const workshop = await added(w, meetingId, { capacity: 3 });
      for (const name of ['a', 'b']) dataOf(await register(slug, email(name), [workshop.id]));
      const result = await (
        await w.as('convenor')
      ).request(UPDATE, {
        input: {
          sessionId: workshop.id,
          title: workshop.title,
          kind: 'WORKSHOP',
          startsAt: workshop.startsAtLocal,
          endsAt: workshop.endsAtLocal,
          capacity: 1,
        },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'SESSION_CAPACITY_BELOW_PLACES',
      });
      expect(await sql('select capacity from programme_sessions where id = ?', [workshop.id])).toEqual([
        { capacity: 3 },
      ]);
    });
  });

  it('capacity holds under concurrent registrations: 8 at once for 3 places → 3 places, 5 waiting in order 1..5', async () => {
    const w = await groupPersonas(api);
    const { meetingId, slug } = await openEvent(w);
    const workshop = await added(w, meetingId, { capacity: 3 });
    const people = Array.from({ length: 8 }, (_, i) => email(`rush${i}`));
    const results = await Promise.all(people.map((person) => register(slug, person, [workshop.id])));
    for (const result of results) expect(codeOf(result)).toBe('OK');

    const rows = await placesAt(workshop.id);
    expect(rows.filter((r) => r.status === 'CONFIRMED')).toHaveLength(3);
    expect(rows.filter((r) => r.status === 'WAITLISTED')).toHaveLength(5);

    const attendees = dataOf(
      await (
        await w.as('convenor')
      ).request<{ sessionAttendees: { email: string; status: string; waitlistPosition: number | null }[] }>(ATTENDEES, {
        sessionId: workshop.id,
      }),
    ).sessionAttendees;
    expect(attendees.map((a) => a.waitlistPosition)).toEqual([null, null, null, 1, 2, 3, 4, 5]);
    expect(attendees.map((a) => a.email)).toEqual(rows.map((r) => r.email));

    // Each waiting registrant sees their own place in the queue.
    const waiting = rows.filter((r) => r.status === 'WAITLISTED');
    const positions = await Promise.all(
      waiting.map(async (r) => {
        const mine = dataOf(
          await api.client().request<{ myProgramme: MySessionSeen[] }>(MINE, { token: await tokenFor(r.email) }),
        ).myProgramme;
        return mine.find((s) => s.session.id === workshop.id);
      }),
    );
    expect(positions.map((p) => [p?.pick, p?.waitlistPosition, p?.attending])).toEqual(
      [1, 2, 3, 4, 5].map((n) => ['WAITLISTED', n, false]),
    );
    const programme = dataOf(
      await (await w.as('convenor')).request<{ meeting: { programme: SessionSeen[] } }>(PROGRAMME, { id: meetingId }),
    ).meeting.programme;
    expect(programme[0]).toMatchObject({ confirmed: 3, waitlisted: 5, placesLeft: 0 });
  });

  it('a freed place goes to the first in line, who is told by email: a cancellation, a dropped pick, more places', async () => {
    const w = await groupPersonas(api);
    const { meetingId, slug } = await openEvent(w);
    const workshop = await added(w, meetingId, { capacity: 1, title: 'Faith communities after Brexit' });
    const [holder, second, third, fourth] = ['holder', 'second', 'third', 'fourth'].map(email);
    for (const person of [holder!, second!, third!, fourth!]) dataOf(await register(slug, person, [workshop.id]));
    const status = async () => Object.fromEntries((await placesAt(workshop.id)).map((r) => [r.email, r.status]));
    const told = async (person: string) =>
      sql<{ kind: string; subject: string }>(
        `select kind, subject from mail_messages where to_address = ? and kind = 'event-session-place'`,
        [person],
      );
    expect(await status()).toEqual({
      [holder!]: 'CONFIRMED',
      [second!]: 'WAITLISTED',
      [third!]: 'WAITLISTED',
      [fourth!]: 'WAITLISTED',
    });

    // The holder cancels their registration: the place is the second's.
    const holderToken = await tokenFor(holder!);
    dataOf(await api.client().request(CANCEL_REGISTRATION, { token: holderToken }));
    expect(await status()).toEqual({ [second!]: 'CONFIRMED', [third!]: 'WAITLISTED', [fourth!]: 'WAITLISTED' });
    expect(await told(second!)).toEqual([
      { kind: 'event-session-place', subject: expect.stringContaining('Faith communities after Brexit') },
    ]);
    expect(await told(third!)).toEqual([]);
    // A cancelled registration's workshops can't be picked again through its link.
    const again = await api.client().request(CHOOSE, { token: holderToken, sessionIds: [workshop.id] });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REGISTRATION_CLOSED' });
    expect((await placesAt(workshop.id)).map((r) => r.email)).not.toContain(holder);

    // The second drops the workshop through their link: the third's turn.
    const mine = dataOf(
      await api
        .client()
        .request<{ chooseSessions: MySessionSeen[] }>(CHOOSE, { token: await tokenFor(second!), sessionIds: [] }),
    ).chooseSessions;
    expect(mine.find((s) => s.session.id === workshop.id)).toMatchObject({ pick: null, attending: false });
    expect(await status()).toEqual({ [third!]: 'CONFIRMED', [fourth!]: 'WAITLISTED' });
    expect(await told(third!)).toHaveLength(1);

    // The organisers raise the capacity: the fourth gets the new place.
    dataOf(
      await (
        await w.as('convenor')
      ).request(UPDATE, {
        input: {
          sessionId: workshop.id,
          title: workshop.title,
          kind: 'WORKSHOP',
          startsAt: workshop.startsAtLocal,
          endsAt: workshop.endsAtLocal,
          capacity: 2,
        },
      }),
    );
    expect(await status()).toEqual({ [third!]: 'CONFIRMED', [fourth!]: 'CONFIRMED' });
    expect(await told(fourth!)).toHaveLength(1);
  });

  it('someone waiting for a place at the event waits at its workshops too, and takes their turn once they have one', async () => {
    const w = await groupPersonas(api);
    const { meetingId, slug } = await openEvent(w);
    dataOf(
      await (
        await w.as('convenor')
      ).request(CONFIGURE, {
        input: { meetingId, slug, capacity: 1, consentText: 'We keep your name and email to run the summit.' },
      }),
    );
    const workshop = await added(w, meetingId, { capacity: 5 });
    const [first, second] = ['first', 'second'].map(email);
    dataOf(await register(slug, first!, [workshop.id]));
    dataOf(await register(slug, second!, [workshop.id]));
    expect(await placesAt(workshop.id)).toEqual([
      { email: first, status: 'CONFIRMED' },
      { email: second, status: 'WAITLISTED' },
    ]);
    const mine = async (person: string) =>
      dataOf(await api.client().request<{ myProgramme: MySessionSeen[] }>(MINE, { token: await tokenFor(person) }))
        .myProgramme[0];
    expect(await mine(second!)).toMatchObject({ pick: 'WAITLISTED', waitlistPosition: null, attending: false });
    const attendees = dataOf(
      await (
        await w.as('convenor')
      ).request<{ sessionAttendees: { email: string; waitlistPosition: number | null }[] }>(ATTENDEES, {
        sessionId: workshop.id,
      }),
    ).sessionAttendees;
    expect(attendees.map((a) => [a.email, a.waitlistPosition])).toEqual([
      [first, null],
      [second, null],
    ]);

    // The first cancels: the second has the event's place, and with it the workshop's.
    dataOf(await api.client().request(CANCEL_REGISTRATION, { token: await tokenFor(first!) }));
    expect(await placesAt(workshop.id)).toEqual([{ email: second, status: 'CONFIRMED' }]);
    expect(
      await sql(`select kind from mail_messages where to_address = ? and kind = 'event-session-place'`, [second]),
    ).toHaveLength(1);
    expect(await mine(second!)).toMatchObject({ pick: 'CONFIRMED', attending: true });
  });

  it('workshops at the same time can’t both be picked, at registration or later; nothing is stored', async () => {
    const w = await groupPersonas(api);
    const { meetingId, slug } = await openEvent(w);
    const policing = await added(w, meetingId, { title: 'Know your rights: policing' });
    const health = await added(w, meetingId, {
      title: 'Access to healthcare',
      startsAt: localIn(20, 12),
      endsAt: localIn(20, 13),
    });
    const opening = await added(w, meetingId, {
      title: 'Opening',
      kind: 'PLENARY',
      startsAt: localIn(20, 9),
      endsAt: localIn(20, 10),
    });
    const person = email('overlap');
    const refused = await register(slug, person, [policing.id, health.id]);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SESSIONS_OVERLAP' });
    expect(refused.errors?.[0]?.extensions?.fields?.['sessionIds']).toContain('Access to healthcare');
    expect(await sql('select id from event_registrations where email = ?', [person])).toEqual([]);

    // A plenary is not picked: everyone attends it.
    const plenary = await register(slug, person, [opening.id]);
    expect(plenary.errors?.[0]?.extensions?.fields?.['sessionIds']).toEqual(expect.any(String));

    dataOf(await register(slug, person, [policing.id]));
    const token = await tokenFor(person);
    const later = await api.client().request(CHOOSE, { token, sessionIds: [policing.id, health.id] });
    expect(later.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SESSIONS_OVERLAP' });
    expect((await placesAt(policing.id)).map((r) => r.email)).toEqual([person]);
    expect(await placesAt(health.id)).toEqual([]);
  });

  it('the registrant’s calendar has one event per session they attend: the plenaries and their workshops', async () => {
    const w = await groupPersonas(api);
    const { meetingId, slug } = await openEvent(w);
    await added(w, meetingId, {
      title: 'Opening plenary',
      kind: 'PLENARY',
      startsAt: localIn(20, 9),
      endsAt: localIn(20, 10),
      room: 'Main hall',
    });
    const picked = await added(w, meetingId, { title: 'Access to healthcare', capacity: 5 });
    await added(w, meetingId, { title: 'Not picked', startsAt: localIn(20, 14), endsAt: localIn(20, 15) });
    const full = await added(w, meetingId, {
      title: 'Full workshop',
      capacity: 1,
      startsAt: localIn(20, 15),
      endsAt: localIn(20, 16),
    });
    dataOf(await register(slug, email('first'), [full.id]));
    const person = email('calendar');
    dataOf(await register(slug, person, [picked.id, full.id]));
    const token = await tokenFor(person);

    const mine = dataOf(await api.client().request<{ myProgramme: MySessionSeen[] }>(MINE, { token })).myProgramme;
    expect(mine.map((s) => [s.session.title, s.attending, s.pick, s.waitlistPosition])).toEqual([
      ['Opening plenary', true, null, null],
      ['Access to healthcare', true, 'CONFIRMED', null],
      ['Not picked', false, null, null],
      ['Full workshop', false, 'WAITLISTED', 1],
    ]);

    const res = await api.client().get(`/api/registrations/${token}/programme.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary)).toEqual([
      'Opening plenary · National summit',
      'Access to healthcare · National summit',
    ]);
    expect(events[0]!.location).toBe('Main hall, Friends Meeting House');
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);

    expect((await api.client().get(`/api/registrations/${'x'.repeat(32)}/programme.ics`)).status).toBe(404);
  });

  it('a session’s CSV lists places then the waitlist, for organisers, safe from spreadsheet formulas', async () => {
    const w = await groupPersonas(api);
    const { meetingId, slug } = await openEvent(w);
    const workshop = await added(w, meetingId, { capacity: 1 });
    const first = email('first');
    const second = email('second');
    dataOf(await register(slug, first, [workshop.id]));
    dataOf(
      await api.client().request(REGISTER, {
        input: { slug, name: '=HYPERLINK("x")', email: second, consent: true, sessionIds: [workshop.id] },
      }),
    );
    const res = await (await w.as('convenor')).get(`/api/programme-sessions/${workshop.id}/attendees.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Status,Waitlist position,Name,Email,Organisation,Picked at');
    expect(lines[1]).toMatch(new RegExp(`^CONFIRMED,,Amal Guest,${first},Refugee Action Network,`));
    expect(lines[2]).toMatch(new RegExp(`^WAITLISTED,1,"'=HYPERLINK\\(""x""\\)",${second},,`));
    expect(lines).toHaveLength(3);

    expect((await (await w.as('member')).get(`/api/programme-sessions/${workshop.id}/attendees.csv`)).status).toBe(403);
    expect((await (await w.as('outsider')).get(`/api/programme-sessions/${workshop.id}/attendees.csv`)).status).toBe(
      404,
    );
  });
});
