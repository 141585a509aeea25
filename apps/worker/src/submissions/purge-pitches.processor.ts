import { Injectable } from '@nestjs/common';
import { PitchAttachmentsService, PitchRetentionService } from '@convene/server-submissions';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('purge-pitches')
export class PurgePitchesProcessor implements JobHandler<'purge-pitches'> {
  constructor(
    private readonly retention: PitchRetentionService,
    private readonly attachments: PitchAttachmentsService,
  ) {}

  async handle(): Promise<number> {
    return (await this.retention.purgeExpired()) + (await this.attachments.purgeUnclaimed());
  }
}
