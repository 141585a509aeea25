export { ProfilePage as default } from '@convene/web-identity';
