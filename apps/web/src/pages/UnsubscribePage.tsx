export { UnsubscribePage as default } from '@convene/web-notifications';
