import { Entity, Enum, PrimaryKey } from '@mikro-orm/decorators/legacy';
import { GroupNotificationLevel } from '@convene/shared-contracts';

/** How much one person hears from one group; absent rows mean the default level. */
@Entity({ tableName: 'group_notification_preferences' })
export class GroupPreference {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'uuid' })
  groupId!: string;

  @Enum({ items: () => GroupNotificationLevel, nativeEnumName: 'group_notification_level' })
  level!: GroupNotificationLevel;
}
