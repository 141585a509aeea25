import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { GroupsModule } from '@convene/server-groups';
import { MailModule } from '@convene/server-mail';
import { NotificationsModule } from '@convene/server-notifications';
import { DiscussionAccess } from './discussion-access.service.js';
import { DiscussionModerationService } from './discussion-moderation.service.js';
import { DiscussionSearchService } from './discussion-search.service.js';
import { DiscussionsService } from './discussions.service.js';
import { ThreadRealtime } from './thread-realtime.service.js';
import { DiscussionMail } from './discussion-mail.service.js';
import { discussionsEntities } from './discussions.entities.js';
import { DiscussionsPersonalData } from './discussions-personal-data.js';

@Module({
  imports: [MikroOrmModule.forFeature(discussionsEntities), GroupsModule, MailModule, NotificationsModule],
  providers: [
    DiscussionAccess,
    ThreadRealtime,
    DiscussionsService,
    DiscussionModerationService,
    DiscussionSearchService,
    DiscussionsPersonalData,
    DiscussionMail,
  ],
  exports: [DiscussionAccess, DiscussionsService, DiscussionModerationService, DiscussionSearchService, DiscussionMail],
})
export class DiscussionsModule {}
