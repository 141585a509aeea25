export const notificationsEn = {
  bell: {
    label: 'Notifications',
    labelUnread: 'Notifications, {{count}} unread',
    heading: 'Notifications',
    empty: 'Nothing new. You will hear here when something happens in your groups.',
    loadFailed: 'Notifications could not be loaded.',
    showAll: 'All notifications',
  },
  centre: {
    title: 'Notifications',
    intro: 'What has happened in your groups, newest first.',
    empty: 'You have no notifications yet.',
    unreadCount: '{{count}} unread',
    loadMore: 'Show older',
    markRead: 'Mark read',
    markReadOf: 'Mark read: {{text}}',
  },
  item: {
    unread: 'Unread',
    someone: 'Someone',
    aGroup: 'a group',
  },
  types: {
    JOIN_REQUESTED: '{{actor}} asked to join {{group}}',
    MEMBERSHIP_APPROVED: 'You were approved to join {{group}}',
    MEMBERSHIP_DECLINED: '{{actor}} declined your request to join {{group}}',
    GROUP_INVITATION: '{{actor}} invited you to join {{group}}',
    ROLE_CHANGED: 'Your role in {{group}} changed',
  },
  markAllRead: 'Mark all read',
  allMarkedRead: 'All notifications marked read',
  toastMany: '{{count}} new notifications',
};
