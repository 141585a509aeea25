// The rows of this domain made outside its services — the demo seed and the tests' data — in the
// caller's EntityManager (written on its next flush). Rows of other domains are given by id.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Reaction } from '@convene/shared-contracts';
import { WorkingGroup } from '@convene/server-groups';
import { User } from '@convene/server-identity';
import { renderMarkdown, type MentionTarget } from './markdown.util.js';
import { PostReaction } from './post-reaction.entity.js';
import { Post } from './post.entity.js';
import { ThreadRead } from './thread-read.entity.js';
import { Thread } from './thread.entity.js';

/** A thread; its posts are made with newPost, so `postCount` and `lastActivityAt` are the caller's to give. */
export type NewThread = Pick<Thread, 'title'> &
  Partial<Pick<Thread, 'tags' | 'pinned' | 'postCount' | 'createdAt' | 'lastActivityAt'>> & {
    group: Pick<WorkingGroup, 'id'>;
    author: Pick<User, 'id'>;
  };

export type NewPost = Pick<Post, 'body'> &
  Partial<Pick<Post, 'createdAt'>> & {
    thread: Thread;
    /** The post answered, of the same thread; none for the opening post. */
    parent?: Post | null;
    author: Pick<User, 'id'>;
    /** The people its @[Name] mentions link to, by lower-cased name. */
    mentionable?: Map<string, MentionTarget>;
  };

export function newThread(em: EntityManager, { group, author, ...values }: NewThread): Thread {
  return em.create(Thread, {
    ...values,
    group: em.getReference(WorkingGroup, group.id, { wrapped: true }),
    author: em.getReference(User, author.id, { wrapped: true }),
  });
}

/** A post, its Markdown rendered as the service renders it, one level deeper than its parent. */
export function newPost(
  em: EntityManager,
  { thread, parent = null, author, body, mentionable, ...values }: NewPost,
): Post {
  return em.create(Post, {
    ...values,
    thread,
    parent,
    author: em.getReference(User, author.id, { wrapped: true }),
    body,
    bodyHtml: renderMarkdown(body, mentionable),
    depth: parent ? parent.depth + 1 : 0,
  });
}

export function newPostReaction(
  em: EntityManager,
  values: { post: Pick<Post, 'id'>; user: Pick<User, 'id'>; reaction: Reaction },
): PostReaction {
  return em.create(PostReaction, { postId: values.post.id, userId: values.user.id, reaction: values.reaction });
}

/** How far a person has read a thread: its first `readCount` posts. */
export function newThreadRead(
  em: EntityManager,
  values: Pick<ThreadRead, 'readCount' | 'readAt'> & { thread: Pick<Thread, 'id'>; user: Pick<User, 'id'> },
): ThreadRead {
  return em.create(ThreadRead, {
    userId: values.user.id,
    threadId: values.thread.id,
    readCount: values.readCount,
    readAt: values.readAt,
  });
}
