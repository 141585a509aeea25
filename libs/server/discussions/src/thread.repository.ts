import { EntityRepository } from '@mikro-orm/postgresql';
import type { Thread } from './thread.entity.js';

export interface ThreadCursor {
  pinned: boolean;
  lastActivityAt: Date;
  id: string;
}

export class ThreadRepository extends EntityRepository<Thread> {
  /** A group's threads, pinned first, then latest activity; one query whatever the page size. */
  async pageOf(groupId: string, first: number, after: ThreadCursor | null): Promise<Thread[]> {
    return this.find(
      {
        group: groupId,
        ...(after
          ? {
              $or: [
                { pinned: { $lt: after.pinned } },
                { pinned: after.pinned, lastActivityAt: { $lt: after.lastActivityAt } },
                { pinned: after.pinned, lastActivityAt: after.lastActivityAt, id: { $lt: after.id } },
              ],
            }
          : {}),
      },
      // Authors (and their organisations) come in the same statement.
      { orderBy: [{ pinned: 'desc' }, { lastActivityAt: 'desc' }, { id: 'desc' }], limit: first + 1, populate: ['author', 'author.organisation'], strategy: 'joined' },
    );
  }
}
