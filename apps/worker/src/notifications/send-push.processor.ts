import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@convene/server-core';
import { PushDeliveryService, type PushResult } from '@convene/server-notifications';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

/** Sends one notification to one device; a failure worth retrying is thrown, and the queue retries with backoff. */
@Injectable()
@JobProcessor('send-push')
export class SendPushProcessor implements JobHandler<'send-push'> {
  constructor(private readonly push: PushDeliveryService) {}

  handle(payload: JobPayloads['send-push']): Promise<PushResult> {
    return this.push.send(payload);
  }
}
