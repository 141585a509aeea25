import type { TranslationLoaders } from '@convene/web-ui';

/** This namespace's texts, one language at a time: the app loads them with the pages that show them. */
export const groupsTranslations: TranslationLoaders = {
  en: () => import('./groups.en').then((module) => module.groupsEn),
  ar: () => import('./groups.ar').then((module) => module.groupsAr),
};
