import { Injectable } from '@nestjs/common';
import { OutboxService, type JobPayloads } from '@convene/server-core';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('relay-outbox')
export class RelayOutboxProcessor implements JobHandler<'relay-outbox'> {
  constructor(private readonly outbox: OutboxService) {}

  handle(payload: JobPayloads['relay-outbox']): Promise<number> {
    return this.outbox.relay({ everything: payload.everything === true });
  }
}
