import { Injectable } from '@nestjs/common';
import { DataExportService } from '@convene/server-privacy';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('purge-data-exports')
export class PurgeDataExportsProcessor implements JobHandler<'purge-data-exports'> {
  constructor(private readonly exports: DataExportService) {}

  handle(): Promise<number> {
    return this.exports.purge();
  }
}
