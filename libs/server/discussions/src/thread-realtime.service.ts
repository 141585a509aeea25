import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { RealtimePublisher } from '@convene/server-core';
import { User } from '@convene/server-identity';
import {
  Reaction,
  SOCKET_EVENTS,
  socketRooms,
  type ThreadPostView,
  type ThreadSignal,
} from '@convene/shared-contracts';
import { Post } from './post.entity.js';

/** No person: reaction counts with none of them "mine", as the room sees them. */
const NOBODY = '00000000-0000-0000-0000-000000000000';
const REACTION_ORDER = Object.values(Reaction);

/**
 * Tells the people viewing a discussion what changed in it, after the change has committed: the
 * post itself, as every member of the group may see it, so their pages show it without a request.
 * Called by the write path (every way of posting or changing a post), never by a resolver.
 */
@Injectable()
export class ThreadRealtime {
  private readonly logger = new Logger(ThreadRealtime.name);

  constructor(
    private readonly em: EntityManager,
    private readonly realtime: RealtimePublisher,
  ) {}

  /** A post was added (REPLY) or changed (UPDATE). Never fails the change it follows. */
  async post(post: Post, change: ThreadSignal['change']): Promise<void> {
    try {
      const em = this.em.fork();
      const [author, reactions] = await Promise.all([
        em.findOne(User, { id: post.author.id }, { fields: ['id', 'displayName'] }),
        em.getRepository(Post).reactionCounts(NOBODY, [post.id]),
      ]);
      const visible = !post.deletedAt && !post.hiddenAt;
      const view: ThreadPostView = {
        id: post.id,
        threadId: post.thread.id,
        parentId: post.parent?.id ?? null,
        depth: post.depth,
        author: author ? { id: author.id, displayName: author.displayName } : null,
        body: visible ? post.body : null,
        bodyHtml: visible ? post.bodyHtml : '',
        createdAt: post.createdAt.toISOString(),
        editedAt: post.deletedAt || !post.editedAt ? null : post.editedAt.toISOString(),
        deleted: !!post.deletedAt,
        hidden: post.hiddenAt ? { reason: post.hiddenReason ?? '', hiddenAt: post.hiddenAt.toISOString() } : null,
        reactions: reactions
          .map(({ reaction, count }) => ({ reaction, count }))
          .sort((a, b) => REACTION_ORDER.indexOf(a.reaction) - REACTION_ORDER.indexOf(b.reaction)),
      };
      this.emit({ threadId: post.thread.id, postId: post.id, change, post: view });
    } catch (error) {
      this.logger.warn(
        `Could not tell viewers of discussion ${post.thread.id} about post ${post.id}: ${(error as Error).message}`,
      );
    }
  }

  /** The discussion itself changed (pinned, locked, moved): viewers fetch it again. */
  thread(threadId: string): void {
    this.emit({ threadId, postId: null, change: 'UPDATE', post: null });
  }

  private emit(signal: ThreadSignal): void {
    this.realtime.emit(socketRooms.thread(signal.threadId), SOCKET_EVENTS.threadPost, signal);
  }
}
