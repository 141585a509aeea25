import type { NamespaceResources } from '@convene/web-ui';
import { groupsAr } from './groups.ar';
import { groupsEn } from './groups.en';

export const groupsResources: NamespaceResources<typeof groupsEn> = { en: groupsEn, ar: groupsAr };

declare module 'i18next' {
  interface ResourceNamespaceMap {
    groups: typeof groupsEn;
  }
}
