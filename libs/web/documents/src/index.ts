export { GroupDocuments } from './components/GroupDocuments';
export { DocumentPage } from './components/DocumentPage';
export { DocumentSearchResults } from './components/DocumentSearchResults';
export { DocumentTypesForm } from './components/DocumentTypesForm';
export { ThreadDocuments } from './components/ThreadDocuments';
export { documentsResources } from './i18n/documents-resources';
export { documentsTranslations } from './i18n/documents-translations';
