export { GroupThreads } from './components/GroupThreads';
export { ThreadPage } from './components/ThreadPage';
export { discussionsResources } from './i18n/discussions-resources';
