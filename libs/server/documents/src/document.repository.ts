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

export interface DocumentSearchRow {
  id: string;
  title: string;
  snippet: string;
}

/** Full-text matches among the documents of some groups: titles first, then descriptions, then text. */
export async function searchDocuments(
  repository: DocumentRepository,
  args: { query: string; groupIds: string[]; limit: number; offset: number },
  marks: { start: string; stop: string },
): Promise<DocumentSearchRow[]> {
  return repository.getEntityManager().getConnection().execute<DocumentSearchRow[]>(
    `with q as (select websearch_to_tsquery('convene_search', ?) as q),
     ranked as (
       select d.id, d.updated_at, ts_rank(d.search_vector, q.q) as rank
       from documents d, q
       where d.search_vector @@ q.q and d.group_id = any(?::uuid[]) and d.deleted_at is null
       order by rank desc, d.updated_at desc, d.id
       limit ? offset ?
     )
     select d.id,
       ts_headline('convene_search', d.title, q.q, 'StartSel=${marks.start}, StopSel=${marks.stop}, HighlightAll=true') as title,
       ts_headline('convene_search', left(concat_ws(' … ', nullif(d.description, ''), d.extracted_text), 50000), q.q,
         'StartSel=${marks.start}, StopSel=${marks.stop}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') as snippet
     from ranked r join documents d on d.id = r.id, q
     order by r.rank desc, r.updated_at desc, r.id`,
    [args.query, `{${args.groupIds.join(',')}}`, args.limit, args.offset],
  );
}
