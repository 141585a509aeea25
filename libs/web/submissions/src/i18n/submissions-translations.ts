import type { TranslationLoaders } from '@convene/web-ui';

/** This namespace's texts, one language at a time: the app loads them with the pages that show them. */
export const submissionsTranslations: TranslationLoaders = {
  en: () => import('./submissions.en').then((module) => module.submissionsEn),
  ar: () => import('./submissions.ar').then((module) => module.submissionsAr),
};
