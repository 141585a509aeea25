import type { NotificationFieldsFragment } from '@convene/web-data-access';

/** Where a notification leads: the discussion for discussion notifications, else the group. */
export function notificationPath(notification: NotificationFieldsFragment): string | null {
  if ((notification.type === 'THREAD_CREATED' || notification.type === 'POST_REPLY') && notification.subjectId) return `/threads/${notification.subjectId}`;
  return notification.group ? `/groups/${notification.group.slug}` : null;
}
