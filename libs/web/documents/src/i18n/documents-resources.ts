import type { NamespaceResources } from '@convene/web-ui';
import { documentsAr } from './documents.ar';
import { documentsEn } from './documents.en';

export const documentsResources: NamespaceResources<typeof documentsEn> = { en: documentsEn, ar: documentsAr };

declare module 'i18next' {
  interface ResourceNamespaceMap {
    documents: typeof documentsEn;
  }
}
