import { Post } from './post.entity.js';
import { PostReaction } from './post-reaction.entity.js';
import { PostRevision } from './post-revision.entity.js';
import { Thread } from './thread.entity.js';
import { ThreadRead } from './thread-read.entity.js';
import { InboundMail, ReplyAddress } from './reply-address.entity.js';
import { ThreadRevision } from './thread-revision.entity.js';

export { DiscussionsModule } from './discussions.module.js';
export { DiscussionsService, type Page } from './discussions.service.js';
export type { ThreadSummary } from './thread.repository.js';
export type { PostValues, ReactionCount } from './post.repository.js';
export { DiscussionAccess } from './discussion-access.service.js';
export { DiscussionMail, type ReplyTarget } from './discussion-mail.service.js';
export { InboundMail, ReplyAddress };
export { DiscussionModerationService } from './discussion-moderation.service.js';
export { DiscussionSearchService, type SearchHit, type SearchPage } from './discussion-search.service.js';
export { DiscussionsErrorCode, discussionsErrors } from './discussions.errors.js';
export { renderMarkdown, mentionsIn, type MentionTarget } from './markdown.util.js';
export {
  newPost,
  newPostReaction,
  newThread,
  newThreadRead,
  type NewPost,
  type NewThread,
} from './discussions.factory.js';
export type { Thread, Post, PostRevision, PostReaction, ThreadRead, ThreadRevision };

export { discussionsEntities } from './discussions.entities.js';
