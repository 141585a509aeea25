import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { NotificationsDocument, type NotificationFieldsFragment } from '@convene/web-data-access';
import { PageError, PageLoader, PageTitle, paths, usePageSize } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarkNotificationsRead } from '../hooks/useMarkNotificationsRead';
import { notificationPath } from '../hooks/notificationPath';
import { useNotificationText } from '../hooks/useNotificationText';
import { NotificationSummary } from './NotificationSummary';

const PAGE_SIZE = 20;
// The API returns at most this many at once; older ones stay out of the centre for now.
const MAX_SHOWN = 100;

function NotificationRow({
  notification,
  onMarkRead,
  marking,
}: {
  notification: NotificationFieldsFragment;
  onMarkRead: () => void;
  marking: boolean;
}) {
  const { t } = useTranslation('notifications');
  const describe = useNotificationText();
  const path = notificationPath(notification);
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" wrap="nowrap" align="center" gap="sm">
        {path ? (
          <Anchor component={Link} to={path} underline="never" c="inherit" onClick={onMarkRead}>
            <NotificationSummary notification={notification} />
          </Anchor>
        ) : (
          <NotificationSummary notification={notification} />
        )}
        {!notification.readAt && (
          <Button
            variant="default"
            size="compact-sm"
            onClick={onMarkRead}
            disabled={marking}
            aria-label={t('centre.markReadOf', { text: describe(notification) })}
          >
            {t('centre.markRead')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** The notification centre: everything, newest first, with read marks. */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  // With Use less data on, each page of the list is about half as long.
  const pageSize = usePageSize(PAGE_SIZE);
  const [pages, setPages] = useState(1);
  const first = Math.min(pages * pageSize, MAX_SHOWN);
  const { data, previousData, loading, error, refetch } = useQuery(NotificationsDocument, {
    variables: { first },
    fetchPolicy: 'cache-and-network',
  });
  const { markRead, markAllRead, marking } = useMarkNotificationsRead();
  const shown = data ?? previousData;
  const notifications = shown?.notifications ?? [];
  const unreadCount = shown?.unreadNotificationCount ?? 0;
  const canLoadMore = notifications.length >= first && first < MAX_SHOWN;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle mb="xs">{t('centre.title')}</PageTitle>
          <Text c="gray.7">{t('centre.intro')}</Text>
        </div>
        <Group gap="xs">
          {unreadCount > 0 && (
            <Button variant="default" onClick={() => void markAllRead(notifications)} loading={marking}>
              {t('markAllRead')}
            </Button>
          )}
          <Button component={Link} to={paths.notificationSettings()} variant="subtle">
            {t('centre.settings')}
          </Button>
        </Group>
      </Group>
      {!shown && loading && <PageLoader />}
      {!shown && error && <PageError error={error} onRetry={() => void refetch()} />}
      {shown && notifications.length === 0 && <Text>{t('centre.empty')}</Text>}
      {notifications.length > 0 && (
        <>
          <Text size="sm" c="gray.7" role="status">
            {t('centre.unreadCount', { count: unreadCount })}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {notifications.map((notification) => (
              <NotificationRow
                key={notification.id}
                notification={notification}
                onMarkRead={() => void markRead(notification)}
                marking={marking}
              />
            ))}
          </Stack>
          {canLoadMore && (
            <Group justify="center">
              <Button variant="default" onClick={() => setPages((n) => n + 1)} loading={loading}>
                {t('centre.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
