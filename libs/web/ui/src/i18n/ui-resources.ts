import type { NamespaceResources } from './translations.types';
import { uiAr } from './locales/ui.ar';
import { uiEn } from './locales/ui.en';

export const UI_NAMESPACE = 'ui';

export const uiResources: NamespaceResources<typeof uiEn> = { en: uiEn, ar: uiAr };

declare module 'i18next' {
  interface ResourceNamespaceMap {
    ui: typeof uiEn;
  }
}
