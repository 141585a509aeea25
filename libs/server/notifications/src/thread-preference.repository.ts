import { EntityRepository, type EntityManager } from '@mikro-orm/postgresql';
import { ThreadNotificationLevel } from '@convene/shared-contracts';
import type { ThreadPreference } from './thread-preference.entity.js';

export class ThreadPreferenceRepository extends EntityRepository<ThreadPreference> {
  /** A person's chosen levels for some threads, by thread; one statement. */
  async chosenLevels(userId: string, threadIds: string[]): Promise<Map<string, ThreadNotificationLevel>> {
    // Read in a unit of work of its own: nothing loaded stays in the caller's.
    const rows = await this.getEntityManager()
      .fork()
      .find(this.entityName, { userId, threadId: { $in: threadIds } });
    return new Map(rows.map((r) => [r.threadId, r.level]));
  }

  /** The choices of those who watch a thread or muted it. */
  watchingOrMuted(threadId: string): Promise<ThreadPreference[]> {
    // Read in a unit of work of its own: nothing loaded stays in the caller's.
    return this.getEntityManager()
      .fork()
      .find(this.entityName, {
        threadId,
        level: { $in: [ThreadNotificationLevel.WATCHING, ThreadNotificationLevel.MUTED] },
      });
  }

  /** Sets a person's level for one thread (an upsert, in a unit of work of its own). */
  async setLevel(userId: string, threadId: string, level: ThreadNotificationLevel): Promise<void> {
    await this.getEntityManager().fork().upsert(this.entityName, { userId, threadId, level });
  }

  /** Makes a person watch a thread unless they chose a level for it already; in the caller's transaction. */
  async watchIfUnset(em: EntityManager, userId: string, threadId: string): Promise<void> {
    await em.execute(
      'insert into thread_notification_preferences (user_id, thread_id, level) values (?, ?, ?) on conflict do nothing',
      [userId, threadId, ThreadNotificationLevel.WATCHING],
    );
  }
}
