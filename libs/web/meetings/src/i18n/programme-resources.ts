import type { NamespaceResources } from '@convene/web-ui';
import { programmeAr } from './programme.ar';
import { programmeEn } from './programme.en';

export const programmeResources: NamespaceResources<typeof programmeEn> = { en: programmeEn, ar: programmeAr };

declare module 'i18next' {
  interface ResourceNamespaceMap {
    programme: typeof programmeEn;
  }
}
