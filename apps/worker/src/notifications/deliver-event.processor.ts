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
    for (const { recipientId, seq } of delivered) this.realtime.notify(recipientId, seq);
    return delivered.length;
  }
}
