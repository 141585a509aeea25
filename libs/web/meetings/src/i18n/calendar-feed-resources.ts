import type { NamespaceResources } from '@convene/web-ui';
import { calendarFeedAr } from './calendarFeed.ar';
import { calendarFeedEn } from './calendarFeed.en';

export const calendarFeedResources: NamespaceResources<typeof calendarFeedEn> = {
  en: calendarFeedEn,
  ar: calendarFeedAr,
};

declare module 'i18next' {
  interface ResourceNamespaceMap {
    calendarFeed: typeof calendarFeedEn;
  }
}
