import { Field, Float, HideField, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  kindOf,
  previewKindOf,
  describeType,
  type Document,
  type DocumentAccess,
  type DocumentFolder,
  type DocumentKind,
  type DocumentSort,
  type DocumentVersion,
  type PreviewKind,
} from '@convene/server-documents';
import { UserModel } from '../identity/user.model.js';
import { PRELOADED, type Preloadable } from '../graphql/preloaded-fields.js';

const DOCUMENT_KINDS = {
  PDF: 'PDF',
  IMAGE: 'IMAGE',
  TEXT: 'TEXT',
  WORD_PROCESSING: 'WORD_PROCESSING',
  SPREADSHEET: 'SPREADSHEET',
  PRESENTATION: 'PRESENTATION',
  ARCHIVE: 'ARCHIVE',
} as const satisfies Record<DocumentKind, DocumentKind>;
const PREVIEW_KINDS = {
  IMAGE: 'IMAGE',
  PDF: 'PDF',
  TEXT: 'TEXT',
  MARKDOWN: 'MARKDOWN',
  NONE: 'NONE',
} as const satisfies Record<PreviewKind, PreviewKind>;
const DOCUMENT_SORTS = { NAME: 'NAME', UPDATED: 'UPDATED', SIZE: 'SIZE' } as const satisfies Record<
  DocumentSort,
  DocumentSort
>;
registerEnumType(DOCUMENT_KINDS, {
  name: 'DocumentKind',
  description: 'What kind of file: for filtering a group’s documents.',
});
registerEnumType(PREVIEW_KINDS, {
  name: 'PreviewKind',
  description: 'How the browser can show a file without downloading it; NONE shows its details and a download button.',
});
registerEnumType(DOCUMENT_SORTS, {
  name: 'DocumentSort',
  description: 'NAME A to Z; UPDATED and SIZE newest and largest first.',
});
export { DOCUMENT_KINDS, DOCUMENT_SORTS };

@ObjectType('DocumentFolder')
export class DocumentFolderModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ID, { nullable: true, description: 'The folder it is in; null at the top level.' }) parentId!:
    string | null;
  @Field(() => Date) createdAt!: Date;

  static from(folder: DocumentFolder): DocumentFolderModel {
    return Object.assign(new DocumentFolderModel(), {
      id: folder.id,
      name: folder.name,
      parentId: folder.parent?.id ?? null,
      createdAt: folder.createdAt,
    });
  }
}

@ObjectType('DocumentVersion', { description: 'One immutable version of a document’s bytes.' })
export class DocumentVersionModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) number!: number;
  @Field(() => String, { description: 'The file name it was uploaded with.' }) fileName!: string;
  @Field(() => Float, { description: 'Bytes.' }) size!: number;
  @Field(() => String, { description: 'Hex SHA-256 of the bytes.' }) sha256!: string;
  @Field(() => String, { description: 'Detected from the bytes.' }) contentType!: string;
  @Field(() => UserModel, { nullable: true }) uploadedBy!: UserModel | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Int, { nullable: true, description: 'Set when this version was made by restoring that earlier one.' })
  restoredFrom!: number | null;
  @Field(() => String, { description: 'Where to download this version (REST, with the session cookie).' })
  downloadUrl!: string;

  @HideField() uploadedById!: string;

  static from(version: DocumentVersion, documentId: string): DocumentVersionModel {
    return Object.assign(new DocumentVersionModel(), {
      id: version.id,
      number: version.number,
      fileName: version.fileName,
      size: version.size,
      sha256: version.sha256,
      contentType: version.contentType,
      uploadedBy: null,
      createdAt: version.createdAt,
      restoredFrom: version.restoredFrom,
      downloadUrl: `/api/documents/${documentId}/content?version=${version.number}`,
      uploadedById: version.uploadedBy.id,
    });
  }
}

/** The fields of a document a list loads for its whole page at once (see DocumentPresenter). */
export interface DocumentPreloads {
  folder: DocumentFolderModel | null;
  versions: DocumentVersionModel[];
  textPreview: TextPreviewModel | null;
  linkedThreads: LinkedThreadModel[];
}

@ObjectType('Document')
export class DocumentModel implements Preloadable<DocumentPreloads> {
  @Field(() => ID) id!: string;
  @Field(() => ID) groupId!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => ID, { nullable: true, description: 'Its folder; null at the top level.' }) folderId!: string | null;
  @Field(() => String, { description: 'The current version’s type, detected from its bytes.' }) contentType!: string;
  @Field(() => String, { description: 'The type in words, e.g. “PDF document”.' }) typeLabel!: string;
  @Field(() => DOCUMENT_KINDS, { nullable: true }) kind!: DocumentKind | null;
  @Field(() => PREVIEW_KINDS) previewKind!: PreviewKind;
  @Field(() => Float, { description: 'The current version’s size in bytes.' }) size!: number;
  @Field(() => Int, { description: 'Number of versions; the current one has this number.' }) versionCount!: number;
  @Field(() => UserModel, { nullable: true }) createdBy!: UserModel | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Set while it is in the trash.' }) deletedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The discussion about this document, once started.' }) threadId!:
    string | null;
  @Field(() => String, { description: 'Where to download the current version (REST, with the session cookie).' })
  downloadUrl!: string;
  @Field(() => Boolean, { description: 'The viewer may rename, move, describe it and upload new versions.' })
  viewerCanEdit!: boolean;
  @Field(() => Boolean, { description: 'The viewer may delete it (its uploader or a convenor).' })
  viewerCanDelete!: boolean;
  @Field(() => Boolean, { description: 'The viewer convenes its group (restores from the trash).' })
  viewerCanManage!: boolean;

  @HideField() createdById!: string;
  @HideField() entity!: Document;
  /** Fields a list loaded for its whole page at once (the others load their own). */
  declare [PRELOADED]?: Partial<DocumentPreloads>;

  static from(
    document: Document,
    access: Pick<DocumentAccess, 'canEdit' | 'canManage'> & { userId: string },
  ): DocumentModel {
    return Object.assign(new DocumentModel(), {
      id: document.id,
      groupId: document.group.id,
      title: document.title,
      description: document.description,
      tags: document.tags,
      folderId: document.folder?.id ?? null,
      contentType: document.contentType,
      typeLabel: describeType(document.contentType),
      kind: kindOf(document.contentType),
      previewKind: previewKindOf(document.contentType),
      size: document.size,
      versionCount: document.versionCount,
      createdBy: null,
      createdAt: document.createdAt,
      updatedAt: document.updatedAt,
      deletedAt: document.deletedAt,
      threadId: document.threadId,
      downloadUrl: `/api/documents/${document.id}/content`,
      viewerCanEdit: access.canEdit && !document.deletedAt,
      viewerCanDelete:
        !document.deletedAt && access.canEdit && (access.canManage || document.createdBy.id === access.userId),
      viewerCanManage: access.canManage,
      createdById: document.createdBy.id,
      entity: document,
    });
  }
}

@ObjectType('DocumentConnection')
export class DocumentConnectionModel {
  @Field(() => [DocumentModel]) nodes!: DocumentModel[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}

@ObjectType('TextPreview', { description: 'The start of a text file, for its preview.' })
export class TextPreviewModel {
  @Field(() => String, { description: 'The text as uploaded (plain text and CSV).' }) text!: string;
  @Field(() => String, { nullable: true, description: 'Safe HTML for Markdown files: no scripts, no raw HTML.' })
  html!: string | null;
  @Field(() => Boolean, { description: 'The file is longer than the preview.' }) truncated!: boolean;
}

@ObjectType('DocumentType', { description: 'A file type an admin may allow.' })
export class DocumentTypeModel {
  @Field(() => String) mime!: string;
  @Field(() => String, { description: 'In words, e.g. “PDF document”.' }) label!: string;
  @Field(() => DOCUMENT_KINDS) kind!: DocumentKind;
}

@ObjectType('DocumentSettings')
export class DocumentSettingsModel {
  @Field(() => [String], { description: 'File types people may upload, detected from the bytes.' })
  allowedTypes!: string[];
  @Field(() => [DocumentTypeModel], {
    description: 'Every type an admin may allow (SVG, HTML and programs never are).',
  })
  knownTypes!: DocumentTypeModel[];
  @Field(() => Float, { description: 'Largest file, in bytes (set by the server’s configuration).' }) maxBytes!: number;
}

@ObjectType('DocumentSearchResult', { description: 'A document whose title, description or text matches a search.' })
export class DocumentSearchResultModel {
  @Field(() => DocumentModel) document!: DocumentModel;
  @Field(() => String, { description: 'The title as safe HTML, matched words in <mark>.' }) titleHtml!: string;
  @Field(() => String, {
    description: 'Passages of the description or text as safe HTML, matched words in <mark>; may be empty.',
  })
  snippetHtml!: string;
}

@ObjectType('DocumentSearchResultConnection')
export class DocumentSearchResultConnectionModel {
  @Field(() => [DocumentSearchResultModel]) nodes!: DocumentSearchResultModel[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}

@ObjectType('LinkedThread', { description: 'A discussion a document is linked to.' })
export class LinkedThreadModel {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
}
