// Every domain event that can reach people, with its one payload type. Payloads carry ids only:
// they travel through Redis. Adding an event type: add it here, record it in the service that makes
// the change (OutboxService.record), and give it recipients in the notifications domain.
import type { MembershipRole } from '@convene/shared-contracts';

export interface DomainEventPayloads {
  /** Someone asked to join a group that reviews requests. */
  'membership.requested': { membershipId: string; groupId: string; userId: string };
  'membership.approved': { membershipId: string; groupId: string; userId: string; actorId: string };
  'membership.declined': { groupId: string; userId: string; actorId: string };
  /** A person with an account was invited to a group. */
  'membership.invited': { membershipId: string; groupId: string; userId: string; actorId: string };
  'membership.role-changed': {
    membershipId: string;
    groupId: string;
    userId: string;
    actorId: string;
    role: MembershipRole;
  };
  /** A member started a discussion. The people it mentions (`@group-convenors`: the convenors) are told by their own event. */
  'thread.created': {
    threadId: string;
    groupId: string;
    authorId: string;
    mentionedIds: string[];
    groupConvenors?: boolean;
  };
  /** A member replied in a discussion: to its opening post or to another post. */
  'post.replied': {
    postId: string;
    threadId: string;
    groupId: string;
    authorId: string;
    parentAuthorId: string;
    mentionedIds: string[];
    groupConvenors?: boolean;
  };
  /** A post (new or edited) mentions people by name, or the group's convenors. */
  'post.mentioned': {
    postId: string;
    threadId: string;
    groupId: string;
    authorId: string;
    userIds: string[];
    groupConvenors: boolean;
  };
  /** A convenor hid a post; its author is told, with the reason. */
  'post.hidden': { postId: string; threadId: string; groupId: string; actorId: string; authorId: string };
  /** A member shared a new document in a group. */
  'document.created': { documentId: string; groupId: string; uploaderId: string };
  /** A member uploaded a new version of a document, or made an old one current again. */
  'document.versioned': { documentId: string; groupId: string; uploaderId: string; version: number; restored: boolean };
  /** A convenor scheduled a meeting (or a recurring series: the first occurrence), possibly the pick of a poll. */
  'meeting.scheduled': {
    meetingId: string;
    /** Null for a network event. */
    groupId: string | null;
    /** The other groups hosting it (absent in events recorded before meetings had co-hosts). */
    coHostIds?: string[];
    actorId: string;
    occurrences: number;
    fromPoll: boolean;
  };
  /** A convenor changed a meeting (and maybe later occurrences); people who answered are told. */
  'meeting.updated': {
    meetingId: string;
    /** Null for a network event. */
    groupId: string | null;
    coHostIds?: string[];
    actorId: string;
    occurrences: number;
    timeChanged: boolean;
    answeredIds: string[];
  };
  'meeting.cancelled': {
    meetingId: string;
    /** Null for a network event. */
    groupId: string | null;
    coHostIds?: string[];
    actorId: string;
    occurrences: number;
    answeredIds: string[];
  };
  /** A meeting starts soon: its groups are reminded, except those who said they are not going. */
  'meeting.reminder': {
    meetingId: string;
    /** Null for a network event. */
    groupId: string | null;
    coHostIds?: string[];
    minutesBefore: number;
    notGoingIds: string[];
    /** For a network event: who said they are going or may (it reminds them, not the whole network). */
    answeredIds?: string[];
  };
  /** A convenor asked the group to find a time. */
  'poll.opened': { pollId: string; groupId: string; actorId: string };
  /** Someone registered for an open event (the organisers are told). */
  'registration.received': {
    registrationId: string;
    meetingId: string;
    /** Null for a network event. */
    groupId: string | null;
    coHostIds?: string[];
  };
  /** A partner pitched an idea: the convenors of the groups it names (or the network admins, for "not sure") are told. */
  'pitch.submitted': { pitchId: string; groupId: string | null; recipientIds: string[] };
  /** A convenor was asked to review a pitch. */
  'pitch.assigned': { pitchId: string; groupId: string | null; reviewerIds: string[]; actorId: string };
  /** The partner replied through their private link: the reviewers (or, with none, the people the pitch went to) are told. */
  'pitch.replied': { pitchId: string; groupId: string | null; recipientIds: string[] };
}
export type DomainEventType = keyof DomainEventPayloads;
