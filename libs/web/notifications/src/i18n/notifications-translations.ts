import type { TranslationLoaders } from '@convene/web-ui';

/** This namespace's texts, one language at a time: the app loads them with the pages that show them. */
export const notificationsTranslations: TranslationLoaders = {
  en: () => import('./notifications.en').then((module) => module.notificationsEn),
  ar: () => import('./notifications.ar').then((module) => module.notificationsAr),
};
