import type { NotificationFieldsFragment, NotificationType } from '@convene/web-data-access';

/** Notifications whose subject is a discussion: they lead to it. */
const ABOUT_A_THREAD: ReadonlySet<NotificationType> = new Set<NotificationType>(['THREAD_CREATED', 'POST_REPLY', 'MENTIONED', 'POST_HIDDEN']);

const ABOUT_A_DOCUMENT: ReadonlySet<NotificationType> = new Set<NotificationType>(['DOCUMENT_ADDED', 'DOCUMENT_UPDATED']);

/** Where a notification leads: the discussion or document it is about, else the group. */
export function notificationPath(notification: NotificationFieldsFragment): string | null {
  if (ABOUT_A_THREAD.has(notification.type) && notification.subjectId) return `/threads/${notification.subjectId}`;
  if (ABOUT_A_DOCUMENT.has(notification.type) && notification.subjectId) return `/documents/${notification.subjectId}`;
  return notification.group ? `/groups/${notification.group.slug}` : null;
}
