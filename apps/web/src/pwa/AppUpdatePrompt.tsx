import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

/** How often an open tab asks whether a new version was published. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the service worker and, when a new version has installed, offers to reload into it.
 * Nothing changes until the person says so: the new version takes over whole, at the reload.
 */
export default function AppUpdatePrompt() {
  const { t } = useTranslation('app');
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => void registration.update().catch(() => undefined), CHECK_EVERY_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void registration.update().catch(() => undefined);
      });
    },
  });

  if (!needRefresh) return null;
  return (
    <Paper
      role="status"
      shadow="md"
      withBorder
      p="sm"
      pos="fixed"
      bottom={16}
      style={{ insetInlineStart: 16, insetInlineEnd: 16, zIndex: 300, maxWidth: 420, marginInline: 'auto' }}
    >
      <Text size="sm" fw={600}>
        {t('update.title')}
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t('update.body')}
      </Text>
      <Group gap="xs" justify="flex-end">
        <Button variant="default" size="xs" onClick={() => setNeedRefresh(false)}>
          {t('update.later')}
        </Button>
        <Button size="xs" onClick={() => void updateServiceWorker(true)}>
          {t('update.reload')}
        </Button>
      </Group>
    </Paper>
  );
}
