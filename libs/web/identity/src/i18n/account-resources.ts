import type { NamespaceResources } from '@convene/web-ui';
import { accountAr } from './account.ar';
import { accountEn } from './account.en';

export const accountResources: NamespaceResources<typeof accountEn> = { en: accountEn, ar: accountAr };

declare module 'i18next' {
  interface ResourceNamespaceMap {
    account: typeof accountEn;
  }
}
