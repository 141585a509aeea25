import { EntityRepository } from '@mikro-orm/postgresql';
import type { NotificationSettings } from './notification-settings.entity.js';

export class NotificationSettingsRepository extends EntityRepository<NotificationSettings> {
  /** The settings rows of some people, by person (those who never chose anything have none); one statement. */
  async byUser(userIds: string[]): Promise<Map<string, NotificationSettings>> {
    // Read in a unit of work of its own: nothing loaded stays in the caller's.
    const rows = await this.getEntityManager()
      .fork()
      .find(this.entityName, { userId: { $in: userIds } });
    return new Map(rows.map((row) => [row.userId, row]));
  }
}
