import { DomainError, forbidden, notFound } from '@convene/server-core';
import { ErrorCode } from '@convene/shared-contracts';

export enum DiscussionsErrorCode {
  ThreadNotFound = 'THREAD_NOT_FOUND',
  NotAMember = 'NOT_A_MEMBER',
  ThreadLocked = 'THREAD_LOCKED',
}

export const discussionsErrors = {
  // A thread of a group one is not in is "not found": its existence is not revealed.
  threadNotFound: () => notFound('The discussion', DiscussionsErrorCode.ThreadNotFound),
  notAMember: () => forbidden(DiscussionsErrorCode.NotAMember, 'Only members of this group can take part in its discussions.'),
  threadLocked: () => new DomainError(ErrorCode.Conflict, DiscussionsErrorCode.ThreadLocked, 'This discussion is locked: no new replies.'),
};
