export { NotificationSettingsPage as default } from '@convene/web-notifications';
