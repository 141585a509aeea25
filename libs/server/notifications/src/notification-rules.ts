// Who is told about each domain event, and as what. Adding an event type that reaches people is
// one entry here (the compiler insists on it once the type is in DomainEventPayloads), and a
// category for its type in the shared contracts, which is what people choose channels for.
import { NotificationType } from '@convene/shared-contracts';
import type { DomainEventPayloads, DomainEventType } from '@convene/server-core';

export interface NotificationPlan {
  type: NotificationType;
  /** People it is addressed to or about: told unless they muted the group. */
  involvedIds: string[];
  /** People who follow what happens (e.g. a group's members): told only at level ALL. */
  followerIds?: string[];
  groupId: string | null;
  actorId: string | null;
  subjectId: string | null;
}

export interface RuleContext {
  /** Active convenors of a group. */
  convenorIds(groupId: string): Promise<string[]>;
  /** Active members of a group (convenors included). */
  memberIds(groupId: string): Promise<string[]>;
}

type Rules = { [T in DomainEventType]: (payload: DomainEventPayloads[T], context: RuleContext) => Promise<NotificationPlan> };

export const NOTIFICATION_RULES: Rules = {
  'membership.requested': async (p, context) => ({
    type: NotificationType.JOIN_REQUESTED,
    involvedIds: await context.convenorIds(p.groupId),
    groupId: p.groupId,
    actorId: p.userId,
    subjectId: p.membershipId,
  }),
  'membership.approved': async (p) => ({ type: NotificationType.MEMBERSHIP_APPROVED, involvedIds: [p.userId], groupId: p.groupId, actorId: p.actorId, subjectId: p.membershipId }),
  'membership.declined': async (p) => ({ type: NotificationType.MEMBERSHIP_DECLINED, involvedIds: [p.userId], groupId: p.groupId, actorId: p.actorId, subjectId: null }),
  'membership.invited': async (p) => ({ type: NotificationType.GROUP_INVITATION, involvedIds: [p.userId], groupId: p.groupId, actorId: p.actorId, subjectId: p.membershipId }),
  'membership.role-changed': async (p) => ({ type: NotificationType.ROLE_CHANGED, involvedIds: [p.userId], groupId: p.groupId, actorId: p.actorId, subjectId: p.membershipId }),
  // Everyone in the group follows its new discussions (those at "all activity" hear of them).
  'thread.created': async (p, context) => ({
    type: NotificationType.THREAD_CREATED,
    involvedIds: [],
    followerIds: await context.memberIds(p.groupId),
    groupId: p.groupId,
    actorId: p.authorId,
    subjectId: p.threadId,
  }),
  // The person answered, and the one who started the discussion, are involved.
  'post.replied': async (p) => ({
    type: NotificationType.POST_REPLY,
    involvedIds: [p.parentAuthorId, p.threadAuthorId],
    groupId: p.groupId,
    actorId: p.authorId,
    subjectId: p.threadId,
  }),
};
