import { DocumentFolder } from './document-folder.entity.js';
import { DocumentSettings } from './document-settings.entity.js';
import { DocumentThreadLink } from './document-thread-link.entity.js';
import { DocumentVersion } from './document-version.entity.js';
import { Document } from './document.entity.js';

export { DocumentsModule } from './documents.module.js';
export { DocumentsService, type DocumentAccess, type DocumentListArgs } from './documents.service.js';
export { DocumentUploadService, type ReceivedFile } from './document-upload.service.js';
export { DocumentTextService, markdownWords } from './document-text.service.js';
export { DocumentSearchService, type DocumentSearchHit } from './document-search.service.js';
export { DocumentsErrorCode, documentsErrors } from './documents.errors.js';
export { KIND_TYPES, kindOf, type DocumentKind } from './document-kind.util.js';
export { describeType, previewKindOf, type PreviewKind } from './file-type.util.js';
export type { DocumentSort } from './document.repository.js';
export { newDocument, newDocumentFolder, type NewDocument, type NewDocumentFolder } from './documents.factory.js';
export type { Document, DocumentVersion, DocumentFolder };

/** Entities of this domain, for the ORM configuration of the composition roots. */
export const documentsEntities = [Document, DocumentVersion, DocumentFolder, DocumentSettings, DocumentThreadLink];
