import type { TranslationLoaders } from '@convene/web-ui';

/** The account pages' texts, one language at a time: the app loads them with the pages that show them. */
export const accountTranslations: TranslationLoaders = {
  en: () => import('./account.en').then((module) => module.accountEn),
  ar: () => import('./account.ar').then((module) => module.accountAr),
};
