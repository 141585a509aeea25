import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, JobQueue, jobIds, type AppConfig, type JobPayloads } from '@convene/server-core';
import { NotificationsService, PushDeliveryService } from '@convene/server-notifications';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

/** Push jobs queued per round trip to Redis. */
const PUSH_JOBS_PER_SLICE = 500;

@Injectable()
@JobProcessor('deliver-event')
export class DeliverEventProcessor implements JobHandler<'deliver-event'> {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly push: PushDeliveryService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'notificationEmailDelaySeconds'>,
  ) {}

  /**
   * Writes the notifications (idempotently; the event is marked delivered with the last of them)
   * and shows each recipient theirs on their open sockets, slice by slice, as each is written.
   * Pushes to their devices go next, one job per notification and device (a retry goes to that
   * device alone; job ids make a second run's jobs the same jobs). Their emails follow later, from
   * one delayed job per event (queued on a retry too): whoever reads a notification in the app
   * meanwhile gets no email, and the emails of a change that tells thousands of people don't
   * compete with putting it on their screens.
   */
  async handle(payload: JobPayloads['deliver-event']): Promise<number> {
    const delivered = await this.notifications.fanOut(payload.eventId, (slice) => this.notifications.send(slice));
    const pushes = (await this.push.owedForEvent(payload.eventId)).map((owed) => ({
      payload: owed,
      jobId: jobIds.push(owed.notificationId, owed.subscriptionId),
    }));
    for (let i = 0; i < pushes.length; i += PUSH_JOBS_PER_SLICE) {
      await this.jobs.addMany('send-push', pushes.slice(i, i + PUSH_JOBS_PER_SLICE));
    }
    await this.jobs.add(
      'send-event-emails',
      { eventId: payload.eventId },
      { jobId: jobIds.eventEmails(payload.eventId), delay: this.config.notificationEmailDelaySeconds * 1000 },
    );
    return delivered.length;
  }
}
