import { EntityRepository } from '@mikro-orm/postgresql';
import { MembershipStatus } from '@convene/shared-contracts';
import { organisationOf, type PersonValues } from '@convene/server-identity';
import type { Thread } from './thread.entity.js';

export interface ThreadCursor {
  pinned: boolean;
  lastActivityAt: Date;
  id: string;
}

/** A thread as a list shows it, read as plain values with its author and the reader's position. */
export interface ThreadSummary {
  id: string;
  groupId: string;
  title: string;
  tags: string[];
  pinned: boolean;
  locked: boolean;
  postCount: number;
  createdAt: Date;
  lastActivityAt: Date;
  /** When its title or tags last changed; null if never. */
  editedAt: Date | null;
  author: PersonValues | null;
  /** Posts, in written order, the reader has read (never more than there are). */
  readCount: number;
  /** The first post the reader has not read (null when up to date); only when asked for. */
  firstUnreadPostId?: string | null;
}

type SummaryRow = {
  id: string;
  group_id: string;
  title: string;
  tags: string[];
  pinned: boolean;
  locked: boolean;
  post_count: number;
  created_at: Date;
  last_activity_at: Date;
  edited_at: Date | null;
  org_id: string | null;
  org_name: string | null;
  org_website: string | null;
  read_count: number | null;
  first_unread_id?: string | null;
  // The author's columns come from one left-joined user: all there, or all null.
} & ({ author_id: string; author_name: string } | { author_id: null; author_name: null });

/** A discussion as a link to it shows it. */
export interface LinkedThread {
  id: string;
  title: string;
  groupId: string;
}

export class ThreadRepository extends EntityRepository<Thread> {
  /**
   * A page of a group's threads for a reader, pinned first, then latest activity: one statement
   * into plain values (a hot read-only list: no entities, no identity map).
   */
  async summariesOf(
    groupId: string,
    readerId: string,
    limit: number,
    after: ThreadCursor | null,
    asks: { firstUnread: boolean },
  ): Promise<ThreadSummary[]> {
    const order = 'order by t.pinned desc, t.last_activity_at desc, t.id desc';
    return this.summaries(
      readerId,
      `t.group_id = ?${after ? ' and (t.pinned, t.last_activity_at, t.id) < (?, ?, ?)' : ''} ${order} limit ?`,
      [groupId, ...(after ? [after.pinned, after.lastActivityAt, after.id] : []), limit],
      order,
      asks,
    );
  }

  /**
   * The threads among `ids` whose group the person is an active member of, as id, title and group:
   * one plain statement, for links to discussions shown on other pages (a document's, a meeting's).
   */
  async readableBy(userId: string, ids: string[]): Promise<Map<string, LinkedThread>> {
    if (!ids.length) return new Map();
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ id: string; title: string; group_id: string }[]>(
        `select t.id, t.title, t.group_id from threads t
       join memberships m on m.group_id = t.group_id and m.user_id = ? and m.status = ?
       where t.id = any(?::uuid[])`,
        [userId, MembershipStatus.ACTIVE, `{${ids.join(',')}}`],
      );
    return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, groupId: r.group_id }]));
  }

  /** One thread for a reader, as a list shows it; null when there is none. */
  async summaryOf(threadId: string, readerId: string, asks: { firstUnread: boolean }): Promise<ThreadSummary | null> {
    return (await this.summaries(readerId, 't.id = ?', [threadId], '', asks))[0] ?? null;
  }

  /**
   * Threads with their authors and the reader's position, and when asked the first post they have
   * not read (by written order, as Post.idAt), in one statement. The threads are picked first (`pick`:
   * the condition, order and limit), then joined: so the reader's positions are looked up for the
   * picked threads alone, not read in full for every thread they ever opened.
   */
  private async summaries(
    readerId: string,
    pick: string,
    pickParams: unknown[],
    order: string,
    asks: { firstUnread: boolean },
  ): Promise<ThreadSummary[]> {
    const firstUnread = asks.firstUnread
      ? `, case when coalesce(r.read_count, 0) < t.post_count then
           (select p.id from posts p where p.thread_id = t.id order by p.created_at, p.id offset coalesce(r.read_count, 0) limit 1)
         end as first_unread_id`
      : '';
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<SummaryRow[]>(
        `select t.id, t.group_id, t.title, t.tags, t.pinned, t.locked, t.post_count, t.created_at, t.last_activity_at, t.edited_at,
           u.id as author_id, u.display_name as author_name, o.id as org_id, o.name as org_name, o.website as org_website, r.read_count${firstUnread}
         from (select * from threads t where ${pick}) t
         left join users u on u.id = t.author_id
         left join partner_organisations o on o.id = u.organisation_id
         left join thread_reads r on r.thread_id = t.id and r.user_id = ?
         ${order}`,
        [...pickParams, readerId],
      );
    return rows.map((row) => ({
      id: row.id,
      groupId: row.group_id,
      title: row.title,
      tags: row.tags,
      pinned: row.pinned,
      locked: row.locked,
      postCount: row.post_count,
      createdAt: new Date(row.created_at),
      lastActivityAt: new Date(row.last_activity_at),
      editedAt: row.edited_at ? new Date(row.edited_at) : null,
      author: row.author_id
        ? { id: row.author_id, displayName: row.author_name, organisation: organisationOf(row) }
        : null,
      readCount: Math.min(row.read_count ?? 0, row.post_count),
      ...(asks.firstUnread ? { firstUnreadPostId: row.first_unread_id ?? null } : {}),
    }));
  }
}
