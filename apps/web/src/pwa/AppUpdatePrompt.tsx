import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Offers the new version that has installed and waits (see useServiceWorkerUpdate): nothing
 * changes until the person says so, and the new version then takes over whole, at the reload.
 * Its own chunk, fetched only when there is something to offer.
 */
export default function AppUpdatePrompt({ onLater, onReload }: { onLater(): void; onReload(): void }) {
  const { t } = useTranslation('app');
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
        <Button variant="default" size="xs" onClick={onLater}>
          {t('update.later')}
        </Button>
        <Button size="xs" onClick={onReload}>
          {t('update.reload')}
        </Button>
      </Group>
    </Paper>
  );
}
