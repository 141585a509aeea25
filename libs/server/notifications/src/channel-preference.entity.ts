import { EntityRepositoryType } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { EmailDelivery, NotificationCategory } from '@convene/shared-contracts';
import { ChannelPreferenceRepository } from './channel-preference.repository.js';

/** How one person hears about one category of notification; absent rows mean the defaults. */
@Entity({ tableName: 'notification_channel_preferences', repository: () => ChannelPreferenceRepository })
export class ChannelPreference {
  [EntityRepositoryType]?: ChannelPreferenceRepository;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => NotificationCategory, nativeEnumName: 'notification_category', primary: true })
  category!: NotificationCategory;

  @Property({ type: 'boolean' })
  inApp!: boolean;

  @Enum({ items: () => EmailDelivery, nativeEnumName: 'email_delivery' })
  email!: EmailDelivery;

  /** Pushed to the person's devices where they turned notifications on. */
  @Property({ type: 'boolean' })
  push!: boolean;
}
