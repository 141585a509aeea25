export { SignInPage as default } from '@convene/web-identity';
