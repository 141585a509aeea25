import type { NamespaceResources } from '@convene/web-ui';
import { appAr } from './app.ar';
import { appEn } from './app.en';

export const appResources: NamespaceResources<typeof appEn> = { en: appEn, ar: appAr };

declare module 'i18next' {
  interface ResourceNamespaceMap {
    app: typeof appEn;
  }
}
