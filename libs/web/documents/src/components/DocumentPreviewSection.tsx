import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { DocumentPageFieldsFragment } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';
import { DocumentPreview } from './DocumentPreview';
import { FileTypeIcon } from './FileTypeIcon';

/** A document's preview, or (when it has none) its icon and a button to download it. */
export function DocumentPreviewSection({ document }: { document: DocumentPageFieldsFragment }) {
  const { t } = useTranslation('documents');
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="document-preview-heading">
      <Title order={2} size="h4" id="document-preview-heading" mb="md">
        {t('doc.preview')}
      </Title>
      {document.previewKind === 'NONE' ? (
        <Stack align="center" gap="md" py="xl">
          <FileTypeIcon kind={document.kind} size={72} />
          <Text c="gray.7" ta="center">
            {t('doc.noPreview')}
          </Text>
          <Button size="lg" component="a" href={document.downloadUrl}>
            {t('doc.downloadFile', { name: document.versions[0]?.fileName ?? document.title })}
          </Button>
        </Stack>
      ) : (
        <DocumentPreview document={document} />
      )}
    </Paper>
  );
}
