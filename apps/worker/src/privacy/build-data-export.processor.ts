import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@convene/server-core';
import { DataExportService } from '@convene/server-privacy';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('build-data-export')
export class BuildDataExportProcessor implements JobHandler<'build-data-export'> {
  constructor(private readonly exports: DataExportService) {}

  handle(payload: JobPayloads['build-data-export']): Promise<void> {
    return this.exports.build(payload.exportId);
  }
}
