import type { NamespaceResources } from '@convene/web-ui';
import { notificationsAr } from './notifications.ar';
import { notificationsEn } from './notifications.en';

export const notificationsResources: NamespaceResources<typeof notificationsEn> = {
  en: notificationsEn,
  ar: notificationsAr,
};

declare module 'i18next' {
  interface ResourceNamespaceMap {
    notifications: typeof notificationsEn;
  }
}
