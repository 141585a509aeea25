import { Injectable } from '@nestjs/common';
import { PitchAttachmentsService, PitchesService } from '@convene/server-submissions';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('purge-pitches')
export class PurgePitchesProcessor implements JobHandler<'purge-pitches'> {
  constructor(
    private readonly pitches: PitchesService,
    private readonly attachments: PitchAttachmentsService,
  ) {}

  async handle(): Promise<number> {
    return (await this.pitches.purgeExpired()) + (await this.attachments.purgeUnclaimed());
  }
}
