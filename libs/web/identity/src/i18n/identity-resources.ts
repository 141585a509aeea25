import type { NamespaceResources } from '@convene/web-ui';
import { identityAr } from './identity.ar';
import { identityEn } from './identity.en';

export const identityResources: NamespaceResources<typeof identityEn> = { en: identityEn, ar: identityAr };

declare module 'i18next' {
  interface ResourceNamespaceMap {
    identity: typeof identityEn;
  }
}
