import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Toasts for the outcome of an action; they are announced politely to screen readers. */
export function useNotify() {
  const { t } = useTranslation('ui');
  return useMemo(() => {
    const closeButtonProps = { 'aria-label': t('notifications.close') };
    return {
      success: (message: string) => notifications.show({ color: 'teal', message, withBorder: true, closeButtonProps }),
      /** News that did not come from the person's own action, such as a live notification. */
      info: (message: string) => notifications.show({ color: 'blue', message, withBorder: true, closeButtonProps }),
      error: (message: string) =>
        notifications.show({ color: 'red', message, withBorder: true, autoClose: 8000, closeButtonProps }),
    };
  }, [t]);
}
