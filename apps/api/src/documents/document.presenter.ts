import { Injectable } from '@nestjs/common';
import type { Viewer } from '@convene/server-core';
import { DiscussionAccess, renderMarkdown } from '@convene/server-discussions';
import {
  DocumentTextService,
  DocumentsService,
  previewKindOf,
  type Document,
  type DocumentVersion,
} from '@convene/server-documents';
import { IdentityService } from '@convene/server-identity';
import { UserModel } from '../identity/user.model.js';
import { preload } from '../graphql/preloaded-fields.js';
import {
  DocumentFolderModel,
  DocumentModel,
  DocumentVersionModel,
  type DocumentPreloads,
  type LinkedThreadModel,
  type TextPreviewModel,
} from './document.model.js';

/** What the viewer may do to the documents of one group. */
export interface DocumentRights {
  canEdit: boolean;
  canManage: boolean;
}

/**
 * Documents as GraphQL models, as the viewer sees them. For a page of documents, whatever the
 * query asks of them (uploaders always; folders, versions and their uploaders, text previews,
 * linked discussions when asked) is loaded once for the whole page: a few statements whatever its
 * length. A text preview also reads the start of each file from storage.
 */
@Injectable()
export class DocumentPresenter {
  constructor(
    private readonly library: DocumentsService,
    private readonly text: DocumentTextService,
    private readonly threads: DiscussionAccess,
    private readonly identity: IdentityService,
  ) {}

  /** `rights`: the same for all, or per document (a search spans groups); `asks`: whether the query selects a field of the documents. */
  async documents(
    viewer: Viewer,
    documents: Document[],
    rights: DocumentRights | ((d: Document) => DocumentRights),
    asks: (field: string) => boolean = () => false,
  ): Promise<DocumentModel[]> {
    const rightsOf = typeof rights === 'function' ? rights : () => rights;
    const ids = documents.map((d) => d.id);
    const [people, folders, versions, previews, linked] = await Promise.all([
      this.identity.peopleByIds(documents.map((d) => d.createdBy.id)),
      asks('folder') ? this.library.foldersByIds(documents.flatMap((d) => (d.folder ? [d.folder.id] : []))) : null,
      asks('versions') ? this.versionsOf(ids) : null,
      asks('textPreview') ? this.previewsOf(documents) : null,
      asks('linkedThreads') ? this.linkedThreadsOf(viewer, documents) : null,
    ]);
    return documents.map((d) => {
      const model = DocumentModel.from(d, { ...rightsOf(d), userId: viewer.userId });
      const person = people.get(model.createdById);
      model.createdBy = person ? UserModel.fromValues(person) : null;
      const loaded: Partial<DocumentPreloads> = {};
      if (folders) {
        const folder = model.folderId ? folders.get(model.folderId) : undefined;
        loaded.folder = folder ? DocumentFolderModel.from(folder) : null;
      }
      if (versions) loaded.versions = versions.get(d.id) ?? [];
      if (previews) loaded.textPreview = previews.get(d.id) ?? null;
      if (linked) loaded.linkedThreads = linked.get(d.id) ?? [];
      preload(model, loaded);
      return model;
    });
  }

  /** Every version of some documents, newest first, with their uploaders: two statements. */
  async versionsOf(documentIds: string[]): Promise<Map<string, DocumentVersionModel[]>> {
    const versions = await this.library.versionsOf(documentIds);
    const people = await this.identity.peopleByIds(
      [...versions.values()].flatMap((list) => list.map((v) => v.uploadedBy.id)),
    );
    return new Map(
      [...versions].map(([documentId, list]) => [
        documentId,
        list.map((v) => {
          const model = DocumentVersionModel.from(v, documentId);
          const person = people.get(model.uploadedById);
          return Object.assign(model, { uploadedBy: person ? UserModel.fromValues(person) : null });
        }),
      ]),
    );
  }

  /** The start of each text or Markdown document's current version (one statement, then the files); null for other types. */
  async previewsOf(documents: Document[]): Promise<Map<string, TextPreviewModel | null>> {
    const texts = documents.filter((d) => isText(d));
    const current = await this.library.currentVersionsOf(texts);
    const entries = await Promise.all(
      texts.map(async (d) => [d.id, await this.preview(d, current.get(d.id))] as const),
    );
    return new Map(entries);
  }

  /** The discussions of each document's group it is linked to, as the viewer may read them: a few statements. */
  async linkedThreadsOf(viewer: Viewer, documents: Document[]): Promise<Map<string, LinkedThreadModel[]>> {
    const links = await this.library.linkedThreadIdsOf(documents.map((d) => d.id));
    const threads = await this.threads.readableThreads(viewer, [...links.values()].flat());
    // A thread moved to another group since drops out.
    const inGroup = (d: Document) => (id: string) => {
      const thread = threads.get(id);
      return thread && thread.groupId === d.group.id ? [{ id: thread.id, title: thread.title }] : [];
    };
    return new Map(documents.map((d) => [d.id, (links.get(d.id) ?? []).flatMap(inGroup(d))]));
  }

  private async preview(document: Document, version: DocumentVersion | undefined): Promise<TextPreviewModel | null> {
    if (!version) return null;
    const preview = await this.text.preview(version);
    if (!preview) return null;
    return { ...preview, html: document.contentType === 'text/markdown' ? renderMarkdown(preview.text) : null };
  }
}

/** Only text and Markdown have a preview. */
function isText(document: Document): boolean {
  const kind = previewKindOf(document.contentType);
  return kind === 'TEXT' || kind === 'MARKDOWN';
}
