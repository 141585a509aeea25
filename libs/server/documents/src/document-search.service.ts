import { Injectable } from '@nestjs/common';
import {
  InputCheck,
  SEARCH_MARKS,
  highlightedHtml,
  searchCursor,
  searchInput,
  type Viewer,
} from '@convene/server-core';
import { GroupsService } from '@convene/server-groups';
import { DocumentRepository, searchDocuments } from './document.repository.js';
import type { Document } from './document.entity.js';

export interface DocumentSearchHit {
  document: Document;
  /** Safe HTML: the text escaped, the matched words in <mark>. */
  titleHtml: string;
  snippetHtml: string;
}

/**
 * Full-text search over the documents of the groups the viewer belongs to (never others): titles,
 * descriptions and the text of text and PDF files. Accents and case are folded as in discussions.
 */
@Injectable()
export class DocumentSearchService {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly groups: GroupsService,
  ) {}

  async search(
    viewer: Viewer,
    input: { query: string; groupId?: string | null; first?: number | null; after?: string | null },
  ) {
    const check = new InputCheck();
    const { query, first, offset } = searchInput(check, input, 10);
    const groupId = input.groupId ? check.uuid('groupId', input.groupId, 'Group') : null;
    check.done();

    const memberOf = await this.groups.activeGroupIdsOf(viewer.userId);
    const groupIds = groupId ? memberOf.filter((id) => id === groupId) : memberOf;
    if (!groupIds.length) return { nodes: [] as DocumentSearchHit[], endCursor: null, hasNextPage: false };
    const rows = await searchDocuments(this.documents, { query, groupIds, limit: first + 1, offset }, SEARCH_MARKS);
    const found = new Map((await this.documents.find({ id: { $in: rows.map((r) => r.id) } })).map((d) => [d.id, d]));
    const nodes = rows.slice(0, first).flatMap((r) => {
      const document = found.get(r.id);
      return document
        ? [{ document, titleHtml: highlightedHtml(r.title), snippetHtml: highlightedHtml(r.snippet ?? '') }]
        : [];
    });
    const hasNextPage = rows.length > first;
    return { nodes, hasNextPage, endCursor: hasNextPage ? searchCursor(offset, first) : null };
  }
}
