import { EntityRepositoryType } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey } from '@mikro-orm/decorators/legacy';
import { ThreadNotificationLevel } from '@convene/shared-contracts';
import { ThreadPreferenceRepository } from './thread-preference.repository.js';

/**
 * How much one person hears from one discussion. Absent rows mean NORMAL; starting or replying
 * in a discussion writes WATCHING unless the person chose something already.
 */
@Entity({ tableName: 'thread_notification_preferences', repository: () => ThreadPreferenceRepository })
// Who watches a discussion is asked on every post in it (the primary key leads with the person).
@Index({ properties: ['threadId'] })
export class ThreadPreference {
  [EntityRepositoryType]?: ThreadPreferenceRepository;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'uuid' })
  threadId!: string;

  @Enum({ items: () => ThreadNotificationLevel, nativeEnumName: 'thread_notification_level' })
  level!: ThreadNotificationLevel;
}
