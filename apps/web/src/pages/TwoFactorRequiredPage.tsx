export { TwoFactorRequiredPage as default } from '@convene/web-identity';
