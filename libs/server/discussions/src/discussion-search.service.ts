import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { InputCheck, hasControlCharacters, type Viewer } from '@convene/server-core';
import { LIMITS } from '@convene/shared-contracts';
import { GroupsService } from '@convene/server-groups';

export interface SearchHit {
  postId: string;
  threadId: string;
  groupId: string;
  authorId: string;
  createdAt: Date;
  /** Safe HTML: the text escaped, the matched words in <mark>. */
  titleHtml: string;
  snippetHtml: string;
}

export interface SearchPage {
  nodes: SearchHit[];
  endCursor: string | null;
  hasNextPage: boolean;
}

// ts_headline marks matches with these; the text is escaped first, then they become <mark>.
const START = '\u0002';
const STOP = '\u0003';
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const highlight = (text: string) =>
  escapeHtml(text.replaceAll(START, '\u0000s').replaceAll(STOP, '\u0000e'))
    .replaceAll('\u0000s', '<mark>')
    .replaceAll('\u0000e', '</mark>');

/**
 * Full-text search over the titles and posts of the groups the viewer belongs to (never others).
 * Accents and case are folded by the convene_search text search configuration; words are stemmed
 * as English. Deleted and hidden posts are not found.
 */
@Injectable()
export class DiscussionSearchService {
  constructor(
    private readonly em: EntityManager,
    private readonly groups: GroupsService,
  ) {}

  async search(viewer: Viewer, input: { query: string; groupId?: string | null; authorId?: string | null; first?: number | null; after?: string | null }): Promise<SearchPage> {
    const check = new InputCheck();
    const query = (input.query ?? '').trim();
    if (!query) check.fail('query', 'Type something to search for.');
    else if (query.length > LIMITS.searchQueryMax) check.fail('query', `Searches can be at most ${LIMITS.searchQueryMax} characters.`);
    else if (hasControlCharacters(query)) check.fail('query', 'The search contains invalid characters.');
    const groupId = input.groupId ? check.uuid('groupId', input.groupId, 'Group') : null;
    const authorId = input.authorId ? check.uuid('authorId', input.authorId, 'Author') : null;
    const first = input.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > LIMITS.searchPageMax) check.fail('first', `Ask for between 1 and ${LIMITS.searchPageMax} results at a time.`);
    const offset = input.after ? Number(Buffer.from(input.after, 'base64url').toString('utf8')) : 0;
    if (!Number.isInteger(offset) || offset < 0) check.fail('after', 'This cursor is not valid; start from the first page.');
    check.done();

    const memberOf = await this.groups.activeGroupIdsOf(viewer.userId);
    const groupIds = groupId ? memberOf.filter((id) => id === groupId) : memberOf;
    if (!groupIds.length) return { nodes: [], endCursor: null, hasNextPage: false };

    // Matching posts, and the opening posts of threads whose title matches; ranked together.
    const rows = await this.em.getConnection().execute<
      { post_id: string; thread_id: string; group_id: string; author_id: string; created_at: Date; title: string; snippet: string }[]
    >(
      `with q as (select websearch_to_tsquery('convene_search', ?) as q),
       hits as (
         select p.id, ts_rank(p.search_vector, q.q) as rank
         from posts p join threads t on t.id = p.thread_id, q
         where p.search_vector @@ q.q and t.group_id = any(?::uuid[])
         union all
         select p.id, ts_rank(t.search_vector, q.q) * 2 as rank
         from threads t join posts p on p.thread_id = t.id and p.parent_id is null, q
         where t.search_vector @@ q.q and t.group_id = any(?::uuid[])
       ),
       ranked as (
         select p.id, p.thread_id, p.author_id, p.created_at, p.body, t.title, t.group_id, sum(h.rank) as rank
         from hits h join posts p on p.id = h.id join threads t on t.id = p.thread_id
         where p.deleted_at is null and p.hidden_at is null ${authorId ? 'and p.author_id = ?' : ''}
         group by p.id, t.id
         order by rank desc, p.created_at desc, p.id
         limit ? offset ?
       )
       select r.id as post_id, r.thread_id, r.group_id, r.author_id, r.created_at,
         ts_headline('convene_search', r.title, q.q, 'StartSel=${START}, StopSel=${STOP}, HighlightAll=true') as title,
         ts_headline('convene_search', r.body, q.q, 'StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') as snippet
       from ranked r, q
       order by r.rank desc, r.created_at desc, r.id`,
      [query, `{${groupIds.join(',')}}`, `{${groupIds.join(',')}}`, ...(authorId ? [authorId] : []), first + 1, offset],
    );
    const nodes = rows.slice(0, first).map((row) => ({
      postId: row.post_id,
      threadId: row.thread_id,
      groupId: row.group_id,
      authorId: row.author_id,
      createdAt: new Date(row.created_at),
      titleHtml: highlight(row.title),
      snippetHtml: highlight(row.snippet),
    }));
    const hasNextPage = rows.length > first;
    return { nodes, hasNextPage, endCursor: hasNextPage ? Buffer.from(String(offset + first)).toString('base64url') : null };
  }
}
