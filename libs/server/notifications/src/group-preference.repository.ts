import { EntityRepository, type EntityManager } from '@mikro-orm/postgresql';
import type {
  ChannelChoice,
  EmailDelivery,
  GroupNotificationLevel,
  NotificationCategory,
} from '@convene/shared-contracts';
import type { GroupPreference } from './group-preference.entity.js';

/** One person's level in a group and channels for a category, each null where they never chose. */
export interface ChosenLevelAndChannel {
  userId: string;
  level: GroupNotificationLevel | null;
  channel: ChannelChoice | null;
}

/** A person's channels for a category, left-joined: its columns are not null, so both are there or neither. */
type ChosenChannel =
  { in_app: boolean; email: EmailDelivery; push: boolean } | { in_app: null; email: null; push: null };

export class GroupPreferenceRepository extends EntityRepository<GroupPreference> {
  /** A person's chosen levels, in the caller's unit of work (groups they never chose for have none). */
  ofUser(em: EntityManager, userId: string): Promise<GroupPreference[]> {
    return em.find(this.entityName, { userId });
  }

  /** A person's chosen level for one group; null if they never chose. */
  async chosenLevel(userId: string, groupId: string): Promise<GroupNotificationLevel | null> {
    // Read in a unit of work of its own: nothing loaded stays in the caller's.
    const row = await this.getEntityManager().fork().findOne(this.entityName, { userId, groupId });
    return row?.level ?? null;
  }

  /** A person's chosen levels for some groups (given once each), by group; one statement. */
  async chosenLevels(userId: string, groupIds: string[]): Promise<Map<string, GroupNotificationLevel>> {
    // Read in a unit of work of its own: nothing loaded stays in the caller's.
    const rows = await this.getEntityManager()
      .fork()
      .find(this.entityName, { userId, groupId: { $in: groupIds } });
    return new Map(rows.map((r) => [r.groupId, r.level]));
  }

  /** Sets a person's level for one group (an upsert, in a unit of work of its own). */
  async setLevel(userId: string, groupId: string, level: GroupNotificationLevel): Promise<void> {
    await this.getEntityManager().fork().upsert(this.entityName, { userId, groupId, level });
  }

  /**
   * For each of some people (given once each): their level in a group and their channels for a
   * category. One statement, whatever the number of people.
   */
  async levelsAndChannels(
    userIds: string[],
    groupId: string | null,
    category: NotificationCategory,
  ): Promise<ChosenLevelAndChannel[]> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<({ user_id: string; level: GroupNotificationLevel | null } & ChosenChannel)[]>(
        `select p.id as user_id, g.level, c.in_app, c.email, c.push
       from unnest(?::uuid[]) as p(id)
       left join group_notification_preferences g on g.user_id = p.id and g.group_id = ?
       left join notification_channel_preferences c on c.user_id = p.id and c.category = ?`,
        [`{${userIds.join(',')}}`, groupId, category],
      );
    return rows.map((row) => ({
      userId: row.user_id,
      level: row.level,
      channel: row.email ? { inApp: row.in_app, email: row.email, push: row.push } : null,
    }));
  }
}
