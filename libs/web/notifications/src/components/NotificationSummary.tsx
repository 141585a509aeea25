import { Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { NotificationFieldsFragment } from '@convene/web-data-access';
import { useFormatDateTime } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { useNotificationText } from '../hooks/useNotificationText';
import './notifications.css';

/** What happened and when, with a dot while unread: the body of a row in the bell and the centre. */
export function NotificationSummary({ notification }: { notification: NotificationFieldsFragment }) {
  const { t } = useTranslation('notifications');
  const describe = useNotificationText();
  const formatDateTime = useFormatDateTime();
  const unread = !notification.readAt;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <span className="convene-unread-dot" data-read={unread ? undefined : true} aria-hidden="true" />
      <Stack gap={2}>
        <Text size="sm" fw={unread ? 600 : 400} c="gray.9">
          {unread && <VisuallyHidden>{`${t('item.unread')}: `}</VisuallyHidden>}
          {describe(notification)}
        </Text>
        <Text size="xs" c="gray.7">
          <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
          {notification.contentFree && ` · ${t('centre.contentFree')}`}
        </Text>
      </Stack>
    </Group>
  );
}
