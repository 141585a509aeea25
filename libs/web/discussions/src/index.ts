export { GroupThreads } from './components/GroupThreads';
export { ThreadPage } from './components/ThreadPage';
export { SearchPage } from './components/SearchPage';
export { HeaderSearch } from './components/HeaderSearch';
export { discussionsResources } from './i18n/discussions-resources';
export { discussionsTranslations } from './i18n/discussions-translations';
