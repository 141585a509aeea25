import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { InputCheck, OutboxService, type Viewer } from '@convene/server-core';
import { LIMITS } from '@convene/shared-contracts';
import { GroupsService, WorkingGroup } from '@convene/server-groups';
import { User } from '@convene/server-identity';
import { DiscussionAccess } from './discussion-access.service.js';
import { ThreadRealtime } from './thread-realtime.service.js';
import { discussionsErrors } from './discussions.errors.js';
import { Post } from './post.entity.js';
import { Thread } from './thread.entity.js';

/** What convenors do to keep a group's discussions useful: pin, lock, move, hide. */
@Injectable()
export class DiscussionModerationService {
  constructor(
    private readonly em: EntityManager,
    private readonly groups: GroupsService,
    private readonly outbox: OutboxService,
    private readonly access: DiscussionAccess,
    private readonly live: ThreadRealtime,
  ) {}

  /** Pinned discussions stay at the top of the group's list. */
  async pin(viewer: Viewer, threadId: string, pinned: boolean): Promise<Thread> {
    const access = await this.access.threadToChange(viewer, threadId);
    this.access.requireModerator(access);
    access.thread.pinned = pinned;
    await this.em.flush();
    this.live.thread(access.thread.id);
    return access.thread;
  }

  /** A locked discussion takes no new replies or edits; it stays readable. */
  async lock(viewer: Viewer, threadId: string, locked: boolean): Promise<Thread> {
    const access = await this.access.threadToChange(viewer, threadId);
    this.access.requireModerator(access);
    await this.em.transactional(async (em) => {
      // The same row lock as a reply: a reply in flight lands before the lock or is refused.
      const thread = await em.findOneOrFail(Thread, { id: access.thread.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      thread.locked = locked;
    });
    this.live.thread(access.thread.id);
    return this.em.findOneOrFail(Thread, { id: access.thread.id }, { refresh: true });
  }

  /** Moves a discussion to another group; the viewer convenes both. */
  async move(viewer: Viewer, input: { threadId: string; groupId: string }): Promise<Thread> {
    const check = new InputCheck();
    const groupId = check.uuid('groupId', input.groupId, 'Group');
    check.done();
    const access = await this.access.threadToChange(viewer, input.threadId);
    this.access.requireModerator(access);
    if (access.thread.group.id === groupId) return access.thread;
    const target = await this.groups.byId(viewer, groupId);
    if (!target.canManage || !target.isActiveMember) throw discussionsErrors.notAConvenor();
    this.groups.assertWritable(target);
    access.thread.group = this.em.getReference(WorkingGroup, groupId, { wrapped: true });
    await this.em.flush();
    this.live.thread(access.thread.id);
    return access.thread;
  }

  /** Hides a post with a reason the members see; its author is told. */
  async hide(viewer: Viewer, input: { postId: string; reason: string }): Promise<Post> {
    const check = new InputCheck();
    const reason = check.text('reason', input.reason, { max: LIMITS.moderationReasonMax, label: 'Reason' });
    check.done();
    const access = await this.access.postToChange(viewer, input.postId);
    this.access.requireModerator(access);
    const { thread } = access;
    const events = await this.em.transactional(async (em) => {
      // Locked and read again: a delete or another hide that committed meanwhile is seen here.
      const post = await em.findOneOrFail(
        Post,
        { id: access.post.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (post.deletedAt) throw discussionsErrors.postDeleted();
      const first = !post.hiddenAt;
      Object.assign(post, {
        hiddenAt: post.hiddenAt ?? new Date(),
        hiddenReason: reason,
        hiddenBy: em.getReference(User, viewer.userId, { wrapped: true }),
      });
      // The author is told once; a new reason for a post already hidden is not news to them.
      return first
        ? [
            this.outbox.record('post.hidden', {
              postId: post.id,
              threadId: thread.id,
              groupId: thread.group.id,
              actorId: viewer.userId,
              authorId: post.author.id,
            }),
          ]
        : [];
    });
    await this.outbox.publish(events);
    const hidden = await this.em.findOneOrFail(Post, { id: access.post.id }, { refresh: true });
    void this.live.post(hidden, 'UPDATE');
    return hidden;
  }

  async unhide(viewer: Viewer, postId: string): Promise<Post> {
    const access = await this.access.postToChange(viewer, postId);
    this.access.requireModerator(access);
    Object.assign(access.post, { hiddenAt: null, hiddenReason: null, hiddenBy: null });
    await this.em.flush();
    void this.live.post(access.post, 'UPDATE');
    return access.post;
  }
}
