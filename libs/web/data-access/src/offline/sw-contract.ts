// What the service worker and the pages agree on.

/** Kept answers of reading queries: private, deleted at sign-out. */
export const OFFLINE_READING_CACHE = 'convene-offline-reading';

/**
 * The queries whose answers are kept for reading offline: a discussion, a meeting, and what the
 * pages around them need (who is signed in, the groups, their lists, the calendar).
 */
export const READING_OPERATIONS: ReadonlySet<string> = new Set([
  'Me',
  'WorkingGroups',
  'WorkingGroup',
  'GroupThreads',
  'GroupMeetings',
  'GroupDocuments',
  'GroupNotificationLevel',
  'Thread',
  'ThreadDocuments',
  'Meeting',
  'MeetingPoll',
  'MyCalendar',
  'Notifications',
]);

export const SW_MESSAGES = {
  /** Page → worker: the person accepted the new version. */
  skipWaiting: 'SKIP_WAITING',
  /** Page → worker: signed out; delete what was kept for reading offline. */
  forgetPrivate: 'FORGET_PRIVATE',
  /** Worker → page: a notification was tapped; show this path. */
  navigate: 'NAVIGATE',
} as const;

/** A push message's payload, as the API sends it (JSON). */
export interface PushPayload {
  title: string;
  body: string;
  /** A path within the app. */
  url: string;
  /** Notifications with the same tag replace one another. */
  tag?: string;
  lang?: string;
}
