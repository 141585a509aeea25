import { EntityRepository } from '@mikro-orm/postgresql';
import { EntityColumns } from '@convene/server-core';
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

/** Each order, and the row comparison that continues it after a cursor (the order's direction). */
const ORDER: Record<DocumentSort, { orderBy: string; after: string }> = {
  NAME: { orderBy: 'd.title asc, d.id asc', after: '(d.title, d.id) > (?, ?)' },
  UPDATED: { orderBy: 'd.updated_at desc, d.id desc', after: '(d.updated_at, d.id) < (?, ?)' },
  SIZE: { orderBy: 'd.size desc, d.id desc', after: '(d.size, d.id) < (?, ?)' },
};

export class DocumentRepository extends EntityRepository<Document> {
  /**
   * One page of a group's documents in the chosen order: one hand-written statement whatever the
   * page size (read on every visit to a group's page, where the ORM's query building for a filtered
   * and ordered find cost more than the statement), its rows mapped as the ORM's find maps them.
   */
  async pageOf(
    filter: DocumentFilter,
    sort: DocumentSort,
    first: number,
    after: DocumentCursor | null,
  ): Promise<Document[]> {
    const em = this.getEntityManager();
    const d = EntityColumns.of(em, this.entityName, 'd');
    const where = ['d.group_id = ?', `d.deleted_at is ${filter.trashed ? 'not null' : 'null'}`];
    const params: unknown[] = [filter.groupId];
    const and = (condition: string, ...values: unknown[]) => {
      where.push(condition);
      params.push(...values);
    };
    if (filter.folderId === null) and('d.folder_id is null');
    else if (filter.folderId !== undefined) and('d.folder_id = ?', filter.folderId);
    if (filter.tag) and('d.tags @> array[?::text]', filter.tag);
    // Content types are the server's own constants (KIND_TYPES), never a client's text.
    if (filter.contentTypes)
      and('d.content_type = any(?::text[])', `{${filter.contentTypes.map((t) => `"${t}"`).join(',')}}`);
    const order = ORDER[sort];
    if (after) and(order.after, after.value, after.id);
    const rows = await em
      .getConnection()
      .execute<Record<string, unknown>[]>(
        `select ${d.select} from documents d where ${where.join(' and ')} order by ${order.orderBy} limit ?`,
        [...params, first + 1],
      );
    return rows.map((row) => this.mapped(d, row));
  }

  /**
   * The documents of a group linked to a discussion, not in the trash, in the order they were
   * linked: one statement (asked on every discussion's page, where most have none).
   */
  async linkedTo(threadId: string, groupId: string): Promise<Document[]> {
    const em = this.getEntityManager();
    const d = EntityColumns.of(em, this.entityName, 'd');
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(
      `select ${d.select} from document_thread_links l join documents d on d.id = l.document_id
       where l.thread_id = ? and d.group_id = ? and d.deleted_at is null
       order by l.created_at, l.document_id`,
      [threadId, groupId],
    );
    return rows.map((row) => this.mapped(d, row));
  }

  /** A row of a statement that reads documents, mapped into the unit of work as the ORM's find maps it. */
  private mapped(d: EntityColumns, row: Record<string, unknown>): Document {
    const values = d.take(row);
    // The statements read from documents (never outer-joined): every row has one.
    if (!values) throw new Error('A row of documents was read without its document.');
    return this.getEntityManager().map(this.entityName, values) as Document;
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
  return repository
    .getEntityManager()
    .getConnection()
    .execute<DocumentSearchRow[]>(
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
