import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  DiscussDocumentDocument,
  DocumentDocument,
  DocumentGroupsDocument,
  RestoreDocumentDocument,
  toApiError,
  type DocumentPageFieldsFragment,
} from '@convene/web-data-access';
import {
  NotFoundPage,
  PageError,
  PageLoader,
  PageTitle,
  paths,
  useErrorMessage,
  useFileSize,
  useFormatDateTime,
  useNotify,
} from '@convene/web-ui';
import { useCallback, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useUploads } from '../hooks/useUploads';
import { uploadUrl, type UploadAnswer } from '../utils/upload-request.util';
import { DocumentPreview } from './DocumentPreview';
import { EditDocumentModal } from './EditDocumentModal';
import { FileTypeIcon, UploadIcon } from './FileTypeIcon';
import { MoveDocumentModal } from './MoveDocumentModal';
import { TrashDocumentModal } from './TrashDocumentModal';
import { UploadList } from './UploadList';
import { LinkedThreads } from './LinkedThreads';
import { VersionsTable } from './VersionsTable';
import './documents.css';
import { useTypeLabel } from '../hooks/useTypeLabel';

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

function DocumentDetails({ document, onChanged }: { document: DocumentPageFieldsFragment; onChanged: () => void }) {
  const { t } = useTranslation('documents');
  const fileSize = useFileSize();
  const typeLabel = useTypeLabel();
  const formatDateTime = useFormatDateTime();
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const { data: groups } = useQuery(DocumentGroupsDocument, { fetchPolicy: 'cache-first' });
  const group = groups?.workingGroups.find((candidate) => candidate.id === document.groupId) ?? null;
  const [editOpened, editModal] = useDisclosure(false);
  const [moveOpened, moveModal] = useDisclosure(false);
  const [trashOpened, trashModal] = useDisclosure(false);
  const [discuss, discussing] = useMutation(DiscussDocumentDocument);
  const [restore, restoring] = useMutation(RestoreDocumentDocument);
  const inTrash = document.deletedAt != null;

  const onUploaded = useCallback(
    (answer: UploadAnswer) => {
      notify.success(t('doc.versionUploaded', { number: answer.version.number }));
      onChanged();
    },
    [notify, t, onChanged],
  );
  const uploads = useUploads(uploadUrl({ documentId: document.id }), onUploaded);
  const fileInput = useRef<HTMLInputElement>(null);

  return (
    <Stack gap="lg">
      <div>
        {group ? (
          <Anchor component={Link} to={paths.group(group.slug)} size="sm">
            {t('doc.back', { group: group.name })}
          </Anchor>
        ) : (
          <Anchor component={Link} to={paths.groups()} size="sm">
            {t('doc.backPlain')}
          </Anchor>
        )}
        <Group justify="space-between" align="flex-start" mt="xs" gap="md">
          <Group gap="sm" wrap="nowrap" align="center" style={{ minWidth: 0 }}>
            <FileTypeIcon kind={document.kind} size={40} />
            <div style={{ minWidth: 0 }}>
              <PageTitle mb={0} dir="auto" style={{ overflowWrap: 'anywhere' }}>
                {document.title}
              </PageTitle>
              <Group gap="xs" mt={2}>
                <Badge variant="light" color="gray" c="gray.9" tt="none">
                  {typeLabel(document)}
                </Badge>
                <Text size="sm" c="gray.7">
                  {fileSize(document.size)} · {t('list.versions', { count: document.versionCount })}
                </Text>
              </Group>
            </div>
          </Group>
          <Group gap="xs">
            <Button
              component="a"
              href={document.downloadUrl}
              aria-label={t('doc.downloadFile', { name: document.title })}
            >
              {t('doc.download')}
            </Button>
            {document.viewerCanEdit && !inTrash && (
              <>
                <Button
                  variant="default"
                  leftSection={<UploadIcon size={16} />}
                  onClick={() => fileInput.current?.click()}
                >
                  {t('doc.uploadVersion')}
                </Button>
                <input
                  ref={fileInput}
                  type="file"
                  hidden
                  aria-label={t('doc.uploadVersion')}
                  onChange={(event) => {
                    const files = Array.from(event.currentTarget.files ?? []);
                    event.currentTarget.value = '';
                    uploads.add(files.slice(0, 1));
                  }}
                />
              </>
            )}
            {!inTrash &&
              (document.threadId ? (
                <Button variant="default" component={Link} to={paths.thread(document.threadId)}>
                  {t('doc.openDiscussion')}
                </Button>
              ) : (
                <Button
                  variant="default"
                  loading={discussing.loading}
                  onClick={() =>
                    void discuss({ variables: { id: document.id } })
                      .then(({ data }) => {
                        const threadId = data?.discussDocument.threadId;
                        if (threadId) void navigate(paths.thread(threadId));
                      })
                      .catch((error: unknown) => notify.error(errorMessage(error)))
                  }
                >
                  {t('doc.discuss')}
                </Button>
              ))}
          </Group>
        </Group>
      </div>

      {inTrash && (
        <Alert color="yellow" variant="light" title={t('doc.inTrash')}>
          {document.viewerCanManage && (
            <Button
              size="xs"
              variant="white"
              loading={restoring.loading}
              onClick={() =>
                void restore({ variables: { id: document.id } })
                  .then(() => notify.success(t('doc.restored')))
                  .catch((error: unknown) => notify.error(errorMessage(error)))
              }
            >
              {t('doc.restore')}
            </Button>
          )}
        </Alert>
      )}

      <UploadList items={uploads.items} onCancel={uploads.cancel} onDismiss={uploads.dismiss} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
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
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
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
                  <Text
                    size="sm"
                    className="convene-preline"
                    dir="auto"
                    c={document.description ? undefined : 'gray.7'}
                  >
                    {document.description || t('doc.noDescription')}
                  </Text>
                </Detail>
              </Stack>
              {!inTrash && (document.viewerCanEdit || document.viewerCanDelete) && (
                <Group gap="xs" mt="lg">
                  {document.viewerCanEdit && (
                    <>
                      <Button size="xs" variant="default" onClick={editModal.open}>
                        {t('doc.edit')}
                      </Button>
                      <Button size="xs" variant="default" onClick={moveModal.open}>
                        {t('doc.move')}
                      </Button>
                    </>
                  )}
                  {document.viewerCanDelete && (
                    <Button size="xs" variant="light" color="red" onClick={trashModal.open}>
                      {t('doc.delete')}
                    </Button>
                  )}
                </Group>
              )}
            </Paper>
            <LinkedThreads
              document={document}
              groupSlug={group?.slug ?? null}
              canEdit={document.viewerCanEdit && !inTrash}
            />
          </Stack>
        </Grid.Col>
      </Grid>

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
