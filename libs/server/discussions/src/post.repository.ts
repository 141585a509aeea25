import { EntityRepository } from '@mikro-orm/postgresql';
import type { Post } from './post.entity.js';

export interface PostCursor {
  createdAt: Date;
  id: string;
}

export class PostRepository extends EntityRepository<Post> {
  /** A thread's posts in the order they were written; the client builds the reply tree. */
  async pageOf(threadId: string, first: number, after: PostCursor | null): Promise<Post[]> {
    return this.find(
      {
        thread: threadId,
        ...(after ? { $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }] } : {}),
      },
      { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], limit: first + 1 },
    );
  }
}
