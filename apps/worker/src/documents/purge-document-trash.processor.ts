import { Injectable } from '@nestjs/common';
import { DocumentsService } from '@convene/server-documents';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('purge-document-trash')
export class PurgeDocumentTrashProcessor implements JobHandler<'purge-document-trash'> {
  constructor(private readonly documents: DocumentsService) {}

  handle(): Promise<number> {
    return this.documents.purgeTrash();
  }
}
