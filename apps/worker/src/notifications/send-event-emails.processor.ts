import { Injectable } from '@nestjs/common';
import { JobQueue, type JobPayloads } from '@convene/server-core';
import { NotificationsService } from '@convene/server-notifications';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';
import { notificationEmailJobs } from './notification-email-jobs.js';

const JOBS_PER_SLICE = 500;

/** Queues the emails still owed for an event's notifications, a batch of them per job. */
@Injectable()
@JobProcessor('send-event-emails')
export class SendEventEmailsProcessor implements JobHandler<'send-event-emails'> {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
  ) {}

  async handle(payload: JobPayloads['send-event-emails']): Promise<number> {
    const owed = await this.notifications.awaitingEmail(payload.eventId);
    const jobs = notificationEmailJobs(owed);
    // In slices, so Redis is never held for one long burst. A slice that fails is thrown, and the
    // job retried; job ids make the slices already queued harmless.
    for (let i = 0; i < jobs.length; i += JOBS_PER_SLICE) {
      await this.jobs.addMany('send-notification-emails', jobs.slice(i, i + JOBS_PER_SLICE));
    }
    return owed.length;
  }
}
