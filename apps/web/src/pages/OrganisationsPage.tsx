export { OrganisationsPage as default } from '@convene/web-identity';
