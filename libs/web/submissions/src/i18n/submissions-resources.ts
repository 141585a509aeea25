import type { NamespaceResources } from '@convene/web-ui';
import { submissionsAr } from './submissions.ar';
import { submissionsEn } from './submissions.en';

export const submissionsResources: NamespaceResources<typeof submissionsEn> = { en: submissionsEn, ar: submissionsAr };

declare module 'i18next' {
  interface ResourceNamespaceMap {
    submissions: typeof submissionsEn;
  }
}
