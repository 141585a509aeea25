import { Module } from '@nestjs/common';
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

@Module({
  imports: [
    MikroOrmModule.forFeature([
      Notification,
      NotificationSequence,
      NotificationSettings,
      ChannelPreference,
      GroupPreference,
      ThreadPreference,
    ]),
    GroupsModule,
    IdentityModule,
    MailModule,
  ],
  providers: [NotificationsService, NotificationPreferencesService, NotificationMailService, NotificationsPersonalData],
  exports: [NotificationsService, NotificationPreferencesService, NotificationMailService],
})
export class NotificationsModule {}
