export { ForgotPasswordPage as default } from '@convene/web-identity';
