import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@convene/server-core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { GroupsModule } from '@convene/server-groups';
import { IdentityModule } from '@convene/server-identity';
import { MailModule } from '@convene/server-mail';
import { ChannelPreference } from './channel-preference.entity.js';
import { GroupPreference } from './group-preference.entity.js';
import { ThreadPreference } from './thread-preference.entity.js';
import { Notification } from './notification.entity.js';
import { NotificationSequence } from './notification-sequence.entity.js';
import { NotificationSettings } from './notification-settings.entity.js';
import { NotificationMailService } from './notification-mail.service.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationsPersonalData } from './notifications-personal-data.js';
import { PushSubscription } from './push-subscription.entity.js';
import { PushSender } from './push-sender.js';
import { PushDevicesService } from './push-devices.service.js';
import { PushDeliveryService } from './push-delivery.service.js';
import { VAPID_KEYS, loadVapidKeys } from './vapid-keys.js';

@Module({
  imports: [
    MikroOrmModule.forFeature([
      Notification,
      NotificationSequence,
      NotificationSettings,
      ChannelPreference,
      GroupPreference,
      ThreadPreference,
      PushSubscription,
    ]),
    GroupsModule,
    IdentityModule,
    MailModule,
  ],
  providers: [
    NotificationsService,
    NotificationPreferencesService,
    NotificationMailService,
    NotificationsPersonalData,
    // Read (or made, outside production) once at start: a missing or broken key stops the start.
    { provide: VAPID_KEYS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadVapidKeys(config) },
    PushSender,
    PushDevicesService,
    PushDeliveryService,
  ],
  exports: [
    NotificationsService,
    NotificationPreferencesService,
    NotificationMailService,
    PushDevicesService,
    PushDeliveryService,
  ],
})
export class NotificationsModule {}
