import { Injectable } from '@nestjs/common';
import { MailService } from '@convene/server-mail';
import type { JobPayloads } from '@convene/server-core';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('send-mail')
export class SendMailProcessor implements JobHandler<'send-mail'> {
  constructor(private readonly mail: MailService) {}

  handle(payload: JobPayloads['send-mail']): Promise<'sent' | 'skipped'> {
    return this.mail.deliver(payload.mailId);
  }
}
