import { Entity, Enum, PrimaryKey } from '@mikro-orm/decorators/legacy';
import { ThreadNotificationLevel } from '@convene/shared-contracts';

/**
 * How much one person hears from one discussion. Absent rows mean NORMAL; starting or replying
 * in a discussion writes WATCHING unless the person chose something already.
 */
@Entity({ tableName: 'thread_notification_preferences' })
export class ThreadPreference {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'uuid' })
  threadId!: string;

  @Enum({ items: () => ThreadNotificationLevel, nativeEnumName: 'thread_notification_level' })
  level!: ThreadNotificationLevel;
}
