export { GroupDocuments } from './components/GroupDocuments';
export { DocumentPage } from './components/DocumentPage';
export { documentsResources } from './i18n/documents-resources';
