import type { TranslationLoaders } from '@convene/web-ui';

/** The calendar feed's texts, one language at a time: fetched with the calendar page, not with every meetings page. */
export const calendarFeedTranslations: TranslationLoaders = {
  en: () => import('./calendarFeed.en').then((module) => module.calendarFeedEn),
  ar: () => import('./calendarFeed.ar').then((module) => module.calendarFeedAr),
};
