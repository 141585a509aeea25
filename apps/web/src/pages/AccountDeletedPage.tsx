export { AccountDeletedPage as default } from '@convene/web-identity';
