import type { NotificationFieldsFragment, NotificationType } from '@convene/web-data-access';

/** Notifications whose subject is a discussion: they lead to it. */
const ABOUT_A_THREAD: ReadonlySet<NotificationType> = new Set<NotificationType>([
  'THREAD_CREATED',
  'POST_REPLY',
  'MENTIONED',
  'POST_HIDDEN',
]);

const ABOUT_A_DOCUMENT: ReadonlySet<NotificationType> = new Set<NotificationType>([
  'DOCUMENT_ADDED',
  'DOCUMENT_UPDATED',
]);

const ABOUT_A_MEETING: ReadonlySet<NotificationType> = new Set<NotificationType>([
  'MEETING_SCHEDULED',
  'MEETING_UPDATED',
  'MEETING_CANCELLED',
  'MEETING_REMINDER',
  'EVENT_REGISTRATION',
]);

const ABOUT_A_PITCH: ReadonlySet<NotificationType> = new Set<NotificationType>([
  'PITCH_RECEIVED',
  'PITCH_ASSIGNED',
  'PITCH_REPLY',
]);

/** Where a notification leads: the discussion, document, meeting, poll or pitch it is about, else the group. */
export function notificationPath(notification: NotificationFieldsFragment): string | null {
  if (ABOUT_A_THREAD.has(notification.type) && notification.subjectId) return `/threads/${notification.subjectId}`;
  if (ABOUT_A_DOCUMENT.has(notification.type) && notification.subjectId) return `/documents/${notification.subjectId}`;
  if (ABOUT_A_MEETING.has(notification.type) && notification.subjectId) return `/meetings/${notification.subjectId}`;
  if (ABOUT_A_PITCH.has(notification.type) && notification.subjectId)
    return `/pitches/review/${notification.subjectId}`;
  if (notification.type === 'POLL_OPENED' && notification.subjectId) return `/polls/${notification.subjectId}`;
  return notification.group ? `/groups/${notification.group.slug}` : null;
}
