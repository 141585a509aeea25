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
  /** People addressed by name (mentions, moderation of their post): told whatever their group or thread level. */
  directIds?: string[];
  groupId: string | null;
  actorId: string | null;
  subjectId: string | null;
}

export interface RuleContext {
  /** Active convenors of a group. */
  convenorIds(groupId: string): Promise<string[]>;
  /** Active members of a group (convenors included). */
  memberIds(groupId: string): Promise<string[]>;
  /** Who chose to watch a thread, and who muted it. */
  threadLevels(threadId: string): Promise<{ watching: string[]; muted: string[] }>;
  /** Everyone with an active account. */
  everyoneIds(): Promise<string[]>;
  /** Network admins and event organisers. */
  eventOrganiserIds(): Promise<string[]>;
}

type Rules = {
  [T in DomainEventType]: (payload: DomainEventPayloads[T], context: RuleContext) => Promise<NotificationPlan>;
};

export const NOTIFICATION_RULES: Rules = {
  'membership.requested': async (p, context) => ({
    type: NotificationType.JOIN_REQUESTED,
    involvedIds: await context.convenorIds(p.groupId),
    groupId: p.groupId,
    actorId: p.userId,
    subjectId: p.membershipId,
  }),
  'membership.approved': async (p) => ({
    type: NotificationType.MEMBERSHIP_APPROVED,
    involvedIds: [p.userId],
    groupId: p.groupId,
    actorId: p.actorId,
    subjectId: p.membershipId,
  }),
  'membership.declined': async (p) => ({
    type: NotificationType.MEMBERSHIP_DECLINED,
    involvedIds: [p.userId],
    groupId: p.groupId,
    actorId: p.actorId,
    subjectId: null,
  }),
  'membership.invited': async (p) => ({
    type: NotificationType.GROUP_INVITATION,
    involvedIds: [p.userId],
    groupId: p.groupId,
    actorId: p.actorId,
    subjectId: p.membershipId,
  }),
  'membership.role-changed': async (p) => ({
    type: NotificationType.ROLE_CHANGED,
    involvedIds: [p.userId],
    groupId: p.groupId,
    actorId: p.actorId,
    subjectId: p.membershipId,
  }),
  // Everyone in the group follows its new discussions (those at "all activity" hear of them).
  // People it mentions hear of it as a mention instead. (Its author watches it: the discussions
  // write path records that with the thread.)
  'thread.created': async (p, context) => {
    return {
      type: NotificationType.THREAD_CREATED,
      involvedIds: [],
      followerIds: without(await context.memberIds(p.groupId), await mentioned(p, context)),
      groupId: p.groupId,
      actorId: p.authorId,
      subjectId: p.threadId,
    };
  },
  // The person answered and the thread's watchers are involved, unless they muted the thread or
  // are no longer in its group (they left, or the thread moved).
  'post.replied': async (p, context) => {
    const [levels, members] = await Promise.all([context.threadLevels(p.threadId), context.memberIds(p.groupId)]);
    const inGroup = new Set(members);
    return {
      type: NotificationType.POST_REPLY,
      involvedIds: without(
        [p.parentAuthorId, ...levels.watching],
        [...levels.muted, ...(await mentioned(p, context))],
      ).filter((id) => inGroup.has(id)),
      groupId: p.groupId,
      actorId: p.authorId,
      subjectId: p.threadId,
    };
  },
  // A mention reaches the person even in a group or thread they muted (if they are still in the
  // group); @group-convenors reaches the convenors.
  'post.mentioned': async (p, context) => {
    const members = new Set(await context.memberIds(p.groupId));
    const named = [...p.userIds, ...(p.groupConvenors ? await context.convenorIds(p.groupId) : [])];
    return {
      type: NotificationType.MENTIONED,
      involvedIds: [],
      directIds: [...new Set(named)].filter((id) => members.has(id)),
      groupId: p.groupId,
      actorId: p.authorId,
      subjectId: p.threadId,
    };
  },
  // Everyone in the group follows its documents (those at "all activity" hear of them).
  'document.created': async (p, context) => ({
    type: NotificationType.DOCUMENT_ADDED,
    involvedIds: [],
    followerIds: await context.memberIds(p.groupId),
    groupId: p.groupId,
    actorId: p.uploaderId,
    subjectId: p.documentId,
  }),
  'document.versioned': async (p, context) => ({
    type: NotificationType.DOCUMENT_UPDATED,
    involvedIds: [],
    followerIds: await context.memberIds(p.groupId),
    groupId: p.groupId,
    actorId: p.uploaderId,
    subjectId: p.documentId,
  }),
  // A new meeting concerns its whole groups (a network event, everyone): everyone not muting it is told (with the invitation by email).
  'meeting.scheduled': async (p, context) => ({
    type: NotificationType.MEETING_SCHEDULED,
    involvedIds: without(p.groupId ? await hostMemberIds(p, context) : await context.everyoneIds(), [p.actorId]),
    groupId: p.groupId,
    actorId: p.actorId,
    subjectId: p.meetingId,
  }),
  // People who answered are involved; the rest of the group follows (told at "all activity").
  'meeting.updated': async (p, context) => meetingChange(NotificationType.MEETING_UPDATED, p, context),
  'meeting.cancelled': async (p, context) => meetingChange(NotificationType.MEETING_CANCELLED, p, context),
  'meeting.reminder': async (p, context) => ({
    type: NotificationType.MEETING_REMINDER,
    involvedIds: without(p.groupId ? await hostMemberIds(p, context) : (p.answeredIds ?? []), p.notGoingIds),
    groupId: p.groupId,
    actorId: null,
    subjectId: p.meetingId,
  }),
  'poll.opened': async (p, context) => ({
    type: NotificationType.POLL_OPENED,
    involvedIds: without(await context.memberIds(p.groupId), [p.actorId]),
    groupId: p.groupId,
    actorId: p.actorId,
    subjectId: p.pollId,
  }),
  // The organisers of an open event are the convenors of its groups (of a network event, the network's organisers).
  'registration.received': async (p, context) => ({
    type: NotificationType.EVENT_REGISTRATION,
    involvedIds: without(
      p.groupId
        ? (await Promise.all(hostIds(p).map((id) => context.convenorIds(id)))).flat()
        : await context.eventOrganiserIds(),
      [],
    ),
    groupId: p.groupId,
    actorId: null,
    subjectId: p.meetingId,
  }),
  // Pitches name their recipients when they are made (convenors of the groups, or the admins).
  'pitch.submitted': async (p) => ({
    type: NotificationType.PITCH_RECEIVED,
    involvedIds: p.recipientIds,
    groupId: p.groupId,
    actorId: null,
    subjectId: p.pitchId,
  }),
  'pitch.assigned': async (p) => ({
    type: NotificationType.PITCH_ASSIGNED,
    involvedIds: [],
    directIds: p.reviewerIds,
    groupId: p.groupId,
    actorId: p.actorId,
    subjectId: p.pitchId,
  }),
  'pitch.replied': async (p) => ({
    type: NotificationType.PITCH_REPLY,
    involvedIds: p.recipientIds,
    groupId: p.groupId,
    actorId: null,
    subjectId: p.pitchId,
  }),
  'post.hidden': async (p, context) => ({
    type: NotificationType.POST_HIDDEN,
    involvedIds: [],
    directIds: (await context.memberIds(p.groupId)).includes(p.authorId) ? [p.authorId] : [],
    groupId: p.groupId,
    actorId: p.actorId,
    subjectId: p.threadId,
  }),
};

/** The people a post's own mention event tells: they hear of the post that way only. */
async function mentioned(
  p: { groupId: string; mentionedIds?: string[]; groupConvenors?: boolean },
  context: RuleContext,
): Promise<string[]> {
  return [...(p.mentionedIds ?? []), ...(p.groupConvenors ? await context.convenorIds(p.groupId) : [])];
}

async function meetingChange(
  type: NotificationType,
  p: { meetingId: string; groupId: string | null; coHostIds?: string[]; actorId: string; answeredIds: string[] },
  context: RuleContext,
): Promise<NotificationPlan> {
  // A network event's people are those who answered; a group meeting's, its groups' members.
  const members = p.groupId ? await hostMemberIds(p, context) : [];
  const inGroup = new Set(members);
  return {
    type,
    involvedIds: without(p.answeredIds, [p.actorId]).filter((id) => !p.groupId || inGroup.has(id)),
    followerIds: without(members, [p.actorId, ...p.answeredIds]),
    groupId: p.groupId,
    actorId: p.actorId,
    subjectId: p.meetingId,
  };
}

/** The groups hosting a meeting: the one it was scheduled in, then the others. */
const hostIds = (p: { groupId: string | null; coHostIds?: string[] }): string[] => [
  ...(p.groupId ? [p.groupId] : []),
  ...(p.coHostIds ?? []),
];

/** The active members of every group hosting a meeting, each once. */
async function hostMemberIds(
  p: { groupId: string | null; coHostIds?: string[] },
  context: RuleContext,
): Promise<string[]> {
  const lists = await Promise.all(hostIds(p).map((id) => context.memberIds(id)));
  return [...new Set(lists.flat())];
}

function without(ids: string[], leaveOut: string[]): string[] {
  const out = new Set(leaveOut);
  return [...new Set(ids)].filter((id) => !out.has(id));
}
