import type { TranslationLoaders } from '@convene/web-ui';
import { appEn } from './app.en';

/** The app's own texts: English with the first script, Arabic when shown. */
export const appTranslations: TranslationLoaders = {
  en: async () => appEn,
  ar: () => import('./app.ar').then((module) => module.appAr),
};
