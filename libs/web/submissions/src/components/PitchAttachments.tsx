import { useFileSize } from '@convene/web-ui';
import { Button, FileButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { usePitchUploads } from '../hooks/usePitchUploads';

/** Choosing a pitch's attachments: each uploads at once, with its progress, a remove button and any refusal. */
export function PitchAttachments({
  uploads,
  error,
}: {
  uploads: ReturnType<typeof usePitchUploads>;
  error: string | null;
}) {
  const { t } = useTranslation('submissions');
  const fileSize = useFileSize();
  const full = uploads.count >= uploads.max;
  // Cleared after each choice, so choosing the same file again (after removing it) still uploads it.
  const resetRef = useRef<() => void>(null);
  return (
    <fieldset className="convene-pitch-fieldset" aria-describedby="pitch-attachments-hint">
      <legend>{t('public.attachmentsHeading')}</legend>
      <Text size="sm" c="gray.7" id="pitch-attachments-hint" mb="sm">
        {t('public.attachmentsHint', { count: uploads.max })}
      </Text>
      {uploads.items.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} mb="sm" style={{ listStyle: 'none' }} aria-label={t('upload.list')}>
          {uploads.items.map((item) => (
            <Paper component="li" key={item.key} withBorder p="sm" radius="md" data-upload-status={item.status}>
              <Group justify="space-between" wrap="nowrap" gap="sm" mb={item.status === 'done' ? 0 : 6}>
                <Text size="sm" fw={500} truncate dir="auto" style={{ minWidth: 0 }}>
                  {item.name}
                </Text>
                <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
                  <Text size="xs" c={item.status === 'done' ? 'teal.9' : 'gray.7'}>
                    {item.status === 'uploading'
                      ? t('upload.uploading', { progress: item.progress })
                      : item.status === 'done'
                        ? `${t('upload.done')} · ${fileSize(item.size)}`
                        : fileSize(item.size)}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => uploads.remove(item.key)}
                    aria-label={t('upload.removeLabel', { name: item.name })}
                  >
                    {t('upload.remove')}
                  </Button>
                </Group>
              </Group>
              {item.status !== 'done' && (
                <Progress
                  value={item.status === 'failed' ? 100 : item.progress}
                  color={item.status === 'failed' ? 'red' : 'indigo'}
                  animated={item.status === 'uploading'}
                  striped={item.status === 'uploading'}
                  size="sm"
                  aria-label={item.name}
                />
              )}
              {item.error && (
                <Text size="sm" c="red.8" mt={6} role="alert">
                  {item.error}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
      <FileButton
        resetRef={resetRef}
        onChange={(files) => {
          uploads.add(files.slice(0, Math.max(0, uploads.max - uploads.count)));
          resetRef.current?.();
        }}
        multiple
        inputProps={{ 'aria-label': t('public.filesInput') }}
      >
        {(props) => (
          <Button {...props} variant="light" disabled={full}>
            {t('public.chooseFiles')}
          </Button>
        )}
      </FileButton>
      {full && (
        <Text size="sm" c="gray.7" mt={6}>
          {t('public.tooManyFiles', { count: uploads.max })}
        </Text>
      )}
      {error && (
        <Text size="sm" c="red.8" mt={6} role="alert">
          {error}
        </Text>
      )}
    </fieldset>
  );
}
