// Enums that the API, the worker and the web app all speak. Values are the wire format.

export enum NetworkRole {
  ADMIN = 'ADMIN',
  /** Organises network events (the summit), named by an admin; otherwise a member. */
  ORGANISER = 'ORGANISER',
  MEMBER = 'MEMBER',
}

export enum SignUpMode {
  OPEN = 'OPEN',
  INVITATION_ONLY = 'INVITATION_ONLY',
}

export enum JoinPolicy {
  OPEN = 'OPEN',
  REQUEST = 'REQUEST',
  INVITE_ONLY = 'INVITE_ONLY',
}

export enum MemberListVisibility {
  /** Every active member sees the full member list. */
  MEMBERS = 'MEMBERS',
  /** Only convenors see the full list; members see the convenors. */
  CONVENORS = 'CONVENORS',
}

export enum MembershipRole {
  CONVENOR = 'CONVENOR',
  MEMBER = 'MEMBER',
  OBSERVER = 'OBSERVER',
}

export enum MembershipStatus {
  PENDING = 'PENDING',
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
}

export const SUPPORTED_LOCALES = ['en', 'ar'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** The small fixed set of reactions to a post. */
export enum Reaction {
  THUMBS_UP = 'THUMBS_UP',
  HEART = 'HEART',
  CELEBRATE = 'CELEBRATE',
  THANKS = 'THANKS',
  EYES = 'EYES',
}

export const REACTION_EMOJI: { [R in Reaction]: string } = {
  [Reaction.THUMBS_UP]: '👍',
  [Reaction.HEART]: '❤️',
  [Reaction.CELEBRATE]: '🎉',
  [Reaction.THANKS]: '🙏',
  [Reaction.EYES]: '👀',
};

/** Written as `@group-convenors` in a post: tells the group's convenors. */
export const GROUP_CONVENORS_MENTION = 'group-convenors';

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}

export enum RsvpResponse {
  GOING = 'GOING',
  MAYBE = 'MAYBE',
  NOT_GOING = 'NOT_GOING',
}

export enum RecurrenceFrequency {
  /** Every n weeks on the same weekday. */
  WEEKLY = 'WEEKLY',
  /** The same weekday of every n-th month (e.g. the 2nd Tuesday, or the last Friday). */
  MONTHLY_BY_WEEKDAY = 'MONTHLY_BY_WEEKDAY',
}

/** Which meetings a change to one occurrence of a series applies to. */
export enum MeetingChangeScope {
  OCCURRENCE = 'OCCURRENCE',
  /** This occurrence and every later one of its series. */
  FOLLOWING = 'FOLLOWING',
}

export enum PollStatus {
  OPEN = 'OPEN',
  /** A slot was picked and became a meeting. */
  DECIDED = 'DECIDED',
  CLOSED = 'CLOSED',
}

export enum PollAnswer {
  YES = 'YES',
  IF_NEED_BE = 'IF_NEED_BE',
  NO = 'NO',
}

export enum RegistrationStatus {
  /** Waiting for the organiser's approval. */
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}

/** A session of an event's programme: everyone attends plenaries (and the rest); workshops are picked. */
export enum ProgrammeSessionKind {
  PLENARY = 'PLENARY',
  WORKSHOP = 'WORKSHOP',
  OTHER = 'OTHER',
}

/** A registrant's pick of a workshop: a place, or a place in its queue. */
export enum SessionPlaceStatus {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
}

export enum RegistrationFieldKind {
  TEXT = 'TEXT',
  CHOICE = 'CHOICE',
  CHECKBOX = 'CHECKBOX',
}

export enum PitchStatus {
  RECEIVED = 'RECEIVED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum OrganisationType {
  COMMUNITY_ORGANISATION = 'COMMUNITY_ORGANISATION',
  NGO = 'NGO',
  FAITH_ORGANISATION = 'FAITH_ORGANISATION',
  RESEARCH = 'RESEARCH',
  OTHER = 'OTHER',
}

/** What kind of body a partner organisation of the network is. */
export enum PartnerOrganisationKind {
  COMMUNITY_ORGANISATION = 'COMMUNITY_ORGANISATION',
  NGO = 'NGO',
  FAITH_GROUP = 'FAITH_GROUP',
  LEGAL_SERVICE = 'LEGAL_SERVICE',
  PUBLIC_BODY = 'PUBLIC_BODY',
  OTHER = 'OTHER',
}

export enum PitchFieldKind {
  TEXT = 'TEXT',
  LONG_TEXT = 'LONG_TEXT',
  CHOICE = 'CHOICE',
  CHECKBOX = 'CHECKBOX',
}

/** Who wrote a message on a pitch: the partner (through the private link) or a convenor. */
export enum PitchMessageAuthor {
  PARTNER = 'PARTNER',
  CONVENOR = 'CONVENOR',
}

/** Security-relevant actions kept in the audit log. Ids and roles only: never secrets or content. */
export enum AuditAction {
  SIGN_IN = 'SIGN_IN',
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  TWO_FACTOR_FAILED = 'TWO_FACTOR_FAILED',
  SESSION_REVOKED = 'SESSION_REVOKED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  TWO_FACTOR_ENABLED = 'TWO_FACTOR_ENABLED',
  TWO_FACTOR_DISABLED = 'TWO_FACTOR_DISABLED',
  RECOVERY_CODES_CREATED = 'RECOVERY_CODES_CREATED',
  RECOVERY_CODE_USED = 'RECOVERY_CODE_USED',
  NETWORK_ROLE_CHANGED = 'NETWORK_ROLE_CHANGED',
  ACCOUNT_DEACTIVATED = 'ACCOUNT_DEACTIVATED',
  ACCOUNT_REACTIVATED = 'ACCOUNT_REACTIVATED',
  ACCOUNT_DELETED = 'ACCOUNT_DELETED',
  DATA_EXPORT_REQUESTED = 'DATA_EXPORT_REQUESTED',
  DATA_EXPORT_DOWNLOADED = 'DATA_EXPORT_DOWNLOADED',
  NETWORK_SETTINGS_CHANGED = 'NETWORK_SETTINGS_CHANGED',
  NETWORK_INVITATION_SENT = 'NETWORK_INVITATION_SENT',
  GROUP_CREATED = 'GROUP_CREATED',
  GROUP_SETTINGS_CHANGED = 'GROUP_SETTINGS_CHANGED',
  GROUP_ARCHIVED = 'GROUP_ARCHIVED',
  GROUP_RESTORED = 'GROUP_RESTORED',
  MEMBER_INVITED = 'MEMBER_INVITED',
  MEMBERSHIP_APPROVED = 'MEMBERSHIP_APPROVED',
  MEMBERSHIP_DECLINED = 'MEMBERSHIP_DECLINED',
  MEMBER_ROLE_CHANGED = 'MEMBER_ROLE_CHANGED',
  MEMBER_REMOVED = 'MEMBER_REMOVED',
  /** A partner organisation added, edited, archived, restored or merged into another (`detail.change`). */
  ORGANISATION_CHANGED = 'ORGANISATION_CHANGED',
  /** A network admin confirmed or declined that someone works at an organisation. */
  AFFILIATION_DECIDED = 'AFFILIATION_DECIDED',
}

export enum DataExportStatus {
  PENDING = 'PENDING',
  READY = 'READY',
  FAILED = 'FAILED',
}
