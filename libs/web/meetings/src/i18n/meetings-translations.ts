import type { TranslationLoaders } from '@convene/web-ui';

/** This namespace's texts, one language at a time: the app loads them with the pages that show them. */
export const meetingsTranslations: TranslationLoaders = {
  en: () => import('./meetings.en').then((module) => module.meetingsEn),
  ar: () => import('./meetings.ar').then((module) => module.meetingsAr),
};
