import { useFileSize } from '@convene/web-ui';
import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UploadItem } from '../hooks/useUploads';

/** Each file being sent: its progress, a way to cancel it, and what went wrong if it failed. */
export function UploadList({
  items,
  onCancel,
  onDismiss,
}: {
  items: UploadItem[];
  onCancel: (key: string) => void;
  onDismiss: (key: string) => void;
}) {
  const { t } = useTranslation('documents');
  const fileSize = useFileSize();
  if (items.length === 0) return null;
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('upload.progressList')}>
      {items.map((item) => (
        <Paper component="li" key={item.key} withBorder p="sm" radius="md" data-upload-status={item.status}>
          <Group justify="space-between" wrap="nowrap" gap="sm" mb={6}>
            <Text size="sm" fw={500} truncate dir="auto" style={{ minWidth: 0 }}>
              {item.name}
            </Text>
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <Text size="xs" c="gray.7">
                {item.status === 'uploading'
                  ? `${item.progress}% · ${fileSize(item.size)}`
                  : item.status === 'saving'
                    ? t('upload.saving')
                    : item.status === 'done'
                      ? t('upload.done')
                      : item.status === 'cancelled'
                        ? t('upload.cancelled')
                        : fileSize(item.size)}
              </Text>
              {item.status === 'saving' ? null : item.status === 'uploading' ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => onCancel(item.key)}
                  aria-label={t('upload.cancelLabel', { name: item.name })}
                >
                  {t('upload.cancel')}
                </Button>
              ) : (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  onClick={() => onDismiss(item.key)}
                  aria-label={t('upload.dismissLabel', { name: item.name })}
                >
                  {t('upload.dismiss')}
                </Button>
              )}
            </Group>
          </Group>
          <Progress
            value={item.status === 'failed' ? 100 : item.progress}
            color={
              item.status === 'failed'
                ? 'red'
                : item.status === 'done'
                  ? 'teal'
                  : item.status === 'cancelled'
                    ? 'gray'
                    : 'indigo'
            }
            animated={item.status === 'uploading' || item.status === 'saving'}
            striped={item.status === 'uploading' || item.status === 'saving'}
            size="sm"
            aria-label={item.name}
          />
          {item.error && (
            <Text size="sm" c="red.8" mt={6} role="alert">
              {item.error}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
