import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG, InputCheck, InputError, toCsv, type AppConfig, type Viewer } from '@convene/server-core';
import {
  LIMITS,
  MeetingStatus,
  ProgrammeSessionKind,
  RegistrationStatus,
  SessionPlaceStatus,
} from '@convene/shared-contracts';
import { MailService, type MailMessage } from '@convene/server-mail';
import { GroupsService } from '@convene/server-groups';
import { EventRegistration } from './event-registration.entity.js';
import { EventRegistrationRepository } from './event-registration.repository.js';
import { EventFormRepository } from './event-form.repository.js';
import { buildCalendar, type IcsEvent } from './ics.util.js';
import type { Meeting } from './meeting.entity.js';
import { MeetingRepository } from './meeting.repository.js';
import { MeetingsService, type MeetingAccess } from './meetings.service.js';
import { meetingsErrors } from './meetings.errors.js';
import { longText } from './meeting-input.util.js';
import { addressOf } from './meeting-ics-event.util.js';
import { formatWhen } from './meeting-time-format.util.js';
import { ProgrammeSession } from './programme-session.entity.js';
import { ProgrammeRepository, type SessionAttendee, type SessionCounts } from './programme.repository.js';
import { newRegistrationLink } from './registration-link.util.js';
import { SessionPlace } from './session-place.entity.js';
import { fromZoned, parseLocalDateTime } from './zoned-time.util.js';

export interface ProgrammeSessionInput {
  title: string;
  kind: ProgrammeSessionKind;
  /** Local date-times in the event's zone, 'YYYY-MM-DDTHH:mm'. */
  startsAt: string;
  endsAt: string;
  room?: string | null;
  description?: string | null;
  /** Places, for a workshop; null for no limit. */
  capacity?: number | null;
}

/** A session with how many hold a place at it and wait for one. */
export interface SessionWithCounts extends SessionCounts {
  session: ProgrammeSession;
  /** Places left at a workshop with a capacity; null otherwise. */
  placesLeft: number | null;
}

/** A session of the programme as one registrant sees it. */
export interface MySession extends SessionWithCounts {
  /**
   * Whether they attend: with a place at the event, everyone attends plenaries (and the rest); a
   * workshop only when picked and given a place.
   */
  attending: boolean;
  /** Their pick of a workshop, or null. */
  pick: SessionPlaceStatus | null;
  /** Their place on the workshop's waitlist (1 is next), or null (also while they wait for the event itself). */
  waitlistPosition: number | null;
}

/** Registrations that pick workshops: everyone registered or waiting for a place at the event. */
const ACTIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED];
/** Registrations holding a place at the event: only they are given places at its workshops. */
const HOLDING = [RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING];

/**
 * An event's programme: sessions the organisers plan, and the workshops registrants pick, each with
 * its own capacity and waitlist. Places at a session are counted and given out with the session's
 * row locked, so concurrent registrations never take more places than there are; a freed place goes
 * to the first in the queue, who is told by email.
 */
@Injectable()
export class EventProgrammeService {
  constructor(
    private readonly em: EntityManager,
    private readonly programmeRepo: ProgrammeRepository,
    private readonly registrationRepo: EventRegistrationRepository,
    private readonly formRepo: EventFormRepository,
    private readonly meetingRepo: MeetingRepository,
    private readonly meetings: MeetingsService,
    private readonly groups: GroupsService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---- organisers ----

  /** Adds a session to an event's programme (whoever may manage the event). */
  async addSession(
    viewer: Viewer,
    input: ProgrammeSessionInput & { meetingId: string },
  ): Promise<{ access: MeetingAccess; session: ProgrammeSession }> {
    const access = await this.managed(viewer, input.meetingId, { change: true });
    const values = readSession(input, access.meeting);
    const session = await this.em.transactional(async (em) => {
      // The meeting row is locked so that two sessions added at once get their own positions.
      await this.meetingRepo.lock(em, access.meeting.id);
      if ((await this.programmeRepo.countOf(em, access.meeting.id)) >= LIMITS.programmeSessionsMax)
        throw new InputError({ title: `A programme has at most ${LIMITS.programmeSessionsMax} sessions.` });
      const position = await this.programmeRepo.nextPosition(em, access.meeting.id);
      const session = em.create(ProgrammeSession, { meetingId: access.meeting.id, position, ...values });
      await em.flush();
      return session;
    });
    return { access, session };
  }

  /**
   * Changes a session. A higher capacity gives the new places to its waitlist; a capacity below
   * the places already given is refused, and so is making a picked workshop something else.
   */
  async updateSession(
    viewer: Viewer,
    input: ProgrammeSessionInput & { sessionId: string },
  ): Promise<{ access: MeetingAccess; session: ProgrammeSession }> {
    const { access, session: found } = await this.sessionManaged(viewer, input.sessionId, { change: true });
    const values = readSession(input, access.meeting);
    const { session, mails } = await this.em.transactional(async (em) => {
      const [session] = await this.programmeRepo.locked(em, [found.id]);
      if (!session) throw meetingsErrors.sessionNotFound();
      const counts = (await this.programmeRepo.counts(em, [session.id])).get(session.id);
      if (counts && values.kind !== ProgrammeSessionKind.WORKSHOP)
        throw new InputError({ kind: 'People picked this workshop: it stays a workshop.' });
      const confirmed = counts?.confirmed ?? 0;
      if (values.capacity !== null && values.capacity < confirmed)
        throw meetingsErrors.sessionCapacityBelowPlaces(confirmed);
      Object.assign(session, values, { updatedAt: new Date() });
      await em.flush();
      const mails = await this.fillPlaces(em, access.meeting, session);
      await em.flush();
      return { session, mails };
    });
    await this.mail.dispatch(mails);
    return { access, session };
  }

  /** Removes a session and everyone's picks of it. */
  async removeSession(viewer: Viewer, sessionId: string): Promise<MeetingAccess> {
    const { access, session } = await this.sessionManaged(viewer, sessionId, { change: true });
    await this.em.transactional(async (em) => {
      const [locked] = await this.programmeRepo.locked(em, [session.id]);
      if (!locked) throw meetingsErrors.sessionNotFound();
      await this.programmeRepo.deletePlacesOf(em, locked.id);
      em.remove(locked);
      await em.flush();
    });
    return access;
  }

  /** Puts an event's sessions in the order given (every session once). */
  async reorderSessions(
    viewer: Viewer,
    input: { meetingId: string; sessionIds: string[] },
  ): Promise<{ access: MeetingAccess; sessions: ProgrammeSession[] }> {
    const access = await this.managed(viewer, input.meetingId, { change: true });
    const sessions = await this.em.transactional(async (em) => {
      await this.meetingRepo.lock(em, access.meeting.id);
      const sessions = await this.programmeRepo.ofMeeting(em, access.meeting.id);
      const ids = input.sessionIds ?? [];
      const byId = new Map(sessions.map((s) => [s.id, s]));
      if (ids.length !== sessions.length || new Set(ids).size !== ids.length || ids.some((id) => !byId.has(id)))
        throw new InputError({ sessionIds: 'List every session of the programme once.' });
      const ordered = ids.flatMap((id) => byId.get(id) ?? []);
      ordered.forEach((session, position) => (session.position = position));
      await em.flush();
      return ordered;
    });
    return { access, sessions };
  }

  /** Who holds a place at a session and who waits for one, in order (the event's organisers). */
  async attendees(
    viewer: Viewer,
    sessionId: string,
  ): Promise<{ session: ProgrammeSession; attendees: SessionAttendee[] }> {
    const { session } = await this.sessionManaged(viewer, sessionId);
    return { session, attendees: await this.programmeRepo.attendeesOf(this.em.fork(), session.id) };
  }

  /** A session's places and waitlist as CSV (the event's organisers). */
  async attendeesCsv(viewer: Viewer, sessionId: string): Promise<{ session: ProgrammeSession; csv: string }> {
    const { session, attendees } = await this.attendees(viewer, sessionId);
    const header = ['Status', 'Waitlist position', 'Name', 'Email', 'Organisation', 'Picked at'];
    const rows = attendees.map((a) => [
      a.status,
      a.position === null ? '' : String(a.position),
      a.name,
      a.email,
      a.organisation,
      a.queuedAt.toISOString(),
    ]);
    return { session, csv: toCsv([header, ...rows]) };
  }

  // ---- everyone who may see the event ----

  /** A meeting's programme in order, with places held and waited for (no names). */
  async programmeOf(meetingId: string): Promise<SessionWithCounts[]> {
    const em = this.em.fork();
    const sessions = await this.programmeRepo.ofMeeting(em, meetingId);
    const counts = await this.programmeRepo.counts(
      em,
      sessions.map((s) => s.id),
    );
    return sessions.map((session) => withCounts(session, counts.get(session.id)));
  }

  // ---- registrants ----

  /**
   * The workshops someone picks on the registration form, checked before anything is stored:
   * workshops of this event, none at the same time as another.
   */
  async readPicks(meetingId: string, sessionIds: string[] | null | undefined): Promise<ProgrammeSession[]> {
    const ids = [...new Set(sessionIds ?? [])];
    if (!ids.length) return [];
    const sessions = await this.programmeRepo.ofMeeting(this.em.fork(), meetingId);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    const workshops = ids.flatMap((id) => byId.get(id) ?? []);
    if (workshops.length !== ids.length || workshops.some((s) => s.kind !== ProgrammeSessionKind.WORKSHOP))
      throw new InputError({ sessionIds: 'Pick workshops of this event’s programme only.' });
    const sorted = [...workshops].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1];
      const after = sorted[i];
      if (before && after && after.startsAt.getTime() < before.endsAt.getTime())
        throw meetingsErrors.sessionsOverlap(before.title, after.title);
    }
    return workshops;
  }

  /**
   * Gives a registration places at the workshops it picked, in the caller's transaction: each
   * session is locked, its places counted, and the pick confirmed or queued. Someone waiting for a
   * place at the event itself is queued everywhere, and served once they have one (`admit`).
   */
  async enrol(em: EntityManager, registration: EventRegistration, picks: ProgrammeSession[]): Promise<SessionPlace[]> {
    const sessions = await this.programmeRepo.locked(
      em,
      picks.map((s) => s.id),
    );
    const holding = HOLDING.includes(registration.status);
    const places: SessionPlace[] = [];
    for (const session of sessions) {
      const taken = await this.programmeRepo.confirmedAt(em, session.id);
      const status =
        holding && (session.capacity === null || taken < session.capacity)
          ? SessionPlaceStatus.CONFIRMED
          : SessionPlaceStatus.WAITLISTED;
      places.push(em.create(SessionPlace, { sessionId: session.id, registrationId: registration.id, status }));
    }
    await em.flush();
    return places;
  }

  /**
   * Someone just given a place at the event (from its waitlist, or approved from it) takes their turn
   * at the workshops they wait for, in the caller's transaction (the form is locked). Returns the mails.
   */
  async admit(em: EntityManager, registration: EventRegistration, meeting: Meeting): Promise<MailMessage[]> {
    await em.flush(); // their new status is what the queues read
    const waiting = (await this.programmeRepo.placesOf(em, registration.id)).filter(
      (p) => p.status === SessionPlaceStatus.WAITLISTED,
    );
    const sessions = await this.programmeRepo.locked(
      em,
      waiting.map((p) => p.sessionId),
    );
    const mails: MailMessage[] = [];
    for (const session of sessions) mails.push(...(await this.fillPlaces(em, meeting, session)));
    await em.flush();
    return mails;
  }

  /**
   * Gives up every workshop pick of a registration that was cancelled or declined, in the caller's
   * transaction (the event's form is locked); the places freed go to the waitlists. Returns the mails.
   */
  async release(em: EntityManager, registration: EventRegistration, meeting: Meeting): Promise<MailMessage[]> {
    const places = await this.programmeRepo.placesOf(em, registration.id);
    if (!places.length) return [];
    const sessions = await this.programmeRepo.locked(
      em,
      places.map((p) => p.sessionId),
    );
    places.forEach((p) => em.remove(p));
    await em.flush();
    const mails: MailMessage[] = [];
    for (const session of sessions) mails.push(...(await this.fillPlaces(em, meeting, session)));
    await em.flush();
    return mails;
  }

  /**
   * A registrant changes their workshops through their private link: picks kept keep their place
   * (or their turn), dropped ones free theirs for the waitlist, new ones are confirmed or queued.
   */
  async choose(registration: EventRegistration, sessionIds: string[]): Promise<MySession[]> {
    const picks = await this.readPicks(registration.meetingId, sessionIds);
    const mails = await this.em.transactional(async (em) => {
      // The form first, as registering and cancelling do: a cancellation can't slip in between.
      const form = await this.formRepo.lockedOf(em, registration.meetingId);
      const fresh = await this.registrationRepo.byId(em, registration.id, { refresh: true });
      const meeting = await this.meetingRepo.byId(em, registration.meetingId);
      if (!form || !fresh || !meeting || fresh.anonymisedAt) throw meetingsErrors.registrationNotFound();
      if (!ACTIVE.includes(fresh.status))
        throw meetingsErrors.registrationClosed(
          'This registration was cancelled or declined: its workshops can’t change.',
        );
      if (meeting.status === MeetingStatus.CANCELLED)
        throw meetingsErrors.registrationClosed('This event was cancelled.');
      if (meeting.endsAt.getTime() <= Date.now())
        throw meetingsErrors.registrationClosed('This event has already taken place.');
      const current = await this.programmeRepo.placesOf(em, fresh.id);
      const wanted = new Set(picks.map((s) => s.id));
      const dropped = current.filter((p) => !wanted.has(p.sessionId));
      const kept = new Set(current.map((p) => p.sessionId));
      const added = picks.filter((s) => !kept.has(s.id));
      const sessions = await this.programmeRepo.locked(em, [
        ...dropped.map((p) => p.sessionId),
        ...added.map((s) => s.id),
      ]);
      dropped.forEach((p) => em.remove(p));
      await em.flush();
      const mails: MailMessage[] = [];
      for (const session of sessions.filter((s) => !wanted.has(s.id)))
        mails.push(...(await this.fillPlaces(em, meeting, session)));
      await this.enrol(em, fresh, added);
      await em.flush();
      return mails;
    });
    await this.mail.dispatch(mails);
    return this.mine(registration);
  }

  /** The programme as one registrant sees it: what they attend, their picks and their turn on waitlists. */
  async mine(registration: EventRegistration): Promise<MySession[]> {
    const em = this.em.fork();
    const [programme, places] = await Promise.all([
      this.programmeOf(registration.meetingId),
      this.programmeRepo.placesOf(em, registration.id),
    ]);
    const bySession = new Map(places.map((p) => [p.sessionId, p]));
    const positions = await this.programmeRepo.positions(
      em,
      places.map((p) => p.id),
    );
    const holding = HOLDING.includes(registration.status);
    return programme.map((entry) => {
      const place = bySession.get(entry.session.id) ?? null;
      const everyone = entry.session.kind !== ProgrammeSessionKind.WORKSHOP;
      return {
        ...entry,
        attending: holding && (everyone || place?.status === SessionPlaceStatus.CONFIRMED),
        pick: place?.status ?? null,
        waitlistPosition: place ? (positions.get(place.id) ?? null) : null,
      };
    });
  }

  /**
   * The registrant's own calendar: one event per session they attend (the plenaries and the
   * workshops where they have a place), or the whole event when it has no programme; nothing while
   * they have no place at the event.
   */
  async calendarOf(registration: EventRegistration, meeting: Meeting): Promise<string> {
    const programme = await this.mine(registration);
    const attending = programme.filter((s) => s.attending);
    const wholeEvent = HOLDING.includes(registration.status) && !programme.length;
    const organizer = { name: 'Convene', email: addressOf(this.config.mailFrom) };
    const cancelled = meeting.status === MeetingStatus.CANCELLED;
    const link = meeting.onlineUrl && registration.status === RegistrationStatus.CONFIRMED ? meeting.onlineUrl : '';
    const parts: { uid: string; title: string; startsAt: Date; endsAt: Date; room: string; description: string }[] =
      !wholeEvent
        ? attending.map(({ session }) => ({
            uid: `${session.id}@convene`,
            title: `${session.title} · ${meeting.title}`,
            startsAt: session.startsAt,
            endsAt: session.endsAt,
            room: session.room,
            description: session.description,
          }))
        : [
            {
              uid: `${meeting.id}@convene`,
              title: meeting.title,
              startsAt: meeting.startsAt,
              endsAt: meeting.endsAt,
              room: '',
              description: meeting.description,
            },
          ];
    const events: IcsEvent[] = parts.map((part) => ({
      uid: part.uid,
      sequence: meeting.sequence,
      startsAt: part.startsAt,
      endsAt: part.endsAt,
      timeZone: meeting.timeZone,
      summary: part.title,
      description: [part.description, link ? `Join online: ${link}` : ''].filter(Boolean).join('\n\n'),
      location: [part.room, meeting.location].filter(Boolean).join(', ') || link || null,
      status: cancelled ? 'CANCELLED' : 'CONFIRMED',
      createdAt: meeting.createdAt,
      updatedAt: meeting.updatedAt,
      organizer,
      attendee: { name: registration.name, email: registration.email, partstat: 'ACCEPTED' },
    }));
    return buildCalendar({ method: 'PUBLISH', name: meeting.title, events });
  }

  // ---- helpers ----

  /** An event the viewer manages; for a `change`, GROUP_ARCHIVED when its group is archived. */
  private async managed(viewer: Viewer, meetingId: string, { change = false } = {}): Promise<MeetingAccess> {
    const access = await this.meetings.byId(viewer, meetingId, 'meetingId');
    if (!access.canManage) throw meetingsErrors.notAConvenor();
    if (change && access.view) this.groups.assertWritable(access.view);
    return access;
  }

  /** A session and its event, for whoever may manage the event; "not found" for those who can't see it. */
  private async sessionManaged(
    viewer: Viewer,
    sessionId: string,
    options: { change?: boolean } = {},
  ): Promise<{ access: MeetingAccess; session: ProgrammeSession }> {
    const check = new InputCheck();
    const id = check.uuid('sessionId', sessionId, 'Session');
    check.done();
    const session = await this.programmeRepo.byId(this.em.fork(), id);
    if (!session) throw meetingsErrors.sessionNotFound();
    const access = await this.managed(viewer, session.meetingId, options).catch((error: unknown) => {
      throw (error as { reason?: string }).reason === 'MEETING_NOT_FOUND' ? meetingsErrors.sessionNotFound() : error;
    });
    return { access, session };
  }

  /** Gives a workshop's free places to its waitlist, first come first served (the session is locked). */
  private async fillPlaces(em: EntityManager, meeting: Meeting, session: ProgrammeSession): Promise<MailMessage[]> {
    if (session.kind !== ProgrammeSessionKind.WORKSHOP) return [];
    if (meeting.status === MeetingStatus.CANCELLED || meeting.endsAt.getTime() <= Date.now()) return [];
    const free =
      session.capacity === null ? 1000 : session.capacity - (await this.programmeRepo.confirmedAt(em, session.id));
    if (free <= 0) return [];
    const next = await this.programmeRepo.waitlistOf(em, session.id, Math.min(free, 1000));
    const people = await em.find(EventRegistration, { id: { $in: next.map((p) => p.registrationId) } });
    const byId = new Map(people.map((r) => [r.id, r]));
    const mails: MailMessage[] = [];
    for (const place of next) {
      place.status = SessionPlaceStatus.CONFIRMED;
      const person = byId.get(place.registrationId);
      if (!person || person.anonymisedAt) continue;
      const params = {
        title: meeting.title,
        session: session.title,
        when: formatWhen(session.startsAt, session.endsAt, meeting.timeZone, person.locale),
        link: newRegistrationLink(em, person.id, this.config.publicUrl),
      };
      mails.push(this.mail.prepare('event-session-place', { email: person.email, locale: person.locale }, params, em));
    }
    return mails;
  }
}

function withCounts(session: ProgrammeSession, counts: SessionCounts | undefined): SessionWithCounts {
  const confirmed = counts?.confirmed ?? 0;
  const waitlisted = counts?.waitlisted ?? 0;
  const placesLeft =
    session.kind === ProgrammeSessionKind.WORKSHOP && session.capacity !== null
      ? Math.max(0, session.capacity - confirmed)
      : null;
  return { session, confirmed, waitlisted, placesLeft };
}

/** A session's fields, checked: times within the event, in its zone; a capacity for workshops only. */
function readSession(input: ProgrammeSessionInput, meeting: Meeting) {
  const check = new InputCheck();
  const title = check.text('title', input.title, { max: LIMITS.programmeSessionTitleMax, label: 'The title' });
  const kind = check.oneOf('kind', input.kind, Object.values(ProgrammeSessionKind), 'The kind of session');
  const room = check.text('room', input.room, {
    required: false,
    max: LIMITS.programmeSessionRoomMax,
    label: 'The room',
  });
  const description = longText(
    check,
    'description',
    input.description,
    LIMITS.programmeSessionDescriptionMax,
    'The description',
  );
  const capacity = input.capacity ?? null;
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > 100_000))
    check.fail('capacity', 'Enter a number of places from 1, or leave it empty for no limit.');
  if (capacity !== null && kind !== ProgrammeSessionKind.WORKSHOP)
    check.fail('capacity', 'Only workshops have places of their own: everyone attends the rest.');
  const startLocal = parseLocalDateTime((input.startsAt ?? '').trim());
  const endLocal = parseLocalDateTime((input.endsAt ?? '').trim());
  if (!startLocal) check.fail('startsAt', 'Enter a date and time, like 2026-12-01T10:00.');
  if (!endLocal) check.fail('endsAt', 'Enter a date and time, like 2026-12-01T11:00.');
  const startsAt = startLocal ? fromZoned(startLocal, meeting.timeZone) : null;
  const endsAt = endLocal ? fromZoned(endLocal, meeting.timeZone) : null;
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime())
    check.fail('endsAt', 'The session must end after it starts.');
  if (startsAt && startsAt.getTime() < meeting.startsAt.getTime())
    check.fail('startsAt', 'The session must start once the event has started.');
  if (endsAt && endsAt.getTime() > meeting.endsAt.getTime())
    check.fail('endsAt', 'The session must end by the time the event ends.');
  check.done();
  // Checked above: done() throws when either time is missing.
  if (!startsAt || !endsAt) throw new InputError({ startsAt: 'Enter a date and time.' });
  return { title, kind, room, description, capacity, startsAt, endsAt };
}
