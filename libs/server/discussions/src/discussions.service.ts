import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import {
  InputCheck,
  InputError,
  OutboxService,
  isUuid,
  stripControlCharacters,
  type OutboxEvent,
  type Viewer,
} from '@convene/server-core';
import { LIMITS, Reaction } from '@convene/shared-contracts';
import { GroupsService, WorkingGroup, type GroupView } from '@convene/server-groups';
import { User } from '@convene/server-identity';
import { NotificationPreferencesService } from '@convene/server-notifications';
import { DiscussionAccess } from './discussion-access.service.js';
import { ThreadRealtime } from './thread-realtime.service.js';
import { discussionsErrors } from './discussions.errors.js';
import { mentionKey, mentionsIn, renderMarkdown, type MentionTarget } from './markdown.util.js';
import { PostReaction } from './post-reaction.entity.js';
import { PostRevision } from './post-revision.entity.js';
import { Post } from './post.entity.js';
import { inReactionOrder, type PostCursor, type PostValues, type ReactionCount } from './post.repository.js';
import { ThreadRevision } from './thread-revision.entity.js';
import { ThreadRead } from './thread-read.entity.js';
import { Thread } from './thread.entity.js';
import type { ThreadCursor, ThreadSummary } from './thread.repository.js';

export interface Page<T> {
  nodes: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** A body checked, its mentions resolved to members, rendered. */
interface WrittenBody {
  body: string;
  bodyHtml: string;
  mentionedIds: string[];
  groupConvenors: boolean;
}

const TAG_PATTERN = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

/** Cursors are opaque to clients: base64url of the sort key. */
const encodeCursor = (...key: (string | number)[]) => Buffer.from(key.join('|')).toString('base64url');
function decodeCursor(
  check: InputCheck,
  cursor: string | null | undefined,
  parts: 2 | 3,
): { pinned: boolean; at: Date; id: string } | null {
  if (!cursor) return null;
  const values = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [pinned, at, id] = parts === 3 ? values : ['0', ...values];
  const date = new Date(at ?? '');
  if (
    values.length !== parts ||
    !id ||
    Number.isNaN(date.getTime()) ||
    !isUuid(id) ||
    !['0', '1'].includes(pinned ?? '')
  ) {
    check.fail('after', 'This cursor is not valid; start from the first page.');
    return null;
  }
  return { pinned: pinned === '1', at: date, id };
}

@Injectable()
export class DiscussionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly groups: GroupsService,
    private readonly outbox: OutboxService,
    private readonly access: DiscussionAccess,
    private readonly live: ThreadRealtime,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  /** Members start threads in their group: a title, an opening post in Markdown, a few tags. */
  async createThread(
    viewer: Viewer,
    input: { groupId: string; title: string; body: string; tags?: string[] | null },
  ): Promise<Thread> {
    const check = new InputCheck();
    const groupId = check.uuid('groupId', input.groupId, 'Group');
    const title = check.text('title', input.title, { max: LIMITS.threadTitleMax, label: 'Title' });
    const body = this.checkBody(check, input.body);
    const tags = this.checkTags(check, input.tags);
    check.done();
    const view = await this.groups.byId(viewer, groupId);
    if (!view.isActiveMember) throw discussionsErrors.notAMember();
    this.groups.assertWritable(view);
    const written = await this.write(view, body);

    const { thread, events } = await this.em.transactional(async (em) => {
      const author = em.getReference(User, viewer.userId, { wrapped: true });
      const thread = em.create(Thread, {
        group: em.getReference(WorkingGroup, groupId, { wrapped: true }),
        author,
        title,
        tags,
      });
      const post = em.create(Post, {
        thread,
        author,
        body: written.body,
        bodyHtml: written.bodyHtml,
        mentionedIds: written.mentionedIds,
      });
      em.create(ThreadRead, { userId: viewer.userId, threadId: thread.id, readCount: 1, readAt: post.createdAt });
      const events = [
        this.outbox.record('thread.created', {
          threadId: thread.id,
          groupId,
          authorId: viewer.userId,
          mentionedIds: written.mentionedIds,
          groupConvenors: written.groupConvenors,
        }),
        ...this.mentionEvents(post, thread, viewer.userId, written, []),
      ];
      await em.flush();
      // Its author watches it from now on (unless they choose otherwise).
      await this.preferences.watchThreadIfUnset(em, viewer.userId, thread.id);
      return { thread, events };
    });
    await this.outbox.publish(events);
    return thread;
  }

  /** Replies go under the thread's opening post, or under any post of the same thread. */
  async reply(viewer: Viewer, input: { threadId: string; parentPostId?: string | null; body: string }): Promise<Post> {
    const check = new InputCheck();
    const threadId = check.uuid('threadId', input.threadId, 'Discussion');
    const parentId = input.parentPostId ? check.uuid('parentPostId', input.parentPostId, 'Post') : null;
    const body = this.checkBody(check, input.body);
    check.done();
    const { view } = await this.access.threadToChange(viewer, threadId);
    const written = await this.write(view, body);

    const { post, events } = await this.em.transactional(async (em) => {
      // Locked so that replies to one thread count and order correctly, and a lock by a convenor wins.
      const thread = await em.findOneOrFail(Thread, { id: threadId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (thread.locked) throw discussionsErrors.threadLocked();
      const parent = parentId
        ? await em.findOne(Post, { id: parentId, thread: threadId })
        : await em.findOne(Post, { thread: threadId, parent: null });
      if (!parent) throw new InputError({ parentPostId: 'Reply to a post of this discussion.' });
      const post = em.create(Post, {
        thread,
        parent,
        author: em.getReference(User, viewer.userId, { wrapped: true }),
        body: written.body,
        bodyHtml: written.bodyHtml,
        mentionedIds: written.mentionedIds,
        depth: parent.depth + 1,
      });
      thread.postCount += 1;
      thread.lastActivityAt = post.createdAt;
      // Writing in a discussion means having read it up to one's own post, and watching it
      // (unless one chose otherwise).
      await em.upsert(ThreadRead, {
        userId: viewer.userId,
        threadId,
        readCount: thread.postCount,
        readAt: post.createdAt,
      });
      await this.preferences.watchThreadIfUnset(em, viewer.userId, threadId);
      const events = [
        this.outbox.record('post.replied', {
          postId: post.id,
          threadId,
          groupId: thread.group.id,
          authorId: viewer.userId,
          parentAuthorId: parent.author.id,
          mentionedIds: written.mentionedIds,
          groupConvenors: written.groupConvenors,
        }),
        ...this.mentionEvents(post, thread, viewer.userId, written, []),
      ];
      return { post, events };
    });
    await this.outbox.publish(events);
    void this.live.post(post, 'REPLY');
    return post;
  }

  /** Authors edit their own posts; the text it replaces is kept as a revision members can read. */
  async editPost(viewer: Viewer, input: { postId: string; body: string }): Promise<Post> {
    const check = new InputCheck();
    const body = this.checkBody(check, input.body);
    check.done();
    const { post, thread, view } = await this.access.postToChange(viewer, input.postId);
    if (post.author.id !== viewer.userId) throw discussionsErrors.notTheAuthor();
    const written = await this.write(view, body);

    const events = await this.em.transactional(async (em) => {
      // The thread first (as a reply and a lock take it), then the post: a lock or a delete that
      // commits meanwhile is seen here.
      const current = await em.findOneOrFail(
        Thread,
        { id: thread.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      const locked = await em.findOneOrFail(
        Post,
        { id: post.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (locked.deletedAt) throw discussionsErrors.postDeleted();
      if (locked.hiddenAt) throw discussionsErrors.postHidden();
      if (current.locked) throw discussionsErrors.threadLocked();
      if (locked.body === written.body) return [];
      const now = new Date();
      em.create(PostRevision, {
        post: locked,
        body: locked.body,
        bodyHtml: locked.bodyHtml,
        writtenAt: locked.editedAt ?? locked.createdAt,
        replacedAt: now,
        editor: em.getReference(User, viewer.userId, { wrapped: true }),
      });
      const before = locked.mentionedIds;
      // People already told about this post are not told again; everyone it mentions stays listed.
      // Likewise the convenors, if any earlier text of the post called them.
      const earlier = [
        locked.body,
        ...(await em.find(PostRevision, { post: locked.id }, { fields: ['body'] })).map((r) => r.body),
      ];
      const convenorsTold = earlier.some((text) => mentionsIn(text).groupConvenors);
      const events = this.mentionEvents(
        locked,
        thread,
        viewer.userId,
        { ...written, groupConvenors: written.groupConvenors && !convenorsTold },
        before,
      );
      Object.assign(locked, {
        body: written.body,
        bodyHtml: written.bodyHtml,
        editedAt: now,
        mentionedIds: [...new Set([...before, ...written.mentionedIds])],
      });
      return events;
    });
    await this.outbox.publish(events);
    const edited = await this.em.findOneOrFail(Post, { id: post.id }, { refresh: true });
    void this.live.post(edited, 'UPDATE');
    return edited;
  }

  /** Authors delete their own posts: the place in the tree stays, the text, its history and reactions go. */
  async deletePost(viewer: Viewer, postId: string): Promise<Post> {
    const { post } = await this.access.postToChange(viewer, postId);
    if (post.author.id !== viewer.userId) throw discussionsErrors.notTheAuthor();
    await this.em.transactional(async (em) => {
      const locked = await em.findOneOrFail(
        Post,
        { id: post.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (locked.deletedAt) return;
      Object.assign(locked, { body: '', bodyHtml: '', deletedAt: new Date(), mentionedIds: [] });
      await em.nativeDelete(PostRevision, { post: post.id });
      await em.nativeDelete(PostReaction, { postId: post.id });
    });
    const deleted = await this.em.findOneOrFail(Post, { id: post.id }, { refresh: true });
    void this.live.post(deleted, 'UPDATE');
    return deleted;
  }

  /** Adds or takes back one of the fixed reactions; doing the same twice changes nothing. */
  async react(viewer: Viewer, input: { postId: string; reaction: Reaction; active: boolean }): Promise<Post> {
    const check = new InputCheck();
    const reaction = check.oneOf('reaction', input.reaction, Object.values(Reaction), 'Reaction');
    check.done();
    const { post } = await this.access.postToChange(viewer, input.postId);
    if (post.deletedAt) throw discussionsErrors.postDeleted();
    if (post.hiddenAt) throw discussionsErrors.postHidden();
    const key = { postId: post.id, userId: viewer.userId, reaction };
    if (input.active) {
      // Refused in the same statement if the post was deleted or hidden meanwhile.
      if (!(await this.em.getRepository(Post).addReaction(key.postId, key.userId, key.reaction)))
        throw discussionsErrors.postDeleted();
    } else {
      await this.em.nativeDelete(PostReaction, key);
    }
    void this.live.post(post, 'UPDATE');
    return post;
  }

  /** What a post will look like, before it is posted: the same rendering, nothing stored. */
  async preview(viewer: Viewer, input: { body: string; groupId?: string | null }): Promise<string> {
    const check = new InputCheck();
    const body = this.checkBody(check, input.body);
    const groupId = input.groupId ? check.uuid('groupId', input.groupId, 'Group') : null;
    check.done();
    if (!groupId) return renderMarkdown(body);
    const view = await this.groups.byId(viewer, groupId);
    if (!view.isActiveMember) throw discussionsErrors.notAMember();
    return (await this.write(view, body, { lenient: true })).bodyHtml;
  }

  /** A thread the viewer may read: they are an active member of its group. */
  async thread(viewer: Viewer, id: string): Promise<Thread> {
    return (await this.access.thread(viewer, id, 'id')).thread;
  }

  /** The id of a thread the viewer may read (to watch it live): checked as for `thread`, in one statement. */
  watchableThreadId(viewer: Viewer, id: string): Promise<string> {
    return this.access.readableThreadId(viewer, id, 'id');
  }

  /**
   * A readable thread for its page: with its author and the viewer's position (and, when asked,
   * their first unread post), and its group as the viewer sees it.
   */
  threadForPage(
    viewer: Viewer,
    id: string,
    asks: { firstUnread: boolean } = { firstUnread: false },
  ): Promise<{ thread: ThreadSummary; view: GroupView }> {
    return this.access.threadSummary(viewer, id, asks);
  }

  /** A group's threads (as the viewer sees the group): pinned first, then latest activity; null for people outside it. */
  async threadsOf(
    viewer: Viewer,
    view: GroupView,
    args: { first?: number | null; after?: string | null; firstUnread?: boolean },
  ): Promise<Page<ThreadSummary> | null> {
    const check = new InputCheck();
    const first = this.checkFirst(check, args.first);
    const after = decodeCursor(check, args.after, 3);
    check.done();
    if (!view.isActiveMember) return null;
    const rows = await this.em
      .getRepository(Thread)
      .summariesOf(
        view.group.id,
        viewer.userId,
        first + 1,
        after && ({ pinned: after.pinned, lastActivityAt: after.at, id: after.id } satisfies ThreadCursor),
        { firstUnread: args.firstUnread ?? false },
      );
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    return {
      nodes,
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor(last.pinned ? 1 : 0, last.lastActivityAt.toISOString(), last.id) : null,
    };
  }

  /** A readable thread's posts in the order they were written. */
  async postsOf(
    viewer: Viewer,
    thread: { id: string },
    args: { first?: number | null; after?: string | null },
  ): Promise<Page<PostValues>> {
    const check = new InputCheck();
    const first = this.checkFirst(check, args.first);
    const after = decodeCursor(check, args.after, 2);
    check.done();
    const rows = await this.em
      .getRepository(Post)
      .pageOf(
        thread.id,
        viewer.userId,
        first + 1,
        after && ({ createdAt: after.at, id: after.id } satisfies PostCursor),
      );
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    return {
      nodes,
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor(last.createdAt.toISOString(), last.id) : null,
    };
  }

  /**
   * Changes a discussion's title or tags (those given): its author while it is open, or the
   * group's convenors. What they replace goes to its history; an edit that changes nothing leaves none.
   */
  async updateThread(
    viewer: Viewer,
    input: { threadId: string; title?: string | null; tags?: string[] | null },
  ): Promise<Thread> {
    const check = new InputCheck();
    const threadId = check.uuid('threadId', input.threadId, 'Discussion');
    const title =
      input.title === undefined || input.title === null
        ? null
        : check.text('title', input.title, { max: LIMITS.threadTitleMax, label: 'Title' });
    const tags = input.tags === undefined || input.tags === null ? null : this.checkTags(check, input.tags);
    check.done();
    const { thread, view } = await this.access.threadToChange(viewer, threadId);
    if (thread.author.id !== viewer.userId && !view.canManage) throw discussionsErrors.notTheAuthor();
    return this.em.transactional(async (em) => {
      const current = await em.findOneOrFail(
        Thread,
        { id: threadId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      // A lock closes a discussion to its author's edits too; its convenors may still tidy it.
      if (current.locked && !view.canManage) throw discussionsErrors.threadLocked();
      const nextTitle = title ?? current.title;
      const nextTags = tags ?? current.tags;
      if (nextTitle === current.title && nextTags.join('\n') === current.tags.join('\n')) return current;
      const now = new Date();
      em.create(ThreadRevision, {
        thread: current,
        title: current.title,
        tags: current.tags,
        replacedAt: now,
        editor: em.getReference(User, viewer.userId, { wrapped: true }),
      });
      current.title = nextTitle;
      current.tags = nextTags;
      current.editedAt = now;
      await em.flush();
      return current;
    });
  }

  /** A discussion's earlier titles and tags, newest first, with who replaced them. */
  async threadRevisions(viewer: Viewer, threadId: string): Promise<ThreadRevision[]> {
    const { thread } = await this.access.thread(viewer, threadId);
    return this.em.find(
      ThreadRevision,
      { thread: thread.id },
      { orderBy: { replacedAt: 'desc', id: 'desc' }, populate: ['editor'] },
    );
  }

  /** Earlier texts of a post, newest first; empty for a deleted post (its history went with it). */
  async revisions(viewer: Viewer, postId: string): Promise<PostRevision[]> {
    const { post } = await this.access.post(viewer, postId);
    if (post.hiddenAt && !(await this.maySeeHidden(viewer, post))) return [];
    return this.em.find(PostRevision, { post: post.id }, { orderBy: { replacedAt: 'desc', id: 'desc' } });
  }

  /** Whether the viewer sees a hidden post's text: its author and the group's moderators do. */
  async maySeeHidden(viewer: Viewer, post: Post): Promise<boolean> {
    if (post.author.id === viewer.userId) return true;
    const thread = await this.em.findOneOrFail(Thread, { id: post.thread.id });
    return (await this.groups.byId(viewer, thread.group.id)).canManage;
  }

  /** Moves the viewer's read position forward (never back): to `readCount` posts, or to the end. */
  async markRead(viewer: Viewer, input: { threadId: string; readCount?: number | null }): Promise<Thread> {
    const { thread } = await this.access.thread(viewer, input.threadId);
    const check = new InputCheck();
    if (input.readCount != null && (!Number.isInteger(input.readCount) || input.readCount < 0))
      check.fail('readCount', 'Give a number of posts, zero or more.');
    check.done();
    const readCount = Math.min(input.readCount ?? thread.postCount, thread.postCount);
    await this.em.getRepository(ThreadRead).advance(viewer.userId, thread.id, readCount);
    return thread;
  }

  /** How many posts of each thread the viewer has read; one query for a page of threads. */
  readCounts(viewer: Viewer, threadIds: string[]): Promise<Map<string, number>> {
    return this.em.getRepository(ThreadRead).readCounts(viewer.userId, threadIds);
  }

  /** The first post the viewer has not read, in written order; null when they are up to date. */
  firstUnreadPostId(thread: { id: string }, readCount: number): Promise<string | null> {
    return this.em.getRepository(Post).idAt(thread.id, readCount);
  }

  /** Reaction counts of a page of posts (in the fixed order of reactions), and whether the viewer gave each; one query. */
  async reactionsOf(viewer: Viewer, postIds: string[]): Promise<Map<string, ReactionCount[]>> {
    const result = new Map<string, ReactionCount[]>(postIds.map((id) => [id, []]));
    for (const row of await this.em.getRepository(Post).reactionCounts(viewer.userId, postIds)) {
      result.get(row.postId)?.push({ reaction: row.reaction, count: row.count, mine: row.mine });
    }
    for (const list of result.values()) inReactionOrder(list);
    return result;
  }

  /** The people the viewer can @mention in a group, filtered by the start of a name. */
  async mentionable(view: GroupView, query: string | null | undefined, first: number): Promise<MentionTarget[] | null> {
    const people = await this.groups.mentionable(view);
    if (!people) return null;
    const wanted = mentionKey(query ?? '');
    return people
      .filter(
        (p) =>
          !wanted ||
          mentionKey(p.displayName)
            .split(' ')
            .some((part, i, parts) => parts.slice(i).join(' ').startsWith(wanted)),
      )
      .slice(0, Math.min(Math.max(first, 1), 20))
      .map((p) => ({ id: p.id, name: p.displayName }));
  }

  /**
   * Resolves a body's mentions against the people the author can mention in the group, and
   * renders it. A name that is not a member's is refused (BAD_USER_INPUT MENTION_NOT_A_MEMBER),
   * unless `lenient` (the preview shows it as plain text).
   */
  private async write(view: GroupView, body: string, opts: { lenient?: boolean } = {}): Promise<WrittenBody> {
    const found = mentionsIn(body);
    const people = new Map<string, MentionTarget>();
    if (found.names.length) {
      for (const person of (await this.groups.mentionable(view)) ?? []) {
        const key = mentionKey(person.displayName);
        // Two members with one name: the mention is ambiguous and left as text.
        people.set(
          key,
          people.has(key) ? { id: '', name: person.displayName } : { id: person.id, name: person.displayName },
        );
      }
      const unknown = [...new Set(found.names.filter((name) => !people.get(mentionKey(name))?.id))];
      if (unknown.length && !opts.lenient) throw discussionsErrors.mentionNotAMember(unknown);
      const distinct = new Set(found.names.map(mentionKey));
      if (distinct.size > LIMITS.mentionsMax && !opts.lenient) {
        new InputCheck().fail('body', `Mention at most ${LIMITS.mentionsMax} people in one post.`).done();
      }
    }
    for (const [key, person] of people) if (!person.id) people.delete(key);
    const mentionedIds = [
      ...new Set(found.names.map((name) => people.get(mentionKey(name))?.id).filter((id): id is string => !!id)),
    ];
    return { body, bodyHtml: renderMarkdown(body, people), mentionedIds, groupConvenors: found.groupConvenors };
  }

  /** Tells the people a post mentions (leaving out those already told, and the author). */
  private mentionEvents(
    post: Post,
    thread: Thread,
    authorId: string,
    written: WrittenBody,
    alreadyTold: string[],
  ): OutboxEvent[] {
    const userIds = written.mentionedIds.filter((id) => id !== authorId && !alreadyTold.includes(id));
    if (!userIds.length && !written.groupConvenors) return [];
    return [
      this.outbox.record('post.mentioned', {
        postId: post.id,
        threadId: thread.id,
        groupId: thread.group.id,
        authorId,
        userIds,
        groupConvenors: written.groupConvenors,
      }),
    ];
  }

  private checkBody(check: InputCheck, value: string | null | undefined): string {
    // Control characters other than tabs and line breaks have no place in a post (and some mark search matches).
    const body = stripControlCharacters(value ?? '').trim();
    if (!body) check.fail('body', 'Write something first.');
    else if (body.length > LIMITS.postBodyMax)
      check.fail('body', `Posts can be at most ${LIMITS.postBodyMax} characters.`);
    return body;
  }

  checkTags(check: InputCheck, value: string[] | null | undefined): string[] {
    const tags = [...new Set((value ?? []).map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
    if (tags.length > LIMITS.threadTagsMax) check.fail('tags', `Use at most ${LIMITS.threadTagsMax} tags.`);
    tags.forEach((tag, i) => {
      if (tag.length > LIMITS.threadTagMax || !TAG_PATTERN.test(tag))
        check.fail(`tags.${i}`, `Tags are single words or hyphenated, up to ${LIMITS.threadTagMax} characters.`);
    });
    return tags;
  }

  private checkFirst(check: InputCheck, value: number | null | undefined): number {
    const first = value ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > LIMITS.discussionPageMax)
      check.fail('first', `Ask for between 1 and ${LIMITS.discussionPageMax} at a time.`);
    return first;
  }
}
