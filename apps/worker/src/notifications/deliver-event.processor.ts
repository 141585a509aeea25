import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@convene/server-core';
import { NotificationsService } from '@convene/server-notifications';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';
import { RealtimeEmitter } from './realtime-emitter.js';

@Injectable()
@JobProcessor('deliver-event')
export class DeliverEventProcessor implements JobHandler<'deliver-event'> {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  /** Writes the notifications (idempotently), then signals each recipient's open sockets. */
  async handle(payload: JobPayloads['deliver-event']): Promise<number> {
    const delivered = await this.notifications.fanOut(payload.eventId);
    if (delivered.length === 1) this.realtime.notify(delivered[0]!.recipientId, delivered[0]!.seq);
    else if (delivered.length > 1) this.realtime.notifyMany(delivered.map((d) => d.recipientId));
    return delivered.length;
  }
}
