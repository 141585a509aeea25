export { PublicEventPage as default } from '@convene/web-meetings';
