export { SignUpPage as default } from '@convene/web-identity';
