import type { TranslationLoaders } from '@convene/web-ui';

/** This namespace's texts, one language at a time: the app loads them with the pages that show them. */
export const discussionsTranslations: TranslationLoaders = {
  en: () => import('./discussions.en').then((module) => module.discussionsEn),
  ar: () => import('./discussions.ar').then((module) => module.discussionsAr),
};
