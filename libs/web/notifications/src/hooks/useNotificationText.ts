import type { NotificationFieldsFragment } from '@convene/web-data-access';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One sentence per notification, in the current language. A content-free notification says what
 * kind of thing happened and where, never who did it.
 */
export function useNotificationText(): (notification: NotificationFieldsFragment) => string {
  const { t } = useTranslation('notifications');
  return useCallback(
    (notification: NotificationFieldsFragment) => {
      const group = notification.group?.name ?? t('item.aGroup');
      if (notification.contentFree) return t(`contentFreeTypes.${notification.type}`, { group });
      return t(`types.${notification.type}`, { actor: notification.actor?.displayName ?? t('item.someone'), group });
    },
    [t],
  );
}
