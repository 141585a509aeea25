import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@convene/server-core';
import { NotificationMailService } from '@convene/server-notifications';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('send-digest')
export class SendDigestProcessor implements JobHandler<'send-digest'> {
  constructor(private readonly mail: NotificationMailService) {}

  handle(payload: JobPayloads['send-digest']): Promise<boolean> {
    return this.mail.sendDigest(payload.userId, payload.slot);
  }
}
