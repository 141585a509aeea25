import { DomainError, InputError, forbidden, notFound } from '@convene/server-core';
import { ErrorCode } from '@convene/shared-contracts';

export enum DiscussionsErrorCode {
  ThreadNotFound = 'THREAD_NOT_FOUND',
  PostNotFound = 'POST_NOT_FOUND',
  NotAMember = 'NOT_A_MEMBER',
  NotTheAuthor = 'NOT_THE_AUTHOR',
  NotAConvenor = 'NOT_A_CONVENOR',
  ThreadLocked = 'THREAD_LOCKED',
  PostDeleted = 'POST_DELETED',
  PostHidden = 'POST_HIDDEN',
  MentionNotAMember = 'MENTION_NOT_A_MEMBER',
}

export const discussionsErrors = {
  // A thread or post of a group one is not in is "not found": its existence is not revealed.
  threadNotFound: () => notFound('The discussion', DiscussionsErrorCode.ThreadNotFound),
  postNotFound: () => notFound('The post', DiscussionsErrorCode.PostNotFound),
  notAMember: () =>
    forbidden(DiscussionsErrorCode.NotAMember, 'Only members of this group can take part in its discussions.'),
  notTheAuthor: () =>
    forbidden(DiscussionsErrorCode.NotTheAuthor, 'Only the person who wrote this post can change it.'),
  notAConvenor: () =>
    forbidden(DiscussionsErrorCode.NotAConvenor, 'Only the convenors of this group can moderate its discussions.'),
  threadLocked: () =>
    new DomainError(
      ErrorCode.Conflict,
      DiscussionsErrorCode.ThreadLocked,
      'This discussion is locked: no new replies or edits.',
    ),
  postDeleted: () => new DomainError(ErrorCode.Conflict, DiscussionsErrorCode.PostDeleted, 'This post was deleted.'),
  postHidden: () =>
    new DomainError(
      ErrorCode.Conflict,
      DiscussionsErrorCode.PostHidden,
      'A convenor hid this post; it cannot be changed or reacted to.',
    ),
  mentionNotAMember: (names: string[]) =>
    new InputError(
      {
        body: `${names.map((n) => `@${n}`).join(', ')} ${names.length === 1 ? 'is not a member' : 'are not members'} of this group. Mention members only.`,
      },
      DiscussionsErrorCode.MentionNotAMember,
    ),
};
