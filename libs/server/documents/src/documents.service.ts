import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, LockMode, UniqueConstraintViolationException, ref } from '@mikro-orm/postgresql';
import {
  APP_CONFIG,
  InputCheck,
  JobQueue,
  OutboxService,
  jobIds,
  isUuid,
  stripControlCharacters,
  type AppConfig,
  type Viewer,
} from '@convene/server-core';
import { LIMITS } from '@convene/shared-contracts';
import { GroupsService, WorkingGroup, type GroupView } from '@convene/server-groups';
import { User } from '@convene/server-identity';
import { DocumentFolder } from './document-folder.entity.js';
import { DocumentSettings } from './document-settings.entity.js';
import { DocumentThreadLink } from './document-thread-link.entity.js';
import { DocumentVersion } from './document-version.entity.js';
import { Document } from './document.entity.js';
import { DocumentRepository, type DocumentCursor, type DocumentSort } from './document.repository.js';
import { documentsErrors } from './documents.errors.js';
import type { ReceivedFile } from './document-upload.service.js';
import { DEFAULT_ALLOWED_TYPES } from './file-type.util.js';
import { KIND_TYPES, type DocumentKind } from './document-kind.util.js';
import { FileStorage } from '@convene/server-storage';

export interface Page<T> {
  nodes: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** A document as one viewer may see it, with what they may do to it. */
export interface DocumentAccess {
  document: Document;
  view: GroupView;
  canEdit: boolean;
  canManage: boolean;
}

export interface DocumentListArgs {
  first?: number | null;
  after?: string | null;
  sort?: DocumentSort | null;
  folderId?: string | null;
  /** Only the top level (documents in no folder). */
  topLevel?: boolean | null;
  tag?: string | null;
  kind?: DocumentKind | null;
  trashed?: boolean | null;
}

/** How long a document stays in the trash before it is purged. */
export const TRASH_DAYS = 30;
const TAG_PATTERN = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

const encodeCursor = (sort: DocumentSort, document: Document) => {
  const value =
    sort === 'NAME' ? document.title : sort === 'SIZE' ? String(document.size) : document.updatedAt.toISOString();
  return Buffer.from(JSON.stringify([sort, value, document.id])).toString('base64url');
};

function decodeCursor(check: InputCheck, cursor: string | null | undefined, sort: DocumentSort): DocumentCursor | null {
  if (!cursor) return null;
  try {
    const [cursorSort, raw, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string,
      string,
      string,
    ];
    const value = sort === 'NAME' ? raw : sort === 'SIZE' ? Number(raw) : new Date(raw);
    const valid =
      cursorSort === sort &&
      typeof raw === 'string' &&
      typeof id === 'string' &&
      isUuid(id) &&
      (typeof value === 'string' || !Number.isNaN(Number(value)));
    if (valid) return { sort, value, id };
  } catch {
    // Falls through to the field message.
  }
  check.fail('after', 'This cursor is not valid for this order; start from the first page.');
  return null;
}

/**
 * A group's shared documents. Active members read them; members and convenors (not observers) add
 * and change them; convenors restore from the trash. Another group's document is "not found".
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly documents: DocumentRepository,
    private readonly groups: GroupsService,
    private readonly outbox: OutboxService,
    private readonly storage: FileStorage,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get maxBytes(): number {
    return this.config.documentMaxBytes;
  }

  // ---- reading ----

  /** A document the viewer may read: active members of its group; trashed ones for convenors only. */
  async byId(viewer: Viewer, id: string, field = 'id'): Promise<DocumentAccess> {
    const check = new InputCheck();
    const documentId = check.uuid(field, id, 'Document');
    check.done();
    const document = await this.documents.findOne({ id: documentId });
    if (!document) throw documentsErrors.documentNotFound();
    const access = await this.accessTo(viewer, document);
    if (!access) throw documentsErrors.documentNotFound();
    return access;
  }

  private async accessTo(viewer: Viewer, document: Document): Promise<DocumentAccess | null> {
    const view = await this.groups.byId(viewer, document.group.id);
    if (!view.isActiveMember) return null;
    const canManage = view.canManage;
    if (document.deletedAt && !canManage) return null;
    return { document, view, canEdit: view.canContribute, canManage };
  }

  /** A group's documents, one bounded page, in the chosen order and filters. Null for people outside the group. */
  async page(view: GroupView, args: DocumentListArgs): Promise<Page<Document> | null> {
    if (!view.isActiveMember) return null;
    const sort = args.sort ?? 'UPDATED';
    const check = new InputCheck();
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > LIMITS.documentPageMax)
      check.fail('first', `Ask for between 1 and ${LIMITS.documentPageMax} documents.`);
    const after = decodeCursor(check, args.after, sort);
    const folderId = args.folderId ? check.uuid('folderId', args.folderId, 'Folder') : undefined;
    check.done();
    if (args.trashed && !view.canManage) return null;
    const nodes = await this.documents.pageOf(
      {
        groupId: view.group.id,
        folderId: folderId ?? (args.topLevel ? null : undefined),
        tag: args.tag?.trim().toLowerCase() || null,
        contentTypes: args.kind ? [...KIND_TYPES[args.kind]] : null,
        trashed: Boolean(args.trashed),
      },
      sort,
      first,
      after,
    );
    const hasNextPage = nodes.length > first;
    if (hasNextPage) nodes.pop();
    const last = nodes.at(-1);
    return { nodes, hasNextPage, endCursor: last ? encodeCursor(sort, last) : null };
  }

  /** Every version of several documents already checked for the viewer, newest first, in one query. */
  async versionsOf(documentIds: string[]): Promise<Map<string, DocumentVersion[]>> {
    const out = new Map<string, DocumentVersion[]>(documentIds.map((id) => [id, []]));
    if (!documentIds.length) return out;
    const rows = await this.em.find(
      DocumentVersion,
      { document: { $in: [...out.keys()] } },
      { orderBy: [{ document: 'asc' }, { number: 'desc' }] },
    );
    for (const row of rows) out.get(row.document.id)?.push(row);
    return out;
  }

  /** The current versions of several documents already checked for the viewer, in one query. */
  async currentVersionsOf(documents: Document[]): Promise<Map<string, DocumentVersion>> {
    if (!documents.length) return new Map();
    const rows = await this.em.find(DocumentVersion, {
      $or: documents.map((d) => ({ document: d.id, number: d.versionCount })),
    });
    return new Map(rows.map((v) => [v.document.id, v]));
  }

  /** One version (the current one by default) of a document the viewer may read. */
  async version(access: DocumentAccess, number?: number | null): Promise<DocumentVersion> {
    const wanted = number ?? access.document.versionCount;
    if (!Number.isInteger(wanted) || wanted < 1) throw documentsErrors.versionNotFound();
    const version = await this.em.findOne(DocumentVersion, { document: access.document.id, number: wanted });
    if (!version) throw documentsErrors.versionNotFound();
    return version;
  }

  /** Folders of a group, for the viewer's folder tree. Null for people outside the group. */
  async folders(view: GroupView): Promise<DocumentFolder[] | null> {
    if (!view.isActiveMember) return null;
    return this.em.find(DocumentFolder, { group: view.group.id }, { orderBy: { name: 'asc' } });
  }

  async foldersByIds(ids: string[]): Promise<Map<string, DocumentFolder>> {
    if (!ids.length) return new Map();
    const folders = await this.em.find(DocumentFolder, { id: { $in: [...new Set(ids)] } });
    return new Map(folders.map((f) => [f.id, f]));
  }

  // ---- uploads ----

  /** The group an upload goes to, checked before its body is read. Groups one is not in are "not found". */
  async uploadTarget(
    viewer: Viewer,
    groupId: string,
    folderId?: unknown,
  ): Promise<{ view: GroupView; folderId: string | null }> {
    const check = new InputCheck();
    const id = check.uuid('groupId', groupId, 'Group');
    // From a query string: anything but one plain id (a repeated or nested parameter) is refused.
    const folder =
      folderId === undefined || folderId === ''
        ? null
        : typeof folderId === 'string'
          ? check.uuid('folderId', folderId, 'Folder')
          : (check.fail('folderId', 'Folder is not a valid id.'), null);
    check.done();
    const view = await this.groups.byId(viewer, id).catch(() => null);
    if (!view?.isActiveMember) throw documentsErrors.groupNotFound();
    if (!view.canContribute) throw documentsErrors.readOnlyMember();
    this.groups.assertWritable(view);
    if (folder) await this.folderIn(this.em, view.group.id, folder);
    return { view, folderId: folder };
  }

  /** The document a new version goes to, checked before the body is read. */
  async versionTarget(viewer: Viewer, documentId: string): Promise<DocumentAccess> {
    const access = await this.byId(viewer, documentId);
    if (access.document.deletedAt) throw documentsErrors.documentInTrash();
    if (!access.canEdit) throw documentsErrors.readOnlyMember();
    this.groups.assertWritable(access.view);
    return access;
  }

  /** The types people may upload, as network admins set them. */
  async allowedTypes(): Promise<string[]> {
    const settings = await this.em.findOne(DocumentSettings, { id: 1 });
    return settings?.allowedTypes ?? [...DEFAULT_ALLOWED_TYPES];
  }

  /** Records an uploaded file as a new document. If the record can't be written, the stored file goes. */
  async create(viewer: Viewer, target: GroupView, folderId: string | null, file: ReceivedFile): Promise<Document> {
    const { document, event } = await this.orDiscard(file, () =>
      this.em.transactional(async (em) => {
        // The membership is checked again: it may have ended while the bytes were arriving.
        const view = await this.groups.byId(viewer, target.group.id);
        if (!view.isActiveMember || !view.canContribute) throw documentsErrors.groupNotFound();
        this.groups.assertWritable(view);
        const folder = folderId ? await this.folderIn(em, view.group.id, folderId) : null;
        const uploader = em.getReference(User, viewer.userId, { wrapped: true });
        const document = em.create(Document, {
          group: em.getReference(WorkingGroup, view.group.id, { wrapped: true }),
          folder,
          title: file.fileName,
          contentType: file.contentType,
          size: file.size,
          createdBy: uploader,
        });
        em.create(DocumentVersion, { document, number: 1, ...fileFields(file), uploadedBy: uploader });
        const event = this.outbox.record('document.created', {
          documentId: document.id,
          groupId: view.group.id,
          uploaderId: viewer.userId,
        });
        em.persist(event);
        await em.flush();
        return { document, event };
      }),
    );
    await this.outbox.publish([event]);
    await this.extractTextLater(document.id, 1);
    return document;
  }

  /** Records an uploaded file as the document's new current version. */
  async addVersion(
    viewer: Viewer,
    documentId: string,
    file: ReceivedFile,
  ): Promise<{ document: Document; version: DocumentVersion }> {
    const { event, ...added } = await this.orDiscard(file, () =>
      this.withLockedDocument(viewer, documentId, (em, document) =>
        this.appendVersion(em, viewer, document, { ...fileFields(file), restoredFrom: null }),
      ),
    );
    await this.outbox.publish([event]);
    await this.extractTextLater(added.document.id, added.version.number);
    return added;
  }

  /** Makes an old version current again, as a new version pointing at the same bytes. */
  async restoreVersion(
    viewer: Viewer,
    documentId: string,
    number: number,
  ): Promise<{ document: Document; version: DocumentVersion }> {
    const { event, ...restored } = await this.withLockedDocument(viewer, documentId, async (em, document) => {
      const old = await em.findOne(DocumentVersion, { document: document.id, number });
      if (!old) throw documentsErrors.versionNotFound();
      const { fileName, storageKey, size, sha256, contentType } = old;
      return this.appendVersion(em, viewer, document, {
        fileName,
        storageKey,
        size,
        sha256,
        contentType,
        restoredFrom: old.number,
      });
    });
    await this.outbox.publish([event]);
    await this.extractTextLater(restored.document.id, restored.version.number);
    return restored;
  }

  /** Text and PDF files are read for search by the worker; a lost job is found again by the sweep. */
  private async extractTextLater(documentId: string, version: number): Promise<void> {
    await this.queue.addAfterCommit(
      'extract-document-text',
      { documentId, version },
      { jobId: jobIds.documentText(documentId, version) },
    );
  }

  /** Documents whose text was never extracted (their job was lost), for the sweep. */
  async missingText(limit = 100): Promise<{ documentId: string; version: number }[]> {
    const rows = await this.em.fork().find(
      Document,
      {
        extractedText: null,
        deletedAt: null,
        contentType: { $in: [...KIND_TYPES.TEXT, ...KIND_TYPES.PDF] },
        updatedAt: { $lt: new Date(Date.now() - 5 * 60_000) },
      },
      { fields: ['id', 'versionCount'], limit, orderBy: { updatedAt: 'asc' } },
    );
    return rows.map((d) => ({ documentId: d.id, version: d.versionCount }));
  }

  private async appendVersion(
    em: EntityManager,
    viewer: Viewer,
    document: Document,
    fields: Omit<ReceivedFile, never> & { restoredFrom: number | null },
  ) {
    document.versionCount += 1;
    document.contentType = fields.contentType;
    document.size = fields.size;
    document.updatedAt = new Date();
    document.extractedText = null;
    const version = em.create(DocumentVersion, {
      document,
      number: document.versionCount,
      ...fields,
      uploadedBy: em.getReference(User, viewer.userId, { wrapped: true }),
    });
    const event = this.outbox.record('document.versioned', {
      documentId: document.id,
      groupId: document.group.id,
      uploaderId: viewer.userId,
      version: version.number,
      restored: fields.restoredFrom !== null,
    });
    em.persist(event);
    await em.flush();
    return { document, version, event };
  }

  // ---- organising ----

  async update(
    viewer: Viewer,
    input: { id: string; title?: string | null; description?: string | null; tags?: string[] | null },
  ): Promise<Document> {
    const check = new InputCheck();
    const title =
      input.title === undefined || input.title === null
        ? null
        : check.text('title', input.title, { max: LIMITS.documentTitleMax, label: 'Title' });
    const description =
      input.description === undefined || input.description === null
        ? null
        : stripControlCharacters(input.description).trim();
    if (description !== null && description.length > LIMITS.documentDescriptionMax)
      check.fail('description', `The description must be at most ${LIMITS.documentDescriptionMax} characters.`);
    const tags = input.tags ? this.checkTags(check, input.tags) : null;
    check.done();
    return this.withLockedDocument(viewer, input.id, async (em, document) => {
      if (title !== null) document.title = title;
      if (description !== null) document.description = description;
      if (tags !== null) document.tags = tags;
      document.updatedAt = new Date();
      await em.flush();
      return document;
    });
  }

  async move(viewer: Viewer, input: { id: string; folderId?: string | null }): Promise<Document> {
    const check = new InputCheck();
    const folderId = input.folderId ? check.uuid('folderId', input.folderId, 'Folder') : null;
    check.done();
    return this.withLockedDocument(viewer, input.id, async (em, document) => {
      document.folder = folderId ? ref(await this.folderIn(em, document.group.id, folderId)) : null;
      await em.flush();
      return document;
    });
  }

  /** Moves a document to the trash: its uploader or a convenor may. Answers with what the viewer saw before. */
  async trash(viewer: Viewer, id: string): Promise<DocumentAccess> {
    return this.withLockedDocument(viewer, id, async (em, document, access) => {
      if (!access.canManage && document.createdBy.id !== viewer.userId) throw documentsErrors.notTheUploader();
      document.deletedAt = new Date();
      document.deletedById = viewer.userId;
      await em.flush();
      return { ...access, document };
    });
  }

  /** Brings a document back from the trash: convenors only. */
  async restore(viewer: Viewer, id: string): Promise<Document> {
    const access = await this.byId(viewer, id);
    if (!access.canManage) throw documentsErrors.documentNotFound();
    if (!access.canEdit) throw documentsErrors.readOnlyMember();
    this.groups.assertWritable(access.view);
    return this.em.transactional(async (em) => {
      const document = await em.findOne(
        Document,
        { id: access.document.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (!document) throw documentsErrors.documentNotFound();
      if (!document.deletedAt) throw documentsErrors.notInTrash();
      document.deletedAt = null;
      document.deletedById = null;
      document.updatedAt = new Date();
      await em.flush();
      return document;
    });
  }

  /** Links a document to the discussion about it (the thread was started in the same group). */
  async linkThread(viewer: Viewer, id: string, threadId: string): Promise<Document> {
    return this.withLockedDocument(viewer, id, async (em, document) => {
      // Two people starting it at once: the first link stays (the second thread is an ordinary one).
      if (document.threadId) return document;
      document.threadId = threadId;
      await em.flush();
      return document;
    });
  }

  /**
   * Links a document to a discussion of its group (checked by the caller, which knows threads).
   * Linking twice is harmless.
   */
  async addThreadLink(viewer: Viewer, id: string, thread: { id: string; groupId: string }): Promise<Document> {
    return this.withLockedDocument(viewer, id, async (em, document) => {
      if (document.group.id !== thread.groupId) throw documentsErrors.threadInOtherGroup();
      // Under the document's lock: two people linking the same pair at once make one link.
      if (!(await em.findOne(DocumentThreadLink, { documentId: document.id, threadId: thread.id }))) {
        em.create(DocumentThreadLink, { documentId: document.id, threadId: thread.id, linkedById: viewer.userId });
        await em.flush();
      }
      return document;
    });
  }

  async removeThreadLink(viewer: Viewer, id: string, threadId: string): Promise<Document> {
    const check = new InputCheck();
    const thread = check.uuid('threadId', threadId, 'Discussion');
    check.done();
    return this.withLockedDocument(viewer, id, async (em, document) => {
      await em.nativeDelete(DocumentThreadLink, { documentId: document.id, threadId: thread });
      return document;
    });
  }

  /** The discussions some documents are linked to, oldest link first, in one query (ids: the caller shows them). */
  async linkedThreadIdsOf(documentIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(documentIds.map((id) => [id, []]));
    if (!documentIds.length) return out;
    const links = await this.em.find(
      DocumentThreadLink,
      { documentId: { $in: [...out.keys()] } },
      { orderBy: [{ createdAt: 'asc' }, { threadId: 'asc' }] },
    );
    for (const link of links) out.get(link.documentId)?.push(link.threadId);
    return out;
  }

  /**
   * The documents (not in the trash) among `ids` that the viewer may read, in four queries
   * whatever their number: for links to documents shown on lists (a meeting's agenda).
   */
  async readableByIds(viewer: Viewer, ids: string[]): Promise<Map<string, Document>> {
    const wanted = [...new Set(ids)].filter(isUuid);
    if (!wanted.length) return new Map();
    const documents = await this.documents.find({ id: { $in: wanted }, deletedAt: null });
    const views = await this.groups.viewsByIds(
      viewer,
      documents.map((d) => d.group.id),
    );
    return new Map(documents.filter((d) => views.get(d.group.id)?.isActiveMember).map((d) => [d.id, d]));
  }

  /** Documents linked to a discussion the viewer may read (its group's), not those in the trash. */
  linkedTo(threadId: string, groupId: string): Promise<Document[]> {
    return this.documents.linkedTo(threadId, groupId);
  }

  // ---- folders ----

  async createFolder(
    viewer: Viewer,
    input: { groupId: string; name: string; parentId?: string | null },
  ): Promise<DocumentFolder> {
    const check = new InputCheck();
    const groupId = check.uuid('groupId', input.groupId, 'Group');
    const name = this.checkFolderName(check, input.name);
    const parentId = input.parentId ? check.uuid('parentId', input.parentId, 'Folder') : null;
    check.done();
    const view = await this.editableGroup(viewer, groupId);
    return this.uniqueFolderName(() =>
      this.em.transactional(async (em) => {
        const parent = parentId ? await this.folderIn(em, view.group.id, parentId, 'parentId') : null;
        const folder = em.create(DocumentFolder, {
          group: em.getReference(WorkingGroup, view.group.id, { wrapped: true }),
          parent,
          name,
          createdById: viewer.userId,
        });
        await em.flush();
        return folder;
      }),
    );
  }

  async updateFolder(
    viewer: Viewer,
    input: { id: string; name?: string | null; parentId?: string | null; moveToTop?: boolean | null },
  ): Promise<DocumentFolder> {
    const check = new InputCheck();
    const id = check.uuid('id', input.id, 'Folder');
    const name = input.name === undefined || input.name === null ? null : this.checkFolderName(check, input.name);
    const parentId = input.parentId ? check.uuid('parentId', input.parentId, 'Folder') : null;
    check.done();
    return this.uniqueFolderName(() =>
      this.em.transactional(async (em) => {
        const folder = await this.editableFolder(em, viewer, id);
        if (name !== null) folder.name = name;
        if (parentId || input.moveToTop) {
          // Two crossing moves (A into B, B into A) must not both pass the cycle check.
          await this.lockFolderTree(em, folder.group.id);
          const parent = parentId ? await this.folderIn(em, folder.group.id, parentId, 'parentId') : null;
          if (parent && (await this.ancestorsOf(em, parent)).includes(folder.id)) throw documentsErrors.folderCycle();
          folder.parent = parent ? ref(parent) : null;
        }
        await em.flush();
        return folder;
      }),
    );
  }

  /** Deletes an empty folder (documents in the trash count: they may come back). */
  async deleteFolder(viewer: Viewer, id: string): Promise<void> {
    const check = new InputCheck();
    const folderId = check.uuid('id', id, 'Folder');
    check.done();
    await this.em.transactional(async (em) => {
      const folder = await this.editableFolder(em, viewer, folderId);
      const [documents, children] = await Promise.all([
        em.count(Document, { folder: folder.id }),
        em.count(DocumentFolder, { parent: folder.id }),
      ]);
      if (documents || children) throw documentsErrors.folderNotEmpty();
      em.remove(folder);
      await em.flush();
    });
  }

  // ---- settings ----

  async updateAllowedTypes(types: string[]): Promise<string[]> {
    const check = new InputCheck();
    const cleaned = [...new Set(types.map((t) => t.trim().toLowerCase()))];
    if (!cleaned.length) check.fail('allowedTypes', 'Allow at least one type.');
    const unknown = cleaned.filter((t) => !KNOWN_TYPES.has(t));
    if (unknown.length) check.fail('allowedTypes', `Unknown or unsafe types: ${unknown.join(', ')}.`);
    check.done();
    await this.em.transactional(async (em) => {
      const settings = await em.findOne(DocumentSettings, { id: 1 }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (settings) {
        settings.allowedTypes = cleaned;
        settings.updatedAt = new Date();
      } else em.create(DocumentSettings, { id: 1, allowedTypes: cleaned });
      await em.flush();
    });
    return cleaned;
  }

  // ---- worker ----

  /** Deletes documents that have been in the trash longer than TRASH_DAYS, and bytes no version still uses. */
  async purgeTrash(now = new Date()): Promise<number> {
    const em = this.em.fork();
    const cutoff = new Date(now.getTime() - TRASH_DAYS * 86_400_000);
    // Chosen and deleted in one transaction under row locks, skipping rows someone holds: a
    // document being restored is left alone (and, once restored, is no longer chosen).
    const { ids, keys } = await em.transactional(async (tx) => {
      const expired = await tx.find(
        Document,
        { deletedAt: { $lt: cutoff } },
        { limit: 200, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, fields: ['id'] },
      );
      const ids = expired.map((d) => d.id);
      if (!ids.length) return { ids, keys: [] as string[] };
      const keys = (await tx.find(DocumentVersion, { document: { $in: ids } }, { fields: ['storageKey'] })).map(
        (v) => v.storageKey,
      );
      await tx.nativeDelete(DocumentVersion, { document: { $in: ids } });
      await tx.nativeDelete(DocumentThreadLink, { documentId: { $in: ids } });
      await tx.nativeDelete(Document, { id: { $in: ids } });
      return { ids, keys };
    });
    if (!ids.length) return 0;
    // Bytes another version still points at (a restore copies the key) stay.
    const stillUsed = new Set(
      (await em.find(DocumentVersion, { storageKey: { $in: keys } }, { fields: ['storageKey'] })).map(
        (v) => v.storageKey,
      ),
    );
    for (const key of new Set(keys)) if (!stillUsed.has(key)) await this.storage.delete(key);
    return ids.length;
  }

  // ---- helpers ----

  private async withLockedDocument<T>(
    viewer: Viewer,
    id: string,
    change: (em: EntityManager, document: Document, access: DocumentAccess) => Promise<T>,
  ): Promise<T> {
    const access = await this.byId(viewer, id);
    if (!access.canEdit) throw documentsErrors.readOnlyMember();
    this.groups.assertWritable(access.view);
    return this.em.transactional(async (em) => {
      const document = await em.findOne(
        Document,
        { id: access.document.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (!document) throw documentsErrors.documentNotFound();
      // A document trashed meanwhile can't change (convenors restore it first).
      if (document.deletedAt) throw documentsErrors.documentInTrash();
      return change(em, document, access);
    });
  }

  private async editableGroup(viewer: Viewer, groupId: string): Promise<GroupView> {
    const view = await this.groups.byId(viewer, groupId).catch(() => null);
    if (!view?.isActiveMember) throw documentsErrors.groupNotFound();
    if (!view.canContribute) throw documentsErrors.readOnlyMember();
    return this.groups.assertWritable(view);
  }

  private async editableFolder(em: EntityManager, viewer: Viewer, id: string): Promise<DocumentFolder> {
    const folder = await em.findOne(DocumentFolder, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!folder) throw documentsErrors.folderNotFound('id');
    const view = await this.groups.byId(viewer, folder.group.id);
    if (!view.isActiveMember) throw documentsErrors.folderNotFound('id');
    if (!view.canContribute) throw documentsErrors.readOnlyMember();
    this.groups.assertWritable(view);
    return folder;
  }

  /** Serialises changes to one group's folder tree, for the length of the transaction. */
  private async lockFolderTree(em: EntityManager, groupId: string): Promise<void> {
    await em
      .getConnection()
      .execute(
        'select pg_advisory_xact_lock(hashtext(?))',
        [`document-folders:${groupId}`],
        'all',
        em.getTransactionContext(),
      );
  }

  /** A folder of the group, share-locked so that it is not deleted before the caller's transaction ends. */
  private async folderIn(
    em: EntityManager,
    groupId: string,
    folderId: string,
    field = 'folderId',
  ): Promise<DocumentFolder> {
    const folder = await em.findOne(
      DocumentFolder,
      { id: folderId, group: groupId },
      em.isInTransaction() ? { lockMode: LockMode.PESSIMISTIC_READ } : {},
    );
    if (!folder) throw documentsErrors.folderNotFound(field);
    return folder;
  }

  /** The folder's id and its ancestors' ids (folders nest a few levels at most). */
  private async ancestorsOf(em: EntityManager, folder: DocumentFolder): Promise<string[]> {
    const ids = [folder.id];
    let parentId = folder.parent?.id ?? null;
    while (parentId && !ids.includes(parentId)) {
      ids.push(parentId);
      const parent: DocumentFolder | null = await em.findOne(DocumentFolder, { id: parentId });
      parentId = parent?.parent?.id ?? null;
    }
    return ids;
  }

  private checkFolderName(check: InputCheck, raw: string): string {
    const name = check.text('name', raw, { max: LIMITS.folderNameMax, label: 'Folder name' });
    if (/[/\\]/.test(name) || name === '.' || name === '..')
      check.fail('name', 'Folder names cannot contain / or \\, or be . or ..');
    return name;
  }

  private checkTags(check: InputCheck, raw: string[]): string[] {
    const tags = [...new Set(raw.map((t) => t.trim().toLowerCase()).filter(Boolean))];
    if (tags.length > LIMITS.documentTagsMax) check.fail('tags', `At most ${LIMITS.documentTagsMax} tags.`);
    if (tags.some((t) => t.length > LIMITS.documentTagMax || !TAG_PATTERN.test(t)))
      check.fail('tags', `Tags are single words or words joined by -, at most ${LIMITS.documentTagMax} characters.`);
    return tags;
  }

  private async uniqueFolderName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw documentsErrors.folderNameTaken();
      throw error;
    }
  }

  /** Runs the write; if it fails, the uploaded bytes (unused by any row) are removed. */
  private async orDiscard<T>(file: ReceivedFile, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      await this.storage.delete(file.storageKey).catch(() => undefined);
      throw error;
    }
  }
}

const KNOWN_TYPES = new Set(Object.values(KIND_TYPES).flat());

function fileFields(file: ReceivedFile) {
  const { fileName, storageKey, size, sha256, contentType } = file;
  return { fileName, storageKey, size, sha256, contentType };
}
