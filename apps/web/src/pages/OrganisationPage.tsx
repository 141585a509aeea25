export { OrganisationPage as default } from '@convene/web-identity';
