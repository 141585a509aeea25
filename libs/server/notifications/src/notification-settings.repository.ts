import { EntityRepository, type EntityManager } from '@mikro-orm/postgresql';
import { NotificationSettings } from './notification-settings.entity.js';

export class NotificationSettingsRepository extends EntityRepository<NotificationSettings> {
  /** The settings rows of some people, by person (those who never chose anything have none); one statement. */
  async byUser(userIds: string[]): Promise<Map<string, NotificationSettings>> {
    // Read in a unit of work of its own: nothing loaded stays in the caller's.
    const rows = await this.getEntityManager()
      .fork()
      .find(this.entityName, { userId: { $in: userIds } });
    return new Map(rows.map((row) => [row.userId, row]));
  }

  /** A person's settings row in the caller's unit of work; null if they never chose anything. */
  ofUser(em: EntityManager, userId: string): Promise<NotificationSettings | null> {
    return em.findOne(this.entityName, { userId });
  }

  /**
   * The settings rows of some people, by person, read afresh into the caller's unit of work (so
   * its transaction sees what is in the database now); those with none are left out.
   */
  async reloadedByUser(em: EntityManager, userIds: string[]): Promise<Map<string, NotificationSettings>> {
    const rows = await em.find(this.entityName, { userId: { $in: userIds } }, { refresh: true });
    return new Map(rows.map((row) => [row.userId, row]));
  }

  /**
   * Writes the default settings row of some people, in the caller's transaction; a row someone has
   * already (made meanwhile by another transaction) is left as it is. One statement.
   */
  async insertDefaults(em: EntityManager, userIds: string[]): Promise<void> {
    const values = userIds.flatMap((userId) => {
      const fresh = new NotificationSettings();
      return [
        userId,
        fresh.contentFree,
        fresh.digestFrequency,
        fresh.digestHour,
        fresh.digestWeekday,
        fresh.unsubscribeKey,
      ];
    });
    await em.getConnection().execute(
      `insert into notification_settings (user_id, content_free, digest_frequency, digest_hour, digest_weekday, unsubscribe_key)
         values ${userIds.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')} on conflict (user_id) do nothing`,
      values,
    );
  }

  /** Which of some people (given once each) asked for content-free notifications everywhere; one statement. */
  async contentFreeAmong(userIds: string[]): Promise<Set<string>> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ user_id: string }[]>(
        `select user_id from notification_settings where content_free and user_id in (${userIds.map(() => '?').join(', ')})`,
        userIds,
      );
    return new Set(rows.map((r) => r.user_id));
  }
}
