export { SecurityPage as default } from '@convene/web-identity';
