import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, JobQueue, jobIds, type AppConfig, type JobPayloads } from '@convene/server-core';
import { NotificationsService } from '@convene/server-notifications';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';
import { RealtimeEmitter } from './realtime-emitter.js';

@Injectable()
@JobProcessor('deliver-event')
export class DeliverEventProcessor implements JobHandler<'deliver-event'> {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeEmitter,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'notificationEmailDelaySeconds'>,
  ) {}

  /**
   * Writes the notifications (idempotently) and signals each recipient's open sockets, slice by
   * slice. Their
   * emails follow later, from one delayed job per event (queued on a retry too): whoever reads a
   * notification in the app meanwhile gets no email, and the emails of a change that tells
   * thousands of people don't compete with putting it on their screens.
   */
  async handle(payload: JobPayloads['deliver-event']): Promise<number> {
    // Each slice of people is signalled as soon as it is written.
    const delivered = await this.notifications.fanOut(payload.eventId, (slice) => {
      if (slice.length === 1) this.realtime.notify(slice[0]!.recipientId, slice[0]!.seq);
      else this.realtime.notifyMany(slice.map((d) => d.recipientId));
    });
    await this.jobs.add(
      'send-event-emails',
      { eventId: payload.eventId },
      { jobId: jobIds.eventEmails(payload.eventId), delay: this.config.notificationEmailDelaySeconds * 1000 },
    );
    return delivered.length;
  }
}
