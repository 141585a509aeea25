import { Injectable } from '@nestjs/common';
import { JobQueue, jobIds } from '@convene/server-core';
import { DocumentsService } from '@convene/server-documents';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

/** Finds documents whose text extraction job was lost (Redis was down after the upload) and queues it again. */
@Injectable()
@JobProcessor('sweep-document-text')
export class SweepDocumentTextProcessor implements JobHandler<'sweep-document-text'> {
  constructor(
    private readonly documents: DocumentsService,
    private readonly queue: JobQueue,
  ) {}

  async handle(): Promise<number> {
    const missing = await this.documents.missingText();
    await this.queue.addMany(
      'extract-document-text',
      missing.map((payload) => ({ payload, jobId: jobIds.documentText(payload.documentId, payload.version) })),
    );
    return missing.length;
  }
}
