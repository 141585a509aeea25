import { Grid, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import {
  DocumentDocument,
  DocumentGroupsDocument,
  toApiError,
  type DocumentPageFieldsFragment,
} from '@convene/web-data-access';
import { NotFoundPage, PageError, PageLoader, useNotify } from '@convene/web-ui';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useUploads } from '../hooks/useUploads';
import { uploadUrl, type UploadAnswer } from '../utils/upload-request.util';
import { DocumentDetailsSection } from './DocumentDetailsSection';
import { DocumentHeader } from './DocumentHeader';
import { DocumentPreviewSection } from './DocumentPreviewSection';
import { DocumentTrashAlert } from './DocumentTrashAlert';
import { DocumentVersionsSection } from './DocumentVersionsSection';
import { EditDocumentModal } from './EditDocumentModal';
import { MoveDocumentModal } from './MoveDocumentModal';
import { TrashDocumentModal } from './TrashDocumentModal';
import { UploadList } from './UploadList';
import { LinkedThreads } from './LinkedThreads';
import './documents.css';

/** One document: its preview, details, versions and what the viewer may do with it. */
export function DocumentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('documents');
  const { data, error, loading, refetch } = useQuery(DocumentDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  if (!data && loading) return <PageLoader />;
  if (!data && error) {
    const code = toApiError(error).code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT')
      return <NotFoundPage title={t('doc.notFoundTitle')} body={t('doc.notFoundBody')} />;
    return <PageError error={error} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  return <DocumentDetails document={data.document} onChanged={() => void refetch()} />;
}

/** The document's sections laid out, the uploads of new versions in progress, and its edit, move and trash dialogs. */
function DocumentDetails({ document, onChanged }: { document: DocumentPageFieldsFragment; onChanged: () => void }) {
  const { t } = useTranslation('documents');
  const notify = useNotify();
  const navigate = useNavigate();
  const { data: groups } = useQuery(DocumentGroupsDocument, { fetchPolicy: 'cache-first' });
  const group = groups?.workingGroups.find((candidate) => candidate.id === document.groupId) ?? null;
  const [editOpened, editModal] = useDisclosure(false);
  const [moveOpened, moveModal] = useDisclosure(false);
  const [trashOpened, trashModal] = useDisclosure(false);
  const inTrash = document.deletedAt != null;

  const onUploaded = useCallback(
    (answer: UploadAnswer) => {
      notify.success(t('doc.versionUploaded', { number: answer.version.number }));
      onChanged();
    },
    [notify, t, onChanged],
  );
  const uploads = useUploads(uploadUrl({ documentId: document.id }), onUploaded);

  return (
    <Stack gap="lg">
      <DocumentHeader document={document} group={group} inTrash={inTrash} onUploadFiles={uploads.add} />

      {inTrash && <DocumentTrashAlert document={document} />}

      <UploadList items={uploads.items} onCancel={uploads.cancel} onDismiss={uploads.dismiss} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <DocumentPreviewSection document={document} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <DocumentDetailsSection
              document={document}
              inTrash={inTrash}
              onEdit={editModal.open}
              onMove={moveModal.open}
              onDelete={trashModal.open}
            />
            <LinkedThreads
              document={document}
              groupSlug={group?.slug ?? null}
              canEdit={document.viewerCanEdit && !inTrash}
            />
          </Stack>
        </Grid.Col>
      </Grid>

      <DocumentVersionsSection document={document} inTrash={inTrash} />

      {editOpened && <EditDocumentModal document={document} opened={editOpened} onClose={editModal.close} />}
      {moveOpened && group && (
        <MoveDocumentModal
          documentId={document.id}
          folderId={document.folderId ?? null}
          groupSlug={group.slug}
          opened={moveOpened}
          onClose={moveModal.close}
        />
      )}
      <TrashDocumentModal
        document={document}
        opened={trashOpened}
        onClose={trashModal.close}
        onTrashed={() => void navigate(group ? `/groups/${group.slug}` : '/groups')}
      />
    </Stack>
  );
}
