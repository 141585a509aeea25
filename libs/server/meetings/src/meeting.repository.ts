import { EntityRepository } from '@mikro-orm/postgresql';
import type { Meeting } from './meeting.entity.js';

export class MeetingRepository extends EntityRepository<Meeting> {
  /** Meetings of some groups that overlap a time range, in start order (cancelled ones included). */
  inRange(groupIds: string[], from: Date, to: Date, limit: number): Promise<Meeting[]> {
    if (!groupIds.length) return Promise.resolve([]);
    return this.find({ group: { $in: groupIds }, startsAt: { $lt: to }, endsAt: { $gt: from } }, { orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], limit });
  }

  /** Scheduled meetings of some groups from a time on (for calendar feeds). */
  upcomingOf(groupIds: string[], from: Date, limit: number): Promise<Meeting[]> {
    if (!groupIds.length) return Promise.resolve([]);
    return this.find({ group: { $in: groupIds }, endsAt: { $gt: from } }, { orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], limit });
  }
}
