import { Injectable } from '@nestjs/common';
import { JobQueue, jobIds, type JobPayloads } from '@convene/server-core';
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
  ) {}

  /**
   * Writes the notifications (idempotently), signals each recipient's open sockets, then queues
   * the emails still owed for this event — on a retry too, so an email is never left behind.
   */
  async handle(payload: JobPayloads['deliver-event']): Promise<number> {
    const delivered = await this.notifications.fanOut(payload.eventId);
    if (delivered.length === 1) this.realtime.notify(delivered[0]!.recipientId, delivered[0]!.seq);
    else if (delivered.length > 1) this.realtime.notifyMany(delivered.map((d) => d.recipientId));
    const owed = await this.notifications.awaitingEmail(payload.eventId);
    await this.jobs.addManyAfterCommit(
      'send-notification-email',
      owed.map((notificationId) => ({ payload: { notificationId }, jobId: jobIds.notificationEmail(notificationId) })),
    );
    return delivered.length;
  }
}
