import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';
import type { Document } from './document.entity.js';

export type DocumentSort = 'NAME' | 'UPDATED' | 'SIZE';

/** Where the previous page stopped: the sort key of its last document and its id. */
export interface DocumentCursor {
  sort: DocumentSort;
  value: string | number | Date;
  id: string;
}

export interface DocumentFilter {
  groupId: string;
  /** A folder's documents; `null` for the top level; undefined for every folder. */
  folderId?: string | null;
  tag?: string | null;
  contentTypes?: string[] | null;
  trashed: boolean;
}

const ORDER = {
  NAME: [{ title: 'asc' }, { id: 'asc' }],
  UPDATED: [{ updatedAt: 'desc' }, { id: 'desc' }],
  SIZE: [{ size: 'desc' }, { id: 'desc' }],
} as const;

export class DocumentRepository extends EntityRepository<Document> {
  /** One page of a group's documents in the chosen order; one query whatever the page size. */
  async pageOf(filter: DocumentFilter, sort: DocumentSort, first: number, after: DocumentCursor | null): Promise<Document[]> {
    const where: FilterQuery<Document> & Record<string, unknown> = {
      group: filter.groupId,
      deletedAt: filter.trashed ? { $ne: null } : null,
    };
    if (filter.folderId !== undefined) where['folder'] = filter.folderId;
    if (filter.tag) where['tags'] = { $contains: [filter.tag] };
    if (filter.contentTypes) where['contentType'] = { $in: filter.contentTypes };
    if (after) where['$or'] = afterCursor(after);
    return this.find(where, { orderBy: [...ORDER[sort]], limit: first + 1 });
  }
}

function afterCursor(after: DocumentCursor): FilterQuery<Document>[] {
  switch (after.sort) {
    case 'NAME':
      return [{ title: { $gt: after.value as string } }, { title: after.value as string, id: { $gt: after.id } }];
    case 'UPDATED':
      return [{ updatedAt: { $lt: after.value as Date } }, { updatedAt: after.value as Date, id: { $lt: after.id } }];
    case 'SIZE':
      return [{ size: { $lt: after.value as number } }, { size: after.value as number, id: { $lt: after.id } }];
  }
}
