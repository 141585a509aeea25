export { GroupsPage as default } from '@convene/web-groups';
