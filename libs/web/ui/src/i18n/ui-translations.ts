import type { TranslationLoaders } from './create-i18n';
import { uiEn } from './locales/ui.en';

/** The shell's texts as the app loads them: English with the first script, Arabic when shown. */
export const uiTranslations: TranslationLoaders = {
  en: async () => uiEn,
  ar: () => import('./locales/ui.ar').then((module) => module.uiAr),
};
