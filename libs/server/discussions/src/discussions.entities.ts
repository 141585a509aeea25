import { Post } from './post.entity.js';
import { PostReaction } from './post-reaction.entity.js';
import { PostRevision } from './post-revision.entity.js';
import { InboundMail, ReplyAddress } from './reply-address.entity.js';
import { Thread } from './thread.entity.js';
import { ThreadRead } from './thread-read.entity.js';
import { ThreadRevision } from './thread-revision.entity.js';

/** Entities of this domain: its module's and the composition roots' ORM configuration. */
export const discussionsEntities = [
  Thread,
  Post,
  PostRevision,
  PostReaction,
  ThreadRead,
  ThreadRevision,
  ReplyAddress,
  InboundMail,
];
