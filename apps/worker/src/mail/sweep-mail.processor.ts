import { Injectable } from '@nestjs/common';
import { MailService } from '@convene/server-mail';
import type { JobPayloads } from '@convene/server-core';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('sweep-mail')
export class SweepMailProcessor implements JobHandler<'sweep-mail'> {
  constructor(private readonly mail: MailService) {}

  handle(payload: JobPayloads['sweep-mail']): Promise<number> {
    // Right after Redis came back every queued message may have lost its job; otherwise only those
    // a minute old are owed (younger ones' jobs are on their way).
    return this.mail.sweepStranded(payload.everything ? 0 : 60_000);
  }
}
