import { EntityRepository, LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { EventForm } from './event-form.entity.js';

/**
 * Open events' registration forms. Each query runs in the unit of work it is given: the caller's
 * transaction (where the lock is held) or a fork of its own.
 */
export class EventFormRepository extends EntityRepository<EventForm> {
  /** A meeting's form, or null when the meeting is not an open event. */
  ofMeeting(em: EntityManager, meetingId: string): Promise<EventForm | null> {
    return em.findOne(this.entityName, { meetingId });
  }

  /** The forms of some meetings, in one query. */
  ofMeetings(em: EntityManager, meetingIds: string[]): Promise<EventForm[]> {
    return em.find(this.entityName, { meetingId: { $in: meetingIds } });
  }

  /**
   * A meeting's form read afresh and locked for the rest of the transaction: places are counted and
   * given out under this lock, so registrations and changes to the form wait for each other.
   */
  lockedOf(em: EntityManager, meetingId: string): Promise<EventForm | null> {
    return em.findOne(this.entityName, { meetingId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** The form at a public address. */
  bySlug(em: EntityManager, slug: string): Promise<EventForm | null> {
    return em.findOne(this.entityName, { slug });
  }

  /** Whether another meeting's form already has this address. */
  async slugTakenByOther(em: EntityManager, slug: string, meetingId: string): Promise<boolean> {
    return (await em.findOne(this.entityName, { slug, meetingId: { $ne: meetingId } })) !== null;
  }
}
