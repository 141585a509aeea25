import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selects } from '../graphql/selection.util.js';
import { CurrentViewer, NetworkAdminOnly, SignedIn, type Viewer } from '@convene/server-core';
import { DiscussionAccess, DiscussionsService } from '@convene/server-discussions';
import {
  DocumentSearchService,
  DocumentsService,
  KIND_TYPES,
  describeType,
  documentsErrors,
  type Document,
  type DocumentKind,
  type DocumentSort,
} from '@convene/server-documents';
import { GroupsService, type GroupView } from '@convene/server-groups';
import { ThreadModel } from '../discussions/thread.model.js';
import { WorkingGroupModel } from '../groups/working-group.model.js';
import {
  DOCUMENT_KINDS,
  DOCUMENT_SORTS,
  DocumentConnectionModel,
  DocumentFolderModel,
  DocumentModel,
  DocumentSearchResultConnectionModel,
  DocumentSettingsModel,
  DocumentVersionModel,
  LinkedThreadModel,
  TextPreviewModel,
} from './document.model.js';
import { DocumentPresenter, type DocumentRights } from './document.presenter.js';
import {
  CreateDocumentFolderInput,
  MoveDocumentInput,
  SearchDocumentsInput,
  UpdateDocumentFolderInput,
  UpdateDocumentInput,
} from './documents.inputs.js';

@SignedIn()
@Resolver(() => DocumentModel)
export class DocumentsResolver {
  constructor(
    private readonly documents: DocumentsService,
    private readonly discussions: DiscussionsService,
    private readonly searching: DocumentSearchService,
    private readonly groups: GroupsService,
    private readonly threads: DiscussionAccess,
    private readonly present: DocumentPresenter,
  ) {}

  @Query(() => DocumentSearchResultConnectionModel, {
    description:
      'Full-text search of the documents in the groups the viewer belongs to: titles, descriptions, and the text of text and PDF files.',
  })
  async searchDocuments(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SearchDocumentsInput,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DocumentSearchResultConnectionModel> {
    const page = await this.searching.search(viewer, input);
    // What the viewer may do differs by group: the page's groups as the viewer sees them, together.
    const views = await this.groups.viewsByIds(
      viewer,
      page.nodes.map((n) => n.document.group.id),
    );
    const rights = (d: Document) => rightsIn(views.get(d.group.id));
    const documents = page.nodes.map((n) => n.document);
    const models = await this.present.documents(viewer, documents, rights, (field) =>
      selects(info, ['nodes', 'document', field]),
    );
    const presented = new Map(models.map((m) => [m.id, m]));
    const nodes = page.nodes.flatMap((hit) => {
      const document = presented.get(hit.document.id);
      return document ? [{ document, titleHtml: hit.titleHtml, snippetHtml: hit.snippetHtml }] : [];
    });
    return { ...page, nodes };
  }

  @Query(() => DocumentModel, {
    description: 'A document of a group the viewer belongs to (in the trash: for its convenors).',
  })
  async document(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<DocumentModel> {
    return this.one(viewer, await this.documents.byId(viewer, id));
  }

  @Query(() => DocumentSettingsModel, { description: 'What may be uploaded: types and size.' })
  async documentSettings(): Promise<DocumentSettingsModel> {
    return this.settings(await this.documents.allowedTypes());
  }

  @NetworkAdminOnly()
  @Mutation(() => DocumentSettingsModel, { description: 'Sets the file types people may upload. For network admins.' })
  async updateDocumentSettings(
    @Args('allowedTypes', { type: () => [String] }) allowedTypes: string[],
  ): Promise<DocumentSettingsModel> {
    return this.settings(await this.documents.updateAllowedTypes(allowedTypes));
  }

  @Mutation(() => DocumentModel, { description: 'Renames, describes or tags a document.' })
  async updateDocument(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateDocumentInput,
  ): Promise<DocumentModel> {
    return this.afterChange(viewer, await this.documents.update(viewer, input));
  }

  @Mutation(() => DocumentModel, {
    description: 'Moves a document to another folder of its group, or to the top level.',
  })
  async moveDocument(@CurrentViewer() viewer: Viewer, @Args('input') input: MoveDocumentInput): Promise<DocumentModel> {
    return this.afterChange(viewer, await this.documents.move(viewer, input));
  }

  @Mutation(() => DocumentModel, {
    description:
      'Moves a document to the trash, where convenors can restore it for 30 days. For its uploader and convenors.',
  })
  async trashDocument(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<DocumentModel> {
    // Once in the trash, a member no longer sees it: the answer is what they saw when they deleted it.
    return this.one(viewer, await this.documents.trash(viewer, id));
  }

  @Mutation(() => DocumentModel, { description: 'Brings a document back from the trash. For the group’s convenors.' })
  async restoreDocument(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<DocumentModel> {
    return this.afterChange(viewer, await this.documents.restore(viewer, id));
  }

  @Mutation(() => DocumentModel, {
    description: 'Makes an earlier version current again (as a new version; history is kept).',
  })
  async restoreDocumentVersion(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<DocumentModel> {
    return this.afterChange(viewer, (await this.documents.restoreVersion(viewer, id, version)).document);
  }

  @Mutation(() => DocumentModel, {
    description: 'Starts the discussion about a document in its group (or returns the one already started).',
  })
  async discussDocument(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<DocumentModel> {
    const access = await this.documents.byId(viewer, id);
    if (access.document.threadId) return this.one(viewer, access);
    if (!access.canEdit) throw documentsErrors.readOnlyMember();
    if (access.document.deletedAt) throw documentsErrors.documentInTrash();
    const { document } = access;
    const thread = await this.discussions.createThread(viewer, {
      groupId: document.group.id,
      title: document.title.slice(0, 200),
      body: `Discussion of the document [${document.title.replace(/[[\]]/g, '')}](/documents/${document.id}).`,
      tags: ['document'],
    });
    return this.afterChange(viewer, await this.documents.linkThread(viewer, document.id, thread.id));
  }

  @Mutation(() => DocumentModel, { description: 'Links a document to a discussion of the same group (shown on both).' })
  async linkDocumentToThread(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('threadId', { type: () => ID }) threadId: string,
  ): Promise<DocumentModel> {
    // The discussion must be one the viewer can read; the document one they can change.
    const { thread } = await this.threads.thread(viewer, threadId);
    return this.afterChange(
      viewer,
      await this.documents.addThreadLink(viewer, id, { id: thread.id, groupId: thread.group.id }),
    );
  }

  @Mutation(() => DocumentModel, { description: 'Removes the link between a document and a discussion.' })
  async unlinkDocumentFromThread(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('threadId', { type: () => ID }) threadId: string,
  ): Promise<DocumentModel> {
    return this.afterChange(viewer, await this.documents.removeThreadLink(viewer, id, threadId));
  }

  @ResolveField(() => [LinkedThreadModel], { description: 'Discussions of its group this document is linked to.' })
  async linkedThreads(
    @CurrentViewer() viewer: Viewer,
    @Parent() document: DocumentModel,
  ): Promise<LinkedThreadModel[]> {
    // Each is read as the viewer may (a thread moved to another group drops out).
    return (await this.present.linkedThreadsOf(viewer, [document.entity])).get(document.id) ?? [];
  }

  @Mutation(() => DocumentFolderModel, { description: 'Creates a folder in a group’s documents.' })
  async createDocumentFolder(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateDocumentFolderInput,
  ): Promise<DocumentFolderModel> {
    return DocumentFolderModel.from(await this.documents.createFolder(viewer, input));
  }

  @Mutation(() => DocumentFolderModel, { description: 'Renames a folder or moves it into another.' })
  async updateDocumentFolder(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateDocumentFolderInput,
  ): Promise<DocumentFolderModel> {
    return DocumentFolderModel.from(await this.documents.updateFolder(viewer, input));
  }

  @Mutation(() => Boolean, { description: 'Deletes an empty folder.' })
  async deleteDocumentFolder(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    await this.documents.deleteFolder(viewer, id);
    return true;
  }

  @ResolveField(() => [DocumentVersionModel], { description: 'Every version, newest first.' })
  async versions(@Parent() document: DocumentModel): Promise<DocumentVersionModel[]> {
    return (await this.present.versionsOf([document.id])).get(document.id) ?? [];
  }

  @ResolveField(() => DocumentFolderModel, { nullable: true })
  async folder(@Parent() document: DocumentModel): Promise<DocumentFolderModel | null> {
    if (!document.folderId) return null;
    const folder = (await this.documents.foldersByIds([document.folderId])).get(document.folderId);
    return folder ? DocumentFolderModel.from(folder) : null;
  }

  @ResolveField(() => TextPreviewModel, {
    nullable: true,
    description: 'The start of a text or Markdown file (its current version); null for other types.',
  })
  async textPreview(@Parent() document: DocumentModel): Promise<TextPreviewModel | null> {
    // The document was checked when it was loaded (and a trashed one is still answered to the
    // member who just trashed it); only text has a preview.
    return (await this.present.previewsOf([document.entity])).get(document.id) ?? null;
  }

  private settings(allowedTypes: string[]): DocumentSettingsModel {
    const knownTypes = (Object.entries(KIND_TYPES) as [DocumentKind, readonly string[]][]).flatMap(([kind, types]) =>
      types.map((mime) => ({ mime, label: describeType(mime), kind })),
    );
    return { allowedTypes, knownTypes, maxBytes: this.documents.maxBytes };
  }

  private async afterChange(viewer: Viewer, document: Document): Promise<DocumentModel> {
    return this.one(viewer, await this.documents.byId(viewer, document.id));
  }

  private async one(viewer: Viewer, access: { document: Document; view: GroupView }): Promise<DocumentModel> {
    const [model] = await this.present.documents(viewer, [access.document], rightsIn(access.view));
    if (!model) throw documentsErrors.documentNotFound();
    return model;
  }
}

/** What the viewer may do to the documents of a group they see as `view` (observers only read). */
/** What the viewer may do to a group's documents, as the page shows it: nothing once the group is archived. */
function rightsIn(view: GroupView | undefined): DocumentRights {
  const open = !!view && !view.group.archivedAt;
  return { canEdit: open && view.canContribute, canManage: open && view.canManage };
}

/** A group's documents and folders, on the group itself. */
@SignedIn()
@Resolver(() => WorkingGroupModel)
export class GroupDocumentsResolver {
  constructor(
    private readonly library: DocumentsService,
    private readonly present: DocumentPresenter,
  ) {}

  @ResolveField(() => DocumentConnectionModel, {
    nullable: true,
    description:
      'A page of the group’s documents; null for people outside the group (and, for the trash, for non-convenors).',
  })
  async documents(
    @CurrentViewer() viewer: Viewer,
    @Parent() group: WorkingGroupModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('sort', { type: () => DOCUMENT_SORTS, nullable: true, defaultValue: 'UPDATED' }) sort: DocumentSort,
    @Args('folderId', { type: () => ID, nullable: true, description: 'Only this folder’s documents.' })
    folderId: string | null,
    @Args('topLevel', { type: () => Boolean, nullable: true, description: 'Only documents in no folder.' })
    topLevel: boolean | null,
    @Args('tag', { type: () => String, nullable: true }) tag: string | null,
    @Args('kind', { type: () => DOCUMENT_KINDS, nullable: true }) kind: DocumentKind | null,
    @Args('trashed', { type: () => Boolean, nullable: true, description: 'The trash instead (convenors only).' })
    trashed: boolean | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DocumentConnectionModel | null> {
    const page = await this.library.page(group.view, { first, after, sort, folderId, topLevel, tag, kind, trashed });
    if (!page) return null;
    // What the page's documents are asked for is loaded for all of them at once (not per document).
    return {
      ...page,
      nodes: await this.present.documents(viewer, page.nodes, rightsIn(group.view), (field) =>
        selects(info, ['nodes', field]),
      ),
    };
  }

  @ResolveField(() => [DocumentFolderModel], {
    nullable: true,
    description: 'Every folder of the group’s documents (a flat list: each names its parent); null outside the group.',
  })
  async documentFolders(@Parent() group: WorkingGroupModel): Promise<DocumentFolderModel[] | null> {
    return (await this.library.folders(group.view))?.map((f) => DocumentFolderModel.from(f)) ?? null;
  }
}

/** The documents linked to a discussion, on the discussion itself. */
@SignedIn()
@Resolver(() => ThreadModel)
export class ThreadDocumentsResolver {
  constructor(
    private readonly library: DocumentsService,
    private readonly groups: GroupsService,
    private readonly present: DocumentPresenter,
  ) {}

  @ResolveField(() => [DocumentModel], {
    description: 'Documents of the group linked to this discussion (not those in the trash).',
  })
  async documents(
    @CurrentViewer() viewer: Viewer,
    @Parent() thread: ThreadModel,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DocumentModel[]> {
    // The thread was checked for the viewer when it was loaded.
    const documents = await this.library.linkedTo(thread.id, thread.groupId);
    if (!documents.length) return [];
    const view = await this.groups.byId(viewer, thread.groupId);
    return this.present.documents(viewer, documents, rightsIn(view), (field) => selects(info, [field]));
  }
}
