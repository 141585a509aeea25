export { NotificationBell, NOTIFICATIONS_PATH } from './components/NotificationBell';
export { NotificationsPage } from './components/NotificationsPage';
export { NotificationSettingsPage } from './components/NotificationSettingsPage';
export { GroupNotificationMenu } from './components/GroupNotificationMenu';
export { UnsubscribePage } from './components/UnsubscribePage';
export { notificationsResources } from './i18n/notifications-resources';
export { notificationsTranslations } from './i18n/notifications-translations';
