import { EntityRepository, LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { SessionPlaceStatus } from '@convene/shared-contracts';
import type { ProgrammeSession } from './programme-session.entity.js';
import { SessionPlace } from './session-place.entity.js';

/**
 * Registrations that hold a place at the event (confirmed, or pending the organisers' approval): only
 * they are given places at its workshops; the rest keep their turn until they get one.
 */
const HOLDS_EVENT_PLACE = `r.status in ('CONFIRMED', 'PENDING')`;

/** How many hold a place at a session, and how many wait for one. */
export interface SessionCounts {
  confirmed: number;
  waitlisted: number;
}

/** Someone with a place at (or waiting for) a session, for its organisers. */
export interface SessionAttendee {
  registrationId: string;
  name: string;
  email: string;
  organisation: string;
  status: SessionPlaceStatus;
  queuedAt: Date;
  /** Place on the session's waitlist (1 is next); null with a place, or while waiting for a place at the event. */
  position: number | null;
}

/**
 * Events' programmes and the places registrants hold at their workshops. Each query runs in the
 * unit of work it is given: the caller's transaction (where the sessions are locked) or a fork.
 */
export class ProgrammeRepository extends EntityRepository<ProgrammeSession> {
  /** A meeting's sessions in programme order. */
  ofMeeting(em: EntityManager, meetingId: string): Promise<ProgrammeSession[]> {
    return em.find(this.entityName, { meetingId }, { orderBy: [{ position: 'asc' }, { startsAt: 'asc' }] });
  }

  byId(em: EntityManager, id: string): Promise<ProgrammeSession | null> {
    return em.findOne(this.entityName, { id });
  }

  /**
   * Some sessions read afresh and locked (SELECT … FOR UPDATE) until the caller's transaction ends,
   * always in id order so that two transactions locking overlapping sets cannot deadlock. Places
   * at a session are counted and given out under its lock only.
   */
  locked(em: EntityManager, ids: string[]): Promise<ProgrammeSession[]> {
    if (!ids.length) return Promise.resolve([]);
    return em.find(
      this.entityName,
      { id: { $in: [...new Set(ids)] } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
    );
  }

  /** The position after the last session of a meeting. */
  async nextPosition(em: EntityManager, meetingId: string): Promise<number> {
    const [row] = await em.execute<{ next: number }[]>(
      'select coalesce(max(position), -1) + 1 as next from programme_sessions where meeting_id = ?',
      [meetingId],
    );
    return Number(row?.next ?? 0);
  }

  countOf(em: EntityManager, meetingId: string): Promise<number> {
    return em.count(this.entityName, { meetingId });
  }

  /** Places held and waited for at some sessions, in one statement. */
  async counts(em: EntityManager, sessionIds: string[]): Promise<Map<string, SessionCounts>> {
    const out = new Map<string, SessionCounts>();
    if (!sessionIds.length) return out;
    const rows = await em.execute<{ session_id: string; status: SessionPlaceStatus; n: string }[]>(
      'select session_id, status, count(*) as n from session_places where session_id = any(?::uuid[]) group by session_id, status',
      [`{${sessionIds.join(',')}}`],
    );
    for (const row of rows) {
      const counts = out.get(row.session_id) ?? { confirmed: 0, waitlisted: 0 };
      if (row.status === SessionPlaceStatus.CONFIRMED) counts.confirmed = Number(row.n);
      else counts.waitlisted = Number(row.n);
      out.set(row.session_id, counts);
    }
    return out;
  }

  /** Places held at a session. */
  confirmedAt(em: EntityManager, sessionId: string): Promise<number> {
    return em.count(SessionPlace, { sessionId, status: SessionPlaceStatus.CONFIRMED });
  }

  /** A registration's picks. */
  placesOf(em: EntityManager, registrationId: string): Promise<SessionPlace[]> {
    return em.find(SessionPlace, { registrationId });
  }

  /**
   * The first `limit` on a session's waitlist who hold a place at the event, first come first served
   * (read in the caller's transaction, where statuses may just have changed).
   */
  async waitlistOf(em: EntityManager, sessionId: string, limit: number): Promise<SessionPlace[]> {
    const rows = await em.execute<{ id: string }[]>(
      `select p.id from session_places p join event_registrations r on r.id = p.registration_id
         where p.session_id = ? and p.status = 'WAITLISTED' and ${HOLDS_EVENT_PLACE}
         order by p.queued_at, p.id limit ?`,
      [sessionId, limit],
    );
    if (!rows.length) return [];
    return em.find(
      SessionPlace,
      { id: { $in: rows.map((row) => row.id) } },
      { orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }] },
    );
  }

  /**
   * Each waiting pick's place in its session's queue (1 is next) among those holding a place at
   * the event, for some picks; a pick whose registration waits for the event itself has none.
   */
  async positions(em: EntityManager, placeIds: string[]): Promise<Map<string, number>> {
    if (!placeIds.length) return new Map();
    const rows = await em.execute<{ id: string; position: string }[]>(
      `select p.id, (select count(*) from session_places q join event_registrations r on r.id = q.registration_id
           where q.session_id = p.session_id and q.status = 'WAITLISTED' and ${HOLDS_EVENT_PLACE}
             and (q.queued_at, q.id) < (p.queued_at, p.id)) + 1 as position
         from session_places p join event_registrations r on r.id = p.registration_id
         where p.id = any(?::uuid[]) and p.status = 'WAITLISTED' and ${HOLDS_EVENT_PLACE}`,
      [`{${placeIds.join(',')}}`],
    );
    return new Map(rows.map((row) => [row.id, Number(row.position)]));
  }

  /** Everyone with a place at a session, then its waitlist in order, with their details. */
  async attendeesOf(em: EntityManager, sessionId: string): Promise<SessionAttendee[]> {
    const rows = await em.execute<
      {
        registration_id: string;
        name: string;
        email: string;
        organisation: string;
        status: SessionPlaceStatus;
        queued_at: Date;
        holds_event_place: boolean;
      }[]
    >(
      `select p.registration_id, r.name, r.email, r.organisation, p.status, p.queued_at, ${HOLDS_EVENT_PLACE} as holds_event_place
         from session_places p join event_registrations r on r.id = p.registration_id
         where p.session_id = ? order by p.status = 'WAITLISTED', p.queued_at, p.id`,
      [sessionId],
    );
    let waiting = 0;
    return rows.map((row) => ({
      registrationId: row.registration_id,
      name: row.name,
      email: row.email,
      organisation: row.organisation,
      status: row.status,
      queuedAt: new Date(row.queued_at),
      position: row.status === SessionPlaceStatus.WAITLISTED && row.holds_event_place ? ++waiting : null,
    }));
  }

  /** Removes every pick of a session (when it is removed from the programme). */
  deletePlacesOf(em: EntityManager, sessionId: string): Promise<number> {
    return em.nativeDelete(SessionPlace, { sessionId });
  }
}
