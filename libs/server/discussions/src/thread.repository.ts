import { EntityRepository } from '@mikro-orm/postgresql';
import type { Thread } from './thread.entity.js';

export interface ThreadCursor {
  lastActivityAt: Date;
  id: string;
}

export class ThreadRepository extends EntityRepository<Thread> {
  /** A group's threads, latest activity first; one query whatever the page size. */
  async pageOf(groupId: string, first: number, after: ThreadCursor | null): Promise<Thread[]> {
    return this.find(
      {
        group: groupId,
        ...(after
          ? { $or: [{ lastActivityAt: { $lt: after.lastActivityAt } }, { lastActivityAt: after.lastActivityAt, id: { $lt: after.id } }] }
          : {}),
      },
      { orderBy: [{ lastActivityAt: 'desc' }, { id: 'desc' }], limit: first + 1 },
    );
  }
}
