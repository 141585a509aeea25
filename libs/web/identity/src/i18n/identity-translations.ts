import type { TranslationLoaders } from '@convene/web-ui';

/** This namespace's texts, one language at a time: the app loads them with the pages that show them. */
export const identityTranslations: TranslationLoaders = {
  en: () => import('./identity.en').then((module) => module.identityEn),
  ar: () => import('./identity.ar').then((module) => module.identityAr),
};
