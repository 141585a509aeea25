import { EntityRepositoryType } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey } from '@mikro-orm/decorators/legacy';
import { GroupNotificationLevel } from '@convene/shared-contracts';
import { GroupPreferenceRepository } from './group-preference.repository.js';

/** How much one person hears from one group; absent rows mean the default level. */
@Entity({ tableName: 'group_notification_preferences', repository: () => GroupPreferenceRepository })
export class GroupPreference {
  [EntityRepositoryType]?: GroupPreferenceRepository;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'uuid' })
  groupId!: string;

  @Enum({ items: () => GroupNotificationLevel, nativeEnumName: 'group_notification_level' })
  level!: GroupNotificationLevel;
}
