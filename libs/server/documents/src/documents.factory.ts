// The rows of this domain made outside its services — the demo seed and the tests' data — in the
// caller's EntityManager (written on its next flush). Rows of other domains are given by id.
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkingGroup } from '@convene/server-groups';
import { User } from '@convene/server-identity';
import { DocumentFolder } from './document-folder.entity.js';
import { DocumentVersion } from './document-version.entity.js';
import { Document } from './document.entity.js';

export type NewDocumentFolder = Pick<DocumentFolder, 'name'> & {
  group: Pick<WorkingGroup, 'id'>;
  createdBy: Pick<User, 'id'>;
};

/**
 * A document as its first upload makes it. The bytes must already be in the file storage under
 * `storageKey`; they are given here for their size and checksum.
 */
export type NewDocument = Pick<DocumentVersion, 'fileName' | 'contentType' | 'storageKey'> &
  Partial<Pick<Document, 'description' | 'extractedText'>> & {
    group: Pick<WorkingGroup, 'id'>;
    folder?: DocumentFolder | null;
    createdBy: Pick<User, 'id'>;
    bytes: Buffer;
  };

export function newDocumentFolder(
  em: EntityManager,
  { group, createdBy, ...values }: NewDocumentFolder,
): DocumentFolder {
  return em.create(DocumentFolder, {
    ...values,
    group: em.getReference(WorkingGroup, group.id, { wrapped: true }),
    createdById: createdBy.id,
  });
}

/** A document and its version 1, titled with the file's name as an upload is. */
export function newDocument(
  em: EntityManager,
  { group, folder = null, createdBy, bytes, fileName, contentType, storageKey, ...values }: NewDocument,
): Document {
  const uploader = em.getReference(User, createdBy.id, { wrapped: true });
  const document = em.create(Document, {
    ...values,
    group: em.getReference(WorkingGroup, group.id, { wrapped: true }),
    folder,
    title: fileName,
    contentType,
    size: bytes.length,
    createdBy: uploader,
  });
  em.create(DocumentVersion, {
    document,
    number: 1,
    fileName,
    storageKey,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentType,
    uploadedBy: uploader,
  });
  return document;
}
