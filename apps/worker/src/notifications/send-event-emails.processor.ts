import { Injectable } from '@nestjs/common';
import { JobQueue, jobIds, type JobPayloads } from '@convene/server-core';
import { NotificationsService } from '@convene/server-notifications';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

const JOBS_PER_SLICE = 500;

/** Queues one send-notification-email per notification of an event still owed its email. */
@Injectable()
@JobProcessor('send-event-emails')
export class SendEventEmailsProcessor implements JobHandler<'send-event-emails'> {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
  ) {}

  async handle(payload: JobPayloads['send-event-emails']): Promise<number> {
    const owed = await this.notifications.awaitingEmail(payload.eventId);
    // In slices, so Redis is never held for one long burst. A slice that fails is thrown, and the
    // job retried; job ids make the slices already queued harmless.
    for (let i = 0; i < owed.length; i += JOBS_PER_SLICE) {
      await this.jobs.addMany(
        'send-notification-email',
        owed.slice(i, i + JOBS_PER_SLICE).map((notificationId) => ({ payload: { notificationId }, jobId: jobIds.notificationEmail(notificationId) })),
      );
    }
    return owed.length;
  }
}
