import { Injectable } from '@nestjs/common';
import { SessionsService } from '@convene/server-identity';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('purge-sessions')
export class PurgeSessionsProcessor implements JobHandler<'purge-sessions'> {
  constructor(private readonly sessions: SessionsService) {}

  handle(): Promise<number> {
    return this.sessions.purgeExpired();
  }
}
