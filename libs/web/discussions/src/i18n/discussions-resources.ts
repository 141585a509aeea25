import type { NamespaceResources } from '@convene/web-ui';
import { discussionsAr } from './discussions.ar';
import { discussionsEn } from './discussions.en';

export const discussionsResources: NamespaceResources<typeof discussionsEn> = { en: discussionsEn, ar: discussionsAr };

declare module 'i18next' {
  interface ResourceNamespaceMap {
    discussions: typeof discussionsEn;
  }
}
