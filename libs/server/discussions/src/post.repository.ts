import { EntityRepository } from '@mikro-orm/postgresql';
import { Reaction } from '@convene/shared-contracts';
import { organisationOf, type PersonValues } from '@convene/server-identity';
import type { Post } from './post.entity.js';

export interface PostCursor {
  createdAt: Date;
  id: string;
}

/** How many people gave a reaction to a post, and whether the reader did. */
export interface ReactionCount {
  reaction: Reaction;
  count: number;
  mine: boolean;
}

/** A reaction count with the post it is of (counts of several posts read at once). */
export interface ReactionRow extends ReactionCount {
  postId: string;
}

const REACTION_ORDER = Object.values(Reaction);

/** Reactions in the fixed order of the Reaction enum. */
export function inReactionOrder(counts: ReactionCount[]): ReactionCount[] {
  return counts.sort((a, b) => REACTION_ORDER.indexOf(a.reaction) - REACTION_ORDER.indexOf(b.reaction));
}

export interface SearchRow {
  postId: string;
  threadId: string;
  groupId: string;
  authorId: string;
  createdAt: Date;
  /** The title and passages of the post, matches between `marks.start` and `marks.stop`. */
  title: string;
  snippet: string;
}

/** A post as a thread page shows it, read as plain values with its author. */
export interface PostValues {
  id: string;
  threadId: string;
  parentId: string | null;
  depth: number;
  body: string;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  authorId: string;
  author: PersonValues | null;
  /** The reader's view of the reactions (see PostRepository.pageOf). */
  reactions: ReactionCount[];
}

interface PostRow {
  id: string;
  thread_id: string;
  parent_id: string | null;
  depth: number;
  body: string;
  body_html: string;
  created_at: Date | string;
  edited_at: Date | string | null;
  deleted_at: Date | string | null;
  hidden_at: Date | string | null;
  hidden_reason: string | null;
  // A post's author is a required reference to a user: the left join always finds them.
  author_id: string;
  author_name: string;
  org_id: string | null;
  org_name: string | null;
  org_website: string | null;
  reactions: ReactionCount[];
}

export class PostRepository extends EntityRepository<Post> {
  /**
   * A page of a thread's posts in written order (the client builds the reply tree), with their
   * authors and reaction counts (and whether `readerId` gave each): one statement into plain values
   * (a hot read-only list: no entities, no identity map).
   */
  async pageOf(threadId: string, readerId: string, limit: number, after: PostCursor | null): Promise<PostValues[]> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<PostRow[]>(
        `select p.id, p.thread_id, p.parent_id, p.depth, p.body, p.body_html, p.created_at, p.edited_at, p.deleted_at, p.hidden_at, p.hidden_reason,
           u.id as author_id, u.display_name as author_name, o.id as org_id, o.name as org_name, o.website as org_website,
           coalesce((select json_agg(json_build_object('reaction', x.reaction, 'count', x.count, 'mine', x.mine))
             from (select reaction, count(*)::int as count, bool_or(user_id = ?) as mine from post_reactions where post_id = p.id group by reaction) x), '[]') as reactions
         from posts p
         left join users u on u.id = p.author_id
         left join partner_organisations o on o.id = u.organisation_id
         where p.thread_id = ?${after ? ' and (p.created_at, p.id) > (?, ?)' : ''}
         order by p.created_at, p.id
         limit ?`,
        [readerId, threadId, ...(after ? [after.createdAt, after.id] : []), limit],
      );
    const date = (value: Date | string | null) => (value === null ? null : new Date(value));
    return rows.map((row) => ({
      id: row.id,
      threadId: row.thread_id,
      parentId: row.parent_id,
      depth: row.depth,
      body: row.body,
      bodyHtml: row.body_html,
      createdAt: new Date(row.created_at),
      editedAt: date(row.edited_at),
      deletedAt: date(row.deleted_at),
      hiddenAt: date(row.hidden_at),
      hiddenReason: row.hidden_reason,
      authorId: row.author_id,
      author: row.author_id
        ? { id: row.author_id, displayName: row.author_name, organisation: organisationOf(row) }
        : null,
      reactions: inReactionOrder(row.reactions),
    }));
  }

  /** The post at a position (0-based, in written order) of a thread; null past the end. */
  async idAt(threadId: string, position: number): Promise<string | null> {
    const [post] = await this.find(
      { thread: threadId },
      { fields: ['id'], orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], offset: position, limit: 1 },
    );
    return post?.id ?? null;
  }

  /** Reaction counts of some posts, and whether `viewerId` gave each; one query. */
  async reactionCounts(viewerId: string, postIds: string[]): Promise<ReactionRow[]> {
    if (!postIds.length) return [];
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ post_id: string; reaction: Reaction; count: string; mine: boolean }[]>(
        `select post_id, reaction, count(*) as count, bool_or(user_id = ?) as mine
       from post_reactions where post_id = any(?::uuid[])
       group by post_id, reaction`,
        [viewerId, `{${postIds.join(',')}}`],
      );
    return rows.map((r) => ({ postId: r.post_id, reaction: r.reaction, count: Number(r.count), mine: r.mine }));
  }

  /** Adds a reaction once (adding it again changes nothing); false when the post is deleted or hidden. */
  async addReaction(postId: string, userId: string, reaction: Reaction): Promise<boolean> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ live: boolean }[]>(
        `with live as (select id from posts where id = ? and deleted_at is null and hidden_at is null),
       added as (insert into post_reactions (post_id, user_id, reaction, created_at) select id, ?, ?, now() from live on conflict do nothing)
       select exists (select 1 from live) as live`,
        [postId, userId, reaction],
      );
    return rows[0]?.live ?? false;
  }

  /**
   * Full-text search in some groups: matching posts, and the opening posts of threads whose title
   * matches, ranked together; deleted and hidden posts left out. Matches are marked with
   * `marks.start` / `marks.stop` for the caller to turn into markup after escaping the text.
   */
  async search(
    args: { query: string; groupIds: string[]; authorId: string | null; limit: number; offset: number },
    marks: { start: string; stop: string },
  ): Promise<SearchRow[]> {
    const groups = `{${args.groupIds.join(',')}}`;
    // Only ids, times and ranks are sorted; the texts are read for the page's rows alone. A post's
    // group is in the words' index with them: the matches of other groups are never read.
    const live = `p.deleted_at is null and p.hidden_at is null${args.authorId ? ' and p.author_id = ?' : ''}`;
    const author = args.authorId ? [args.authorId] : [];
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<
        {
          post_id: string;
          thread_id: string;
          group_id: string;
          author_id: string;
          created_at: Date;
          title: string;
          snippet: string;
        }[]
      >(
        `with q as (select websearch_to_tsquery('convene_search', ?) as q),
       hits as (
         select p.id, p.created_at, ts_rank(p.search_vector, q.q) as rank
         from posts p, q
         where p.search_vector @@ q.q and p.group_id = any(?::uuid[]) and ${live}
         union all
         select p.id, p.created_at, ts_rank(t.search_vector, q.q) * 2 as rank
         from threads t join posts p on p.thread_id = t.id and p.parent_id is null, q
         where t.search_vector @@ q.q and t.group_id = any(?::uuid[]) and ${live}
       ),
       ranked as (
         select id, created_at, sum(rank) as rank from hits
         group by id, created_at
         order by rank desc, created_at desc, id
         limit ? offset ?
       )
       select p.id as post_id, p.thread_id, t.group_id, p.author_id, p.created_at,
         ts_headline('convene_search', t.title, q.q, 'StartSel=${marks.start}, StopSel=${marks.stop}, HighlightAll=true') as title,
         ts_headline('convene_search', p.body, q.q, 'StartSel=${marks.start}, StopSel=${marks.stop}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') as snippet
       from ranked r join posts p on p.id = r.id join threads t on t.id = p.thread_id, q
       order by r.rank desc, r.created_at desc, r.id`,
        [args.query, groups, ...author, groups, ...author, args.limit, args.offset],
      );
    return rows.map((r) => ({
      postId: r.post_id,
      threadId: r.thread_id,
      groupId: r.group_id,
      authorId: r.author_id,
      createdAt: new Date(r.created_at),
      title: r.title,
      snippet: r.snippet,
    }));
  }
}
