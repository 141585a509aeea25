import { Injectable } from '@nestjs/common';
import { EventRegistrationsService } from '@convene/server-meetings';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('purge-event-registrations')
export class PurgeEventRegistrationsProcessor implements JobHandler<'purge-event-registrations'> {
  constructor(private readonly events: EventRegistrationsService) {}

  handle(): Promise<number> {
    return this.events.purgeExpired();
  }
}
