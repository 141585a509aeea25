// What people can choose about notifications. Every notification type belongs to one category;
// people choose per category how they hear about it, and per group how much they hear.
import { NotificationType } from './socket-events.js';

export enum NotificationCategory {
  /** Join requests waiting for a convenor's decision. */
  JOIN_REQUESTS = 'JOIN_REQUESTS',
  /** Your own memberships: invitations, decisions on your requests, role changes. */
  MEMBERSHIP = 'MEMBERSHIP',
  /** New discussions in your groups. */
  DISCUSSIONS = 'DISCUSSIONS',
  /** Replies to your discussions and posts, mentions of you, and moderation of your posts. */
  REPLIES = 'REPLIES',
  /** New documents and new versions in your groups. */
  DOCUMENTS = 'DOCUMENTS',
  /** Meetings of your groups: new, changed, cancelled, reminders, and polls to find a time. */
  MEETINGS = 'MEETINGS',
  /** Registrations for the open events you organise. */
  REGISTRATIONS = 'REGISTRATIONS',
  /** Partner pitches to your groups: new ones, the ones you review, and partners' replies. */
  PITCHES = 'PITCHES',
}

export const NOTIFICATION_CATEGORY: { [T in NotificationType]: NotificationCategory } = {
  [NotificationType.JOIN_REQUESTED]: NotificationCategory.JOIN_REQUESTS,
  [NotificationType.MEMBERSHIP_APPROVED]: NotificationCategory.MEMBERSHIP,
  [NotificationType.MEMBERSHIP_DECLINED]: NotificationCategory.MEMBERSHIP,
  [NotificationType.GROUP_INVITATION]: NotificationCategory.MEMBERSHIP,
  [NotificationType.ROLE_CHANGED]: NotificationCategory.MEMBERSHIP,
  [NotificationType.THREAD_CREATED]: NotificationCategory.DISCUSSIONS,
  [NotificationType.POST_REPLY]: NotificationCategory.REPLIES,
  [NotificationType.MENTIONED]: NotificationCategory.REPLIES,
  [NotificationType.POST_HIDDEN]: NotificationCategory.REPLIES,
  [NotificationType.DOCUMENT_ADDED]: NotificationCategory.DOCUMENTS,
  [NotificationType.DOCUMENT_UPDATED]: NotificationCategory.DOCUMENTS,
  [NotificationType.MEETING_SCHEDULED]: NotificationCategory.MEETINGS,
  [NotificationType.MEETING_UPDATED]: NotificationCategory.MEETINGS,
  [NotificationType.MEETING_CANCELLED]: NotificationCategory.MEETINGS,
  [NotificationType.MEETING_REMINDER]: NotificationCategory.MEETINGS,
  [NotificationType.POLL_OPENED]: NotificationCategory.MEETINGS,
  [NotificationType.EVENT_REGISTRATION]: NotificationCategory.REGISTRATIONS,
  [NotificationType.PITCH_RECEIVED]: NotificationCategory.PITCHES,
  [NotificationType.PITCH_ASSIGNED]: NotificationCategory.PITCHES,
  [NotificationType.PITCH_REPLY]: NotificationCategory.PITCHES,
};

export enum EmailDelivery {
  /** One email per notification, as it happens. */
  IMMEDIATE = 'IMMEDIATE',
  /** Gathered into the daily or weekly digest. */
  DIGEST = 'DIGEST',
  NONE = 'NONE',
}

export interface ChannelChoice {
  inApp: boolean;
  email: EmailDelivery;
  /** Web Push to the person's registered devices (browsers that turned notifications on). */
  push: boolean;
}

/**
 * What a person gets before they choose anything. Push starts on only for what is addressed to the
 * person and wants an answer soon (a reply or mention, their own membership, a request they decide,
 * a meeting of theirs and its reminder): a phone that buzzes for every discussion or document of
 * every group gets its notifications turned off. Push reaches only devices the person turned on.
 */
export const DEFAULT_CHANNELS: { [C in NotificationCategory]: ChannelChoice } = {
  [NotificationCategory.JOIN_REQUESTS]: { inApp: true, email: EmailDelivery.IMMEDIATE, push: true },
  [NotificationCategory.MEMBERSHIP]: { inApp: true, email: EmailDelivery.IMMEDIATE, push: true },
  // A busy group starts many discussions: one email a day gathers them.
  [NotificationCategory.DISCUSSIONS]: { inApp: true, email: EmailDelivery.DIGEST, push: false },
  [NotificationCategory.REPLIES]: { inApp: true, email: EmailDelivery.IMMEDIATE, push: true },
  [NotificationCategory.DOCUMENTS]: { inApp: true, email: EmailDelivery.DIGEST, push: false },
  // Meeting mail carries the calendar invitation, so it goes at once.
  [NotificationCategory.MEETINGS]: { inApp: true, email: EmailDelivery.IMMEDIATE, push: true },
  [NotificationCategory.REGISTRATIONS]: { inApp: true, email: EmailDelivery.DIGEST, push: false },
  [NotificationCategory.PITCHES]: { inApp: true, email: EmailDelivery.IMMEDIATE, push: false },
};

export enum GroupNotificationLevel {
  /** Everything that happens in the group. */
  ALL = 'ALL',
  /** Only what is addressed to me or about me (requests to review, replies, mentions). */
  INVOLVING_ME = 'INVOLVING_ME',
  /** Nothing from this group. */
  MUTED = 'MUTED',
}

export const DEFAULT_GROUP_LEVEL = GroupNotificationLevel.ALL;

export enum DigestFrequency {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
}

export const DEFAULT_DIGEST = {
  frequency: DigestFrequency.DAILY,
  /** Local hour of the day, 0–23, in the person's time zone. */
  hour: 8,
  /** Day of the week for weekly digests: 1 = Monday … 7 = Sunday. */
  weekday: 1,
} as const;

/** How much a person hears of one discussion; without a choice, NORMAL (WATCHING for its participants). */
export enum ThreadNotificationLevel {
  /** Every reply. */
  WATCHING = 'WATCHING',
  /** Replies to my posts and mentions of me. */
  NORMAL = 'NORMAL',
  /** Nothing from this discussion but mentions of me. */
  MUTED = 'MUTED',
}

/**
 * What a Web Push message carries (JSON, UTF-8), in the recipient's language; the service worker
 * shows it. In content-free mode it says only that something happened and where.
 */
export interface PushMessage {
  title: string;
  body: string;
  /** A path within the app to open on click, e.g. `/threads/<id>`. */
  url: string;
  /** Groups repeats of one subject (a newer one replaces the older), e.g. `thread:<id>`. */
  tag: string;
  /** The language of title and body (`en`, `ar`), so the notification is shown in its direction. */
  lang: string;
}
