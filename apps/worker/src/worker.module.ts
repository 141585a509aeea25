import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import {
  APP_CONFIG,
  AuditModule,
  ConfigModule,
  DatabasePoolMetrics,
  MetricsModule,
  PersonalDataModule,
  QueueModule,
  RealtimeModule,
  RedisModule,
  createOrmConfig,
  type AppConfig,
} from '@convene/server-core';
import { MailModule } from '@convene/server-mail';
import { IdentityModule } from '@convene/server-identity';
import { NotificationsModule } from '@convene/server-notifications';
import { DocumentsModule } from '@convene/server-documents';
import { MeetingsModule } from '@convene/server-meetings';
import { SubmissionsModule } from '@convene/server-submissions';
import { PrivacyModule } from '@convene/server-privacy';
import { DiscussionsModule } from '@convene/server-discussions';
import { GroupsModule } from '@convene/server-groups';
import { ormEntities } from './orm-entities.js';
import { JobRunner } from './jobs/job-runner.service.js';
import { JobMetrics } from './jobs/job.metrics.js';
import { SendMailProcessor } from './mail/send-mail.processor.js';
import { SweepMailProcessor } from './mail/sweep-mail.processor.js';
import { PurgeSessionsProcessor } from './identity/purge-sessions.processor.js';
import { DeliverEventProcessor } from './notifications/deliver-event.processor.js';
import { RelayOutboxProcessor } from './notifications/relay-outbox.processor.js';
import { SendNotificationEmailsProcessor } from './notifications/send-notification-emails.processor.js';
import { SendEventEmailsProcessor } from './notifications/send-event-emails.processor.js';
import { SweepNotificationEmailProcessor } from './notifications/sweep-notification-email.processor.js';
import { ScheduleDigestsProcessor } from './notifications/schedule-digests.processor.js';
import { SendDigestProcessor } from './notifications/send-digest.processor.js';
import { SendPushProcessor } from './notifications/send-push.processor.js';
import { ExtractDocumentTextProcessor } from './documents/extract-document-text.processor.js';
import { SweepDocumentTextProcessor } from './documents/sweep-document-text.processor.js';
import { PurgeDocumentTrashProcessor } from './documents/purge-document-trash.processor.js';
import { SendMeetingReminderProcessor } from './meetings/send-meeting-reminder.processor.js';
import { SweepMeetingRemindersProcessor } from './meetings/sweep-meeting-reminders.processor.js';
import { PurgeEventRegistrationsProcessor } from './meetings/purge-event-registrations.processor.js';
import { PurgePitchesProcessor } from './submissions/purge-pitches.processor.js';
import { BuildDataExportProcessor } from './privacy/build-data-export.processor.js';
import { PurgeDataExportsProcessor } from './privacy/purge-data-exports.processor.js';

/** The worker's composition root: BullMQ processors and schedules only. */
@Module({
  imports: [
    ConfigModule,
    MetricsModule.forRoot('worker'),
    RedisModule,
    QueueModule,
    RealtimeModule,
    AuditModule,
    PersonalDataModule,
    DiscoveryModule,
    MikroOrmModule.forRootAsync({
      driver: PostgreSqlDriver,
      inject: [APP_CONFIG, DatabasePoolMetrics],
      useFactory: (config: AppConfig, poolMetrics: DatabasePoolMetrics) => ({
        ...createOrmConfig(config, ormEntities, poolMetrics),
        registerRequestContext: false,
      }),
    }),
    MailModule,
    IdentityModule,
    NotificationsModule,
    DocumentsModule,
    MeetingsModule,
    SubmissionsModule,
    PrivacyModule,
    // Their personal-data sources, for exports.
    GroupsModule,
    DiscussionsModule,
  ],
  providers: [
    JobRunner,
    JobMetrics,
    SendMailProcessor,
    SweepMailProcessor,
    PurgeSessionsProcessor,
    DeliverEventProcessor,
    RelayOutboxProcessor,
    SendEventEmailsProcessor,
    SendNotificationEmailsProcessor,
    SweepNotificationEmailProcessor,
    ScheduleDigestsProcessor,
    SendDigestProcessor,
    SendPushProcessor,
    ExtractDocumentTextProcessor,
    SweepDocumentTextProcessor,
    PurgeDocumentTrashProcessor,
    SendMeetingReminderProcessor,
    SweepMeetingRemindersProcessor,
    PurgeEventRegistrationsProcessor,
    PurgePitchesProcessor,
    BuildDataExportProcessor,
    PurgeDataExportsProcessor,
  ],
})
export class WorkerModule {}
