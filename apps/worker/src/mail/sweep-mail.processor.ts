import { Injectable } from '@nestjs/common';
import { MailService } from '@convene/server-mail';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('sweep-mail')
export class SweepMailProcessor implements JobHandler<'sweep-mail'> {
  constructor(private readonly mail: MailService) {}

  handle(): Promise<number> {
    return this.mail.sweepStranded();
  }
}
