import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  InputCheck,
  SEARCH_MARKS,
  highlightedHtml,
  searchCursor,
  searchInput,
  type Viewer,
} from '@convene/server-core';
import { GroupsService } from '@convene/server-groups';
import { Post } from './post.entity.js';

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

// Mentions read as they do in the post ("@Name"), not as typed ("@[Name]").
const highlight = (text: string) => highlightedHtml(text.replace(/@\[([^\]\n]{1,80})(?:\]|$)/gm, '@$1'));

/**
 * A passage of a post's Markdown as the words a reader sees: links as their text, no emphasis
 * marks, code ticks, headings, quotes or list bullets (ts_headline cuts the raw text, so a link or
 * an emphasis may be cut too: what is left of it reads as words). The matched words' marks stay.
 */
export function plainSnippet(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]\n]*)\]\([^)\s]*\)?/g, '$1')
    .replace(/\]\([^)\s]*\)/g, '')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/(^|\s)[*_](?=\S)|(?<=\S)[*_](?=\s|$)/g, '$1');
}

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

  async search(
    viewer: Viewer,
    input: {
      query: string;
      groupId?: string | null;
      authorId?: string | null;
      first?: number | null;
      after?: string | null;
    },
  ): Promise<SearchPage> {
    const check = new InputCheck();
    const { query, first, offset } = searchInput(check, input, 20);
    const groupId = input.groupId ? check.uuid('groupId', input.groupId, 'Group') : null;
    const authorId = input.authorId ? check.uuid('authorId', input.authorId, 'Author') : null;
    check.done();

    const memberOf = await this.groups.activeGroupIdsOf(viewer.userId);
    const groupIds = groupId ? memberOf.filter((id) => id === groupId) : memberOf;
    if (!groupIds.length) return { nodes: [], endCursor: null, hasNextPage: false };

    const rows = await this.em
      .getRepository(Post)
      .search({ query, groupIds, authorId, limit: first + 1, offset }, SEARCH_MARKS);
    const nodes = rows.slice(0, first).map(({ title, snippet, ...row }) => ({
      ...row,
      titleHtml: highlight(title),
      snippetHtml: highlight(plainSnippet(snippet)),
    }));
    const hasNextPage = rows.length > first;
    return { nodes, hasNextPage, endCursor: hasNextPage ? searchCursor(offset, first) : null };
  }
}
