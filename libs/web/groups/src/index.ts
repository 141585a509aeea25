export { GroupsPage } from './components/GroupsPage';
export { GroupPage, type GroupSlot } from './components/GroupPage';
export { groupsResources } from './i18n/groups-resources';
export { groupsTranslations } from './i18n/groups-translations';
