export { NotificationsPage as default } from '@convene/web-notifications';
