import type { TranslationLoaders } from '@convene/web-ui';

/**
 * An event programme's texts, one language at a time: loaded with the programme's own parts (the
 * workshop picker, the registrant's programme, the organisers' editor), never with the public form.
 */
export const programmeTranslations: TranslationLoaders = {
  en: () => import('./programme.en').then((module) => module.programmeEn),
  ar: () => import('./programme.ar').then((module) => module.programmeAr),
};
