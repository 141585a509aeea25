import { Post } from './post.entity.js';
import { Thread } from './thread.entity.js';

export { DiscussionsModule } from './discussions.module.js';
export { DiscussionsService, type Page } from './discussions.service.js';
export { DiscussionsErrorCode } from './discussions.errors.js';
export { renderMarkdown } from './markdown.util.js';
export type { Thread, Post };

/** Entities of this domain, for the ORM configuration of the composition roots. */
export const discussionsEntities = [Thread, Post];
