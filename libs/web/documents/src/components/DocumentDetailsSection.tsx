import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { DocumentPageFieldsFragment } from '@convene/web-data-access';
import { useFileSize, useFormatDateTime } from '@convene/web-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTypeLabel } from '../hooks/useTypeLabel';

/** A document's details (type, size, uploader, dates, folder, tags, description) and editing, moving or deleting it. */
export function DocumentDetailsSection({
  document,
  inTrash,
  onEdit,
  onMove,
  onDelete,
}: {
  document: DocumentPageFieldsFragment;
  inTrash: boolean;
  onEdit: () => void;
  onMove: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation('documents');
  const fileSize = useFileSize();
  const typeLabel = useTypeLabel();
  const formatDateTime = useFormatDateTime();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="document-details-heading">
      <Title order={2} size="h4" id="document-details-heading" mb="md">
        {t('doc.details')}
      </Title>
      <Stack component="dl" gap="sm" m={0}>
        <Detail label={t('doc.type')}>{typeLabel(document)}</Detail>
        <Detail label={t('doc.size')}>{fileSize(document.size)}</Detail>
        <Detail label={t('doc.uploader')}>{document.createdBy?.displayName ?? ''}</Detail>
        <Detail label={t('doc.created')}>{formatDateTime(document.createdAt)}</Detail>
        <Detail label={t('doc.updated')}>{formatDateTime(document.updatedAt)}</Detail>
        <Detail label={t('doc.folder')}>{document.folder?.name ?? t('doc.topLevel')}</Detail>
        <Detail label={t('doc.tags')}>
          {document.tags.length > 0 ? (
            <Group gap={4}>
              {document.tags.map((tag) => (
                <Badge key={tag} variant="light" color="indigo" tt="none" dir="auto">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : (
            '—'
          )}
        </Detail>
        <Detail label={t('doc.description')}>
          <Text size="sm" className="convene-preline" dir="auto" c={document.description ? undefined : 'gray.7'}>
            {document.description || t('doc.noDescription')}
          </Text>
        </Detail>
      </Stack>
      {!inTrash && (document.viewerCanEdit || document.viewerCanDelete) && (
        <Group gap="xs" mt="lg">
          {document.viewerCanEdit && (
            <>
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('doc.edit')}
              </Button>
              <Button size="xs" variant="default" onClick={onMove}>
                {t('doc.move')}
              </Button>
            </>
          )}
          {document.viewerCanDelete && (
            <Button size="xs" variant="light" color="red" onClick={onDelete}>
              {t('doc.delete')}
            </Button>
          )}
        </Group>
      )}
    </Paper>
  );
}

/** One label and its value in the list of details. */
function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="gray.7" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} dir="auto">
        {children}
      </Text>
    </div>
  );
}
