import { Paper, Title } from '@mantine/core';
import type { DocumentPageFieldsFragment } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';
import { VersionsTable } from './VersionsTable';

/** A document's versions, newest first, with restoring an older one for those who may edit it. */
export function DocumentVersionsSection({
  document,
  inTrash,
}: {
  document: DocumentPageFieldsFragment;
  inTrash: boolean;
}) {
  const { t } = useTranslation('documents');
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="document-versions-heading">
      <Title order={2} size="h4" id="document-versions-heading" mb="md">
        {t('versions.title')}
      </Title>
      <VersionsTable
        documentId={document.id}
        versions={document.versions}
        current={document.versionCount}
        canEdit={document.viewerCanEdit && !inTrash}
      />
    </Paper>
  );
}
