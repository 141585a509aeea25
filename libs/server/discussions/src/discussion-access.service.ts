import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { InputCheck, isUuid, type Viewer } from '@convene/server-core';
import { GroupsService, type GroupView } from '@convene/server-groups';
import { discussionsErrors } from './discussions.errors.js';
import { Post } from './post.entity.js';
import { Thread } from './thread.entity.js';
import type { LinkedThread, ThreadSummary } from './thread.repository.js';

export interface ThreadAccess {
  thread: Thread;
  /** The thread's group as the viewer sees it. */
  view: GroupView;
}

export interface PostAccess extends ThreadAccess {
  post: Post;
}

/** Who may read what: a thread or post is visible to the active members of its group, and "not found" to everyone else. */
@Injectable()
export class DiscussionAccess {
  constructor(
    private readonly em: EntityManager,
    private readonly groups: GroupsService,
  ) {}

  async thread(viewer: Viewer, id: string, field = 'threadId'): Promise<ThreadAccess> {
    const check = new InputCheck();
    const threadId = check.uuid(field, id, 'Discussion');
    check.done();
    const thread = await this.em.findOne(Thread, { id: threadId });
    if (!thread) throw discussionsErrors.threadNotFound();
    const view = await this.groups.byId(viewer, thread.group.id);
    if (!view.isActiveMember) throw discussionsErrors.threadNotFound();
    return { thread, view };
  }

  /** A thread the viewer may change (reply to, edit, moderate): GROUP_ARCHIVED when its group is archived. */
  async threadToChange(viewer: Viewer, id: string, field = 'threadId'): Promise<ThreadAccess> {
    const access = await this.thread(viewer, id, field);
    this.groups.assertWritable(access.view);
    return access;
  }

  /** The id of a thread the viewer may read, checked in one plain statement with no entities (for watching it live). */
  async readableThreadId(viewer: Viewer, id: string, field = 'threadId'): Promise<string> {
    const check = new InputCheck();
    const threadId = check.uuid(field, id, 'Discussion');
    check.done();
    const readable = await this.em.getRepository(Thread).readableBy(viewer.userId, [threadId]);
    if (!readable.has(threadId)) throw discussionsErrors.threadNotFound();
    return threadId;
  }

  /** A readable thread as its page shows it (author, the viewer's position), read in one statement, with its group. */
  async threadSummary(
    viewer: Viewer,
    id: string,
    asks: { firstUnread: boolean },
  ): Promise<{ thread: ThreadSummary; view: GroupView }> {
    const check = new InputCheck();
    const threadId = check.uuid('id', id, 'Discussion');
    check.done();
    const thread = await this.em.getRepository(Thread).summaryOf(threadId, viewer.userId, asks);
    if (!thread) throw discussionsErrors.threadNotFound();
    const view = await this.groups.byId(viewer, thread.groupId);
    if (!view.isActiveMember) throw discussionsErrors.threadNotFound();
    return { thread, view };
  }

  async post(viewer: Viewer, id: string, field = 'postId'): Promise<PostAccess> {
    const check = new InputCheck();
    const postId = check.uuid(field, id, 'Post');
    check.done();
    const post = await this.em.findOne(Post, { id: postId }, { populate: ['thread'] });
    if (!post) throw discussionsErrors.postNotFound();
    const thread = post.thread.getEntity();
    const view = await this.groups.byId(viewer, thread.group.id);
    if (!view.isActiveMember) throw discussionsErrors.postNotFound();
    return { post, thread, view };
  }

  /** A post the viewer may change (edit, delete, react to, moderate): GROUP_ARCHIVED when its group is archived. */
  async postToChange(viewer: Viewer, id: string, field = 'postId'): Promise<PostAccess> {
    const access = await this.post(viewer, id, field);
    this.groups.assertWritable(access.view);
    return access;
  }

  /**
   * The threads among `ids` that the viewer may read (active members of their groups), in one
   * statement whatever their number: for links to discussions shown on lists (a document's or a
   * meeting's).
   */
  readableThreads(viewer: Viewer, ids: string[]): Promise<Map<string, LinkedThread>> {
    return this.em.getRepository(Thread).readableBy(viewer.userId, [...new Set(ids)].filter(isUuid));
  }

  /** Convenors of the group (and network admins who are members) moderate its discussions. */
  requireModerator(access: ThreadAccess): void {
    if (!access.view.canManage) throw discussionsErrors.notAConvenor();
  }
}
