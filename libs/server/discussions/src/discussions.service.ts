import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { InputCheck, OutboxService, type Viewer } from '@convene/server-core';
import { LIMITS } from '@convene/shared-contracts';
import { GroupsService, WorkingGroupEntity, type GroupView } from '@convene/server-groups';
import { UserEntity } from '@convene/server-identity';
import { discussionsErrors } from './discussions.errors.js';
import { renderMarkdown } from './markdown.util.js';
import { Post } from './post.entity.js';
import type { PostCursor } from './post.repository.js';
import { Thread } from './thread.entity.js';
import type { ThreadCursor } from './thread.repository.js';

export interface Page<T> {
  nodes: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}

const TAG_PATTERN = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

/** Cursors are opaque to clients: base64url of the sort key. */
const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
function decodeCursor(check: InputCheck, cursor: string | null | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    check.fail('after', 'This cursor is not valid; start from the first page.');
    return null;
  }
  return { at: date, id };
}

@Injectable()
export class DiscussionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly groups: GroupsService,
    private readonly outbox: OutboxService,
  ) {}

  /** Members start threads in their group: a title, an opening post in Markdown, a few tags. */
  async createThread(viewer: Viewer, input: { groupId: string; title: string; body: string; tags?: string[] | null }): Promise<Thread> {
    const check = new InputCheck();
    const groupId = check.uuid('groupId', input.groupId, 'Group');
    const title = check.text('title', input.title, { max: LIMITS.threadTitleMax, label: 'Title' });
    const body = this.checkBody(check, input.body);
    const tags = [...new Set((input.tags ?? []).map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
    if (tags.length > LIMITS.threadTagsMax) check.fail('tags', `Use at most ${LIMITS.threadTagsMax} tags.`);
    tags.forEach((tag, i) => {
      if (tag.length > LIMITS.threadTagMax || !TAG_PATTERN.test(tag)) check.fail(`tags.${i}`, `Tags are single words or hyphenated, up to ${LIMITS.threadTagMax} characters.`);
    });
    check.done();
    const view = await this.groups.byId(viewer, groupId);
    if (!view.isActiveMember) throw discussionsErrors.notAMember();

    const thread = this.em.create(Thread, {
      group: this.em.getReference(WorkingGroupEntity, groupId, { wrapped: true }),
      author: this.em.getReference(UserEntity, viewer.userId, { wrapped: true }),
      title,
      tags,
    });
    this.em.create(Post, { thread, author: this.em.getReference(UserEntity, viewer.userId, { wrapped: true }), body, bodyHtml: renderMarkdown(body) });
    const event = this.outbox.record('thread.created', { threadId: thread.id, groupId, authorId: viewer.userId });
    await this.em.flush();
    await this.outbox.publish([event]);
    return thread;
  }

  /** Replies go under the thread's opening post, or under any post of the same thread. */
  async reply(viewer: Viewer, input: { threadId: string; parentPostId?: string | null; body: string }): Promise<Post> {
    const check = new InputCheck();
    const threadId = check.uuid('threadId', input.threadId, 'Discussion');
    const parentId = input.parentPostId ? check.uuid('parentPostId', input.parentPostId, 'Post') : null;
    const body = this.checkBody(check, input.body);
    check.done();
    await this.visibleThread(viewer, threadId);

    const { post, event } = await this.em.transactional(async (em) => {
      // Locked so that replies to one thread count and order correctly, and a lock by a convenor wins.
      const thread = await em.findOneOrFail(Thread, { id: threadId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (thread.locked) throw discussionsErrors.threadLocked();
      const parent = parentId
        ? await em.findOne(Post, { id: parentId, thread: threadId })
        : await em.findOne(Post, { thread: threadId, parent: null });
      if (!parent) {
        check.fail('parentPostId', 'Reply to a post of this discussion.');
        check.done();
      }
      const post = em.create(Post, {
        thread,
        parent,
        author: em.getReference(UserEntity, viewer.userId, { wrapped: true }),
        body,
        bodyHtml: renderMarkdown(body),
        depth: parent!.depth + 1,
      });
      thread.postCount += 1;
      thread.lastActivityAt = post.createdAt;
      const event = this.outbox.record('post.replied', {
        postId: post.id,
        threadId,
        groupId: thread.group.id,
        authorId: viewer.userId,
        threadAuthorId: thread.author.id,
        parentAuthorId: parent!.author.id,
      });
      return { post, event };
    });
    await this.outbox.publish([event]);
    return post;
  }

  /** What a post will look like, before it is posted: the same rendering, nothing stored. */
  preview(body: string): string {
    const check = new InputCheck();
    const text = this.checkBody(check, body);
    check.done();
    return renderMarkdown(text);
  }

  /** A thread the viewer may read: they are an active member of its group. */
  async thread(viewer: Viewer, id: string): Promise<Thread> {
    const check = new InputCheck();
    const threadId = check.uuid('id', id, 'Discussion');
    check.done();
    return this.visibleThread(viewer, threadId);
  }

  /** A group's threads (as the viewer sees the group), latest activity first; null for people outside it. */
  async threadsOf(view: GroupView, args: { first?: number | null; after?: string | null }): Promise<Page<Thread> | null> {
    const check = new InputCheck();
    const first = this.checkFirst(check, args.first);
    const after = decodeCursor(check, args.after);
    check.done();
    if (!view.isActiveMember) return null;
    const rows = await this.em.getRepository(Thread).pageOf(view.group.id, first, after && ({ lastActivityAt: after.at, id: after.id } satisfies ThreadCursor));
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    return { nodes, hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.lastActivityAt, last.id) : null };
  }

  /** A readable thread's posts in the order they were written. */
  async postsOf(thread: Thread, args: { first?: number | null; after?: string | null }): Promise<Page<Post>> {
    const check = new InputCheck();
    const first = this.checkFirst(check, args.first);
    const after = decodeCursor(check, args.after);
    check.done();
    const rows = await this.em.getRepository(Post).pageOf(thread.id, first, after && ({ createdAt: after.at, id: after.id } satisfies PostCursor));
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    return { nodes, hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.createdAt, last.id) : null };
  }

  private async visibleThread(viewer: Viewer, threadId: string): Promise<Thread> {
    const thread = await this.em.findOne(Thread, { id: threadId });
    if (!thread) throw discussionsErrors.threadNotFound();
    const view = await this.groups.byId(viewer, thread.group.id);
    if (!view.isActiveMember) throw discussionsErrors.threadNotFound();
    return thread;
  }

  private checkBody(check: InputCheck, value: string | null | undefined): string {
    const body = (value ?? '').trim();
    if (!body) check.fail('body', 'Write something first.');
    else if (body.length > LIMITS.postBodyMax) check.fail('body', `Posts can be at most ${LIMITS.postBodyMax} characters.`);
    return body;
  }

  private checkFirst(check: InputCheck, value: number | null | undefined): number {
    const first = value ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > LIMITS.discussionPageMax) check.fail('first', `Ask for between 1 and ${LIMITS.discussionPageMax} at a time.`);
    return first;
  }
}
