export { NotificationBell, NOTIFICATIONS_PATH } from './components/NotificationBell';
export { NotificationsPage } from './components/NotificationsPage';
export { notificationsResources } from './i18n/notifications-resources';
