import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { EmailDelivery, NotificationCategory } from '@convene/shared-contracts';

/** How one person hears about one category of notification; absent rows mean the defaults. */
@Entity({ tableName: 'notification_channel_preferences' })
export class ChannelPreference {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => NotificationCategory, nativeEnumName: 'notification_category', primary: true })
  category!: NotificationCategory;

  @Property({ type: 'boolean' })
  inApp!: boolean;

  @Enum({ items: () => EmailDelivery, nativeEnumName: 'email_delivery' })
  email!: EmailDelivery;
}
