import type { TranslationLoaders } from '@convene/web-ui';

/** This namespace's texts, one language at a time: the app loads them with the pages that show them. */
export const documentsTranslations: TranslationLoaders = {
  en: () => import('./documents.en').then((module) => module.documentsEn),
  ar: () => import('./documents.ar').then((module) => module.documentsAr),
};
