import { Injectable } from '@nestjs/common';
import { DocumentTextService } from '@convene/server-documents';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';
import type { JobPayloads } from '@convene/server-core';

@Injectable()
@JobProcessor('extract-document-text')
export class ExtractDocumentTextProcessor implements JobHandler<'extract-document-text'> {
  constructor(private readonly text: DocumentTextService) {}

  handle(payload: JobPayloads['extract-document-text']): Promise<boolean> {
    return this.text.extract(payload.documentId, payload.version);
  }
}
