import { EntityRepository, type EntityManager } from '@mikro-orm/postgresql';
import { RegistrationStatus } from '@convene/shared-contracts';
import type { EventRegistration } from './event-registration.entity.js';
import { EventRegistrationLink } from './event-registration-link.entity.js';

/** Registrations that hold a place. */
const HOLDING = [RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING];

/** How many registrations of an event are in one status, and how many of those were checked in. */
export interface StatusCount {
  meetingId: string;
  status: RegistrationStatus;
  count: number;
  checkedIn: number;
}

/**
 * Registrations for open events, and their private links. Each query runs in the unit of work it is
 * given: the caller's transaction (where the form is locked) or a fork of its own.
 */
export class EventRegistrationRepository extends EntityRepository<EventRegistration> {
  /**
   * A registration by its id; `refresh` reads it afresh even when the unit of work already holds it
   * (under the form's lock, where its status decides what happens).
   */
  byId(em: EntityManager, id: string, { refresh = false } = {}): Promise<EventRegistration | null> {
    return em.findOne(this.entityName, { id }, { refresh });
  }

  /** The registration one of whose private links has this token hash. */
  async byTokenHash(em: EntityManager, tokenHash: string): Promise<EventRegistration | null> {
    const link = await em.findOne(EventRegistrationLink, { tokenHash });
    return link ? em.findOne(this.entityName, { id: link.registrationId }) : null;
  }

  /** An address's registration for an event (cancelled and declined ones included). */
  byEmail(em: EntityManager, meetingId: string, emailKey: string): Promise<EventRegistration | null> {
    return em.findOne(this.entityName, { meetingId, emailKey });
  }

  /** Every registration of an event, oldest first (the waitlist order). */
  allOf(em: EntityManager, meetingId: string): Promise<EventRegistration[]> {
    return em.find(this.entityName, { meetingId }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** The first `limit` on an event's waitlist, first come first served. */
  waitlistOf(em: EntityManager, meetingId: string, limit: number): Promise<EventRegistration[]> {
    return em.find(
      this.entityName,
      { meetingId, status: RegistrationStatus.WAITLISTED },
      { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], limit },
    );
  }

  /** Places taken at an event: its confirmed and pending registrations. */
  placesTaken(em: EntityManager, meetingId: string): Promise<number> {
    return em.count(this.entityName, { meetingId, status: { $in: HOLDING } });
  }

  /** How many are on an event's waitlist ahead of a registration made at `createdAt`. */
  waitingAhead(em: EntityManager, meetingId: string, createdAt: Date): Promise<number> {
    return em.count(this.entityName, {
      meetingId,
      status: RegistrationStatus.WAITLISTED,
      createdAt: { $lt: createdAt },
    });
  }

  /** Everyone with a place at, or waiting for, some events whose details are still kept. */
  registeredOrWaitingFor(em: EntityManager, meetingIds: string[]): Promise<EventRegistration[]> {
    return em.find(this.entityName, {
      meetingId: { $in: meetingIds },
      status: { $in: [...HOLDING, RegistrationStatus.WAITLISTED] },
      anonymisedAt: null,
    });
  }

  /** Everyone with a place at an event (and, if asked, on its waitlist) whose details are still kept. */
  reachableOf(em: EntityManager, meetingId: string, includeWaitlist: boolean): Promise<EventRegistration[]> {
    return em.find(this.entityName, {
      meetingId,
      status: { $in: includeWaitlist ? [...HOLDING, RegistrationStatus.WAITLISTED] : HOLDING },
      anonymisedAt: null,
    });
  }

  /** Registrations of some events counted by event and status, in one statement. */
  async countsByStatus(em: EntityManager, meetingIds: string[]): Promise<StatusCount[]> {
    const rows = await em
      .getConnection()
      .execute<{ meeting_id: string; status: RegistrationStatus; n: string; checked_in: string }[]>(
        `select meeting_id, status, count(*) as n, count(checked_in_at) as checked_in from event_registrations where meeting_id = any(?::uuid[]) group by meeting_id, status`,
        [`{${meetingIds.join(',')}}`],
      );
    return rows.map((row) => ({
      meetingId: row.meeting_id,
      status: row.status,
      count: Number(row.n),
      checkedIn: Number(row.checked_in),
    }));
  }

  /**
   * Removes the personal details of registrations for events that ended more than their form's
   * retention period before `now`, in one statement. Returns the registrations' ids.
   */
  async anonymiseExpired(em: EntityManager, now: Date): Promise<string[]> {
    const rows = await em.getConnection().execute<{ id: string }[]>(
      `update event_registrations r set name = 'Removed', email = '', email_key = null, organisation = '', answers = '{}', anonymised_at = ?, updated_at = ?
         from event_forms f join meetings m on m.id = f.meeting_id
         where f.meeting_id = r.meeting_id and r.anonymised_at is null and m.ends_at + make_interval(days => f.retention_days) < ?
         returning r.id`,
      [now, now, now],
    );
    return rows.map((row) => row.id);
  }

  /** Deletes every private link to some registrations. */
  deleteLinksOf(em: EntityManager, registrationIds: string[]): Promise<number> {
    return em.nativeDelete(EventRegistrationLink, { registrationId: { $in: registrationIds } });
  }
}
