import { useFileSize } from '@convene/web-ui';
import { Button, Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { UploadIcon } from './FileTypeIcon';

/** Where files are dropped or picked, several at once; the size check happens in useUploads so each file gets its own message. */
export function UploadDropzone({ onFiles, maxBytes }: { onFiles: (files: File[]) => void; maxBytes: number | null }) {
  const { t } = useTranslation('documents');
  const fileSize = useFileSize();
  const openRef = useRef<() => void>(null);
  return (
    <Dropzone
      openRef={openRef}
      onDrop={onFiles}
      onReject={(rejections) => onFiles(rejections.map((rejection) => rejection.file))}
      multiple
      activateOnClick={false}
      radius="md"
      inputProps={{ 'aria-label': t('upload.inputLabel') }}
      className="convene-dropzone"
    >
      <Group justify="center" gap="lg" mih={110} style={{ pointerEvents: 'none' }} wrap="nowrap">
        <Dropzone.Accept>
          <span className="convene-dropzone-icon">
            <UploadIcon />
          </span>
        </Dropzone.Accept>
        <Dropzone.Reject>
          <span className="convene-dropzone-icon">
            <UploadIcon />
          </span>
        </Dropzone.Reject>
        <Dropzone.Idle>
          <span className="convene-dropzone-icon">
            <UploadIcon />
          </span>
        </Dropzone.Idle>
        <Stack gap={4} align="flex-start">
          <Text fw={600}>{t('upload.dropTitle')}</Text>
          <Text size="sm" c="gray.7">
            {t('upload.dropHint', { max: maxBytes != null ? fileSize(maxBytes) : '…' })}
          </Text>
          <Button size="xs" variant="light" mt={4} style={{ pointerEvents: 'all' }} onClick={() => openRef.current?.()}>
            {t('upload.choose')}
          </Button>
        </Stack>
      </Group>
    </Dropzone>
  );
}
