import { EntityRepository } from '@mikro-orm/postgresql';
import type { ThreadRead } from './thread-read.entity.js';

export class ThreadReadRepository extends EntityRepository<ThreadRead> {
  /** How many posts of each thread a person has read; one query for a page of threads. */
  async readCounts(userId: string, threadIds: string[]): Promise<Map<string, number>> {
    if (!threadIds.length) return new Map();
    const rows = await this.find({ userId, threadId: { $in: threadIds } }, { fields: ['threadId', 'readCount'] });
    return new Map(rows.map((r) => [r.threadId, r.readCount]));
  }

  /** Moves a read position forward, never back. */
  async advance(userId: string, threadId: string, readCount: number): Promise<void> {
    await this.getEntityManager()
      .getConnection()
      .execute(
        `insert into thread_reads (user_id, thread_id, read_count, read_at) values (?, ?, ?, now())
         on conflict (user_id, thread_id) do update set read_count = greatest(thread_reads.read_count, excluded.read_count), read_at = now()`,
        [userId, threadId, readCount],
      );
  }
}
