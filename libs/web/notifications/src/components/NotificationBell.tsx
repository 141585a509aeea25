import { Anchor, Badge, Box, Button, Divider, Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useViewer, type NotificationFieldsFragment } from '@convene/web-data-access';
import { BellIcon, PageLoader, paths } from '@convene/web-ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMarkNotificationsRead } from '../hooks/useMarkNotificationsRead';
import { useNotificationFeed } from '../hooks/useNotificationFeed';
import { notificationPath } from '../hooks/notificationPath';
import { NotificationSummary } from './NotificationSummary';

export const NOTIFICATIONS_PATH = '/notifications';

/** The header's bell: the unread count, and the newest notifications a click away. */
export function NotificationBell() {
  const { viewer } = useViewer();
  // A new person starts from their own notifications, not the previous one's last sequence.
  return viewer ? <Bell key={viewer.id} /> : null;
}

function Bell() {
  const { t } = useTranslation('notifications');
  const feed = useNotificationFeed();
  const { markRead, markAllRead, marking } = useMarkNotificationsRead();
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const headingId = useId();

  const label = feed.unreadCount > 0 ? t('bell.labelUnread', { count: feed.unreadCount }) : t('bell.label');

  const openNotification = (notification: NotificationFieldsFragment) => {
    setOpened(false);
    void markRead(notification);
    navigate(notificationPath(notification) ?? NOTIFICATIONS_PATH);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <Button
          variant="default"
          size="sm"
          px="xs"
          aria-label={label}
          title={label}
          onClick={() => setOpened((o) => !o)}
        >
          <BellIcon />
          {feed.unreadCount > 0 && (
            <Badge color="red.9" size="sm" circle={feed.unreadCount < 10} ms={6}>
              {feed.unreadCount > 99 ? '99+' : feed.unreadCount}
            </Badge>
          )}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-labelledby={headingId} maw="calc(100vw - 16px)">
        <Group justify="space-between" px="md" py="sm" wrap="nowrap">
          <Text id={headingId} fw={700}>
            {t('bell.heading')}
          </Text>
          {feed.unreadCount > 0 && (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => void markAllRead(feed.notifications)}
              loading={marking}
            >
              {t('markAllRead')}
            </Button>
          )}
        </Group>
        <Divider />
        <Box mah={400} style={{ overflowY: 'auto' }}>
          {feed.loading && <PageLoader />}
          {feed.error && !feed.loading && (
            <Text size="sm" px="md" py="sm" c="red.9">
              {t('bell.loadFailed')}
            </Text>
          )}
          {!feed.loading && !feed.error && feed.notifications.length === 0 && (
            <Text size="sm" px="md" py="sm" c="gray.7">
              {t('bell.empty')}
            </Text>
          )}
          {feed.notifications.length > 0 && (
            <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
              {feed.notifications.map((notification) => (
                <li key={notification.id}>
                  <UnstyledButton className="convene-notification-row" onClick={() => openNotification(notification)}>
                    <NotificationSummary notification={notification} />
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          )}
        </Box>
        <Divider />
        <Group px="md" py="sm" justify="space-between">
          <Anchor component={Link} to={NOTIFICATIONS_PATH} size="sm" onClick={() => setOpened(false)}>
            {t('bell.showAll')}
          </Anchor>
          <Anchor
            component={Link}
            to={paths.notificationSettings()}
            size="sm"
            c="gray.7"
            onClick={() => setOpened(false)}
          >
            {t('centre.settings')}
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
