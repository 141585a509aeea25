export { ResetPasswordPage as default } from '@convene/web-identity';
