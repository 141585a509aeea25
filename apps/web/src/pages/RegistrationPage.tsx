export { RegistrationPage as default } from '@convene/web-meetings';
