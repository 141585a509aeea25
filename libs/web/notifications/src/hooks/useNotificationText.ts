import type { NotificationFieldsFragment } from '@convene/web-data-access';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** One sentence per notification, in the current language. */
export function useNotificationText(): (notification: NotificationFieldsFragment) => string {
  const { t } = useTranslation('notifications');
  return useCallback(
    (notification: NotificationFieldsFragment) =>
      t(`types.${notification.type}`, {
        actor: notification.actor?.displayName ?? t('item.someone'),
        group: notification.group?.name ?? t('item.aGroup'),
      }),
    [t],
  );
}
