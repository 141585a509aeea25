import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, JobQueue, type AppConfig, type JobPayloads } from '@convene/server-core';
import { NotificationsService } from '@convene/server-notifications';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';
import { notificationEmailJobs } from './notification-email-jobs.js';

/** Re-enqueues notification emails whose job never ran (Redis lost it, or it was never added). */
@Injectable()
@JobProcessor('sweep-notification-email')
export class SweepNotificationEmailProcessor implements JobHandler<'sweep-notification-email'> {
  private readonly logger = new Logger(SweepNotificationEmailProcessor.name);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(payload: JobPayloads['sweep-notification-email']): Promise<number> {
    // Older than the email delay and a minute more: their job should have run by now. Right after
    // Redis came back, every email already due may have lost its job: those go at once.
    const margin = payload.everything ? 0 : 60;
    const ids = await this.notifications.strandedEmails(
      new Date(Date.now() - (this.config.notificationEmailDelaySeconds + margin) * 1000),
      500,
    );
    await this.jobs.addManyAfterCommit('send-notification-emails', notificationEmailJobs(ids));
    if (ids.length) this.logger.log(`Re-enqueued ${ids.length} notification email(s)`);
    return ids.length;
  }
}
