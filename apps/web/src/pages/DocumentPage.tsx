export { DocumentPage as default } from '@convene/web-documents';
