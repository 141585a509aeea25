import type { NotificationFieldsFragment, NotificationType } from '@convene/web-data-access';

/** Notifications whose subject is a discussion: they lead to it. */
const ABOUT_A_THREAD: ReadonlySet<NotificationType> = new Set<NotificationType>(['THREAD_CREATED', 'POST_REPLY', 'MENTIONED', 'POST_HIDDEN']);

/** Where a notification leads: the discussion for discussion notifications, else the group. */
export function notificationPath(notification: NotificationFieldsFragment): string | null {
  if (ABOUT_A_THREAD.has(notification.type) && notification.subjectId) return `/threads/${notification.subjectId}`;
  return notification.group ? `/groups/${notification.group.slug}` : null;
}
