import type { NamespaceResources } from '@convene/web-ui';
import { meetingsAr } from './meetings.ar';
import { meetingsEn } from './meetings.en';

export const meetingsResources: NamespaceResources<typeof meetingsEn> = { en: meetingsEn, ar: meetingsAr };

declare module 'i18next' {
  interface ResourceNamespaceMap {
    meetings: typeof meetingsEn;
  }
}
