import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { GroupsModule } from '@convene/server-groups';
import { Notification } from './notification.entity.js';
import { NotificationSequence } from './notification-sequence.entity.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [MikroOrmModule.forFeature([Notification, NotificationSequence]), GroupsModule],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
