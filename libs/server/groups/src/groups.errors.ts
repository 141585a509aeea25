import { ErrorCode } from '@convene/shared-contracts';
import { DomainError, forbidden, notFound } from '@convene/server-core';

export enum GroupsErrorCode {
  GroupNotFound = 'GROUP_NOT_FOUND',
  MembershipNotFound = 'MEMBERSHIP_NOT_FOUND',
  NotAConvenor = 'NOT_A_CONVENOR',
  NotAMember = 'NOT_A_MEMBER',
  InviteOnly = 'INVITE_ONLY',
  AlreadyMember = 'ALREADY_MEMBER',
  AlreadyRequested = 'ALREADY_REQUESTED',
  NotPending = 'NOT_PENDING',
  NotInvited = 'NOT_INVITED',
  LastConvenor = 'LAST_CONVENOR',
  SlugTaken = 'SLUG_TAKEN',
  GroupArchived = 'GROUP_ARCHIVED',
}

export const groupsErrors = {
  groupNotFound: () => notFound('The working group', GroupsErrorCode.GroupNotFound),
  membershipNotFound: () => notFound('The membership', GroupsErrorCode.MembershipNotFound),
  notAConvenor: () => forbidden(GroupsErrorCode.NotAConvenor, "Only the group's convenors can do that."),
  notAMember: () => forbidden(GroupsErrorCode.NotAMember, 'Only members of this group can see that.'),
  inviteOnly: () =>
    forbidden(GroupsErrorCode.InviteOnly, 'This group is invitation-only. Ask one of its convenors to invite you.'),
  alreadyMember: () =>
    new DomainError(ErrorCode.Conflict, GroupsErrorCode.AlreadyMember, 'You are already a member of this group.'),
  alreadyRequested: () =>
    new DomainError(ErrorCode.Conflict, GroupsErrorCode.AlreadyRequested, 'You have already asked to join this group.'),
  notPending: () =>
    new DomainError(ErrorCode.Conflict, GroupsErrorCode.NotPending, 'This request has already been decided.'),
  notInvited: () =>
    new DomainError(
      ErrorCode.Conflict,
      GroupsErrorCode.NotInvited,
      'There is no open invitation to this group for you.',
    ),
  lastConvenor: () =>
    new DomainError(
      ErrorCode.Conflict,
      GroupsErrorCode.LastConvenor,
      'A group needs at least one convenor. Make someone else a convenor first.',
    ),
  groupArchived: () =>
    forbidden(
      GroupsErrorCode.GroupArchived,
      'This group is archived: it can be read but nothing can be changed in it. A network admin can restore it.',
    ),
};
