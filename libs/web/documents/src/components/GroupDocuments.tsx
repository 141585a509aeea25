import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  GroupDocumentsDocument,
  RestoreDocumentDocument,
  type DocumentFolderFieldsFragment,
  type DocumentKind,
  type DocumentRowFieldsFragment,
  type DocumentSort,
} from '@convene/web-data-access';
import {
  PageError,
  paths,
  ScrollTable,
  useErrorMessage,
  useFileSize,
  useFormatDateTime,
  useNotify,
  usePageSize,
} from '@convene/web-ui';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUploads } from '../hooks/useUploads';
import { uploadUrl } from '../utils/upload-request.util';
import { FileTypeIcon, FolderIcon } from './FileTypeIcon';
import { NewFolderModal } from './NewFolderModal';
import { UploadDropzone } from './UploadDropzone';
import { UploadList } from './UploadList';
import './documents.css';
import { useTypeLabel } from '../hooks/useTypeLabel';

const PAGE = 25;
const SORTS: DocumentSort[] = ['UPDATED', 'NAME', 'SIZE'];
const KINDS: DocumentKind[] = ['PDF', 'WORD_PROCESSING', 'SPREADSHEET', 'PRESENTATION', 'IMAGE', 'TEXT', 'ARCHIVE'];

/** The path from the top level down to a folder, from the flat list of folders. */
function folderPath(folders: DocumentFolderFieldsFragment[], folderId: string | null): DocumentFolderFieldsFragment[] {
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  const path: DocumentFolderFieldsFragment[] = [];
  let current = folderId ? byId.get(folderId) : undefined;
  while (current && path.length < 50) {
    path.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/**
 * A group's shared files for the group page: folders, upload, the list with sorting and filtering,
 * and the trash for convenors. `readOnly` (an archived group): the files are listed to be read,
 * with no upload and no new folders.
 */
export function GroupDocuments({
  groupId,
  slug,
  readOnly = false,
}: {
  groupId: string;
  slug: string;
  readOnly?: boolean;
}) {
  const { t } = useTranslation('documents');
  const notify = useNotify();
  const [folderId, setFolderId] = useState<string | null>(null);
  const [sort, setSort] = useState<DocumentSort>('UPDATED');
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const [view, setView] = useState<'documents' | 'trash'>('documents');
  const [folderOpened, folderModal] = useDisclosure(false);
  const trashed = view === 'trash';
  const first = usePageSize(PAGE);
  const variables = useMemo(
    () => ({
      slug,
      first,
      sort,
      kind,
      trashed,
      ...(trashed ? {} : folderId ? { folderId } : { topLevel: true }),
    }),
    [slug, first, sort, kind, trashed, folderId],
  );
  const { data, error, refetch, fetchMore, loading } = useQuery(GroupDocumentsDocument, {
    variables,
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const group = data?.workingGroup;
  const page = group?.documents;
  const folders = useMemo(() => group?.documentFolders ?? [], [group?.documentFolders]);

  const onUploaded = useCallback(
    (answer: { document: { title: string } }) => {
      notify.success(t('upload.uploaded', { name: answer.document.title }));
      void refetch();
    },
    [notify, t, refetch],
  );
  const uploads = useUploads(uploadUrl({ groupId, folderId }), onUploaded);

  if (!data && error) return <PageError error={error} onRetry={() => void refetch()} />;
  if (data && !page && !trashed) return null;

  const path = folderPath(folders, folderId);
  const subfolders = folders
    .filter((folder) => (folder.parentId ?? null) === folderId)
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="group-documents-heading">
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} size="h3" id="group-documents-heading">
          {t('list.title')}
        </Title>
        <Group gap="sm">
          {group?.viewerCanManage && (
            <SegmentedControl
              size="xs"
              aria-label={t('list.view')}
              value={view}
              onChange={(value) => setView(value === 'trash' ? 'trash' : 'documents')}
              data={[
                { value: 'documents', label: t('list.documents') },
                { value: 'trash', label: t('list.trash') },
              ]}
            />
          )}
          {!trashed && !readOnly && (
            <Button variant="default" size="sm" onClick={folderModal.open} leftSection={<FolderIcon size={16} />}>
              {t('list.newFolder')}
            </Button>
          )}
        </Group>
      </Group>
      <NewFolderModal
        groupId={groupId}
        parentId={folderId}
        opened={folderOpened}
        onClose={folderModal.close}
        onCreated={() => void refetch()}
      />

      <Stack gap="md">
        {!trashed && (
          <>
            <Breadcrumbs aria-label={t('list.breadcrumb')} separator="›" separatorMargin={6}>
              {[{ id: null, name: t('list.allDocuments') }, ...path].map((folder, index, all) =>
                index === all.length - 1 ? (
                  <Text key={folder.id ?? 'top'} size="sm" fw={600} aria-current="location" dir="auto">
                    {folder.name}
                  </Text>
                ) : (
                  <Anchor
                    key={folder.id ?? 'top'}
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => setFolderId(folder.id)}
                    dir="auto"
                  >
                    {folder.name}
                  </Anchor>
                ),
              )}
            </Breadcrumbs>
            {subfolders.length > 0 && (
              <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('list.folders')}>
                {subfolders.map((folder) => (
                  <li key={folder.id}>
                    <UnstyledButton className="convene-folder-chip" onClick={() => setFolderId(folder.id)}>
                      <Paper withBorder px="sm" py={6} radius="md">
                        <Group gap={6} wrap="nowrap">
                          <FolderIcon size={18} />
                          <Text size="sm" fw={500} dir="auto">
                            {folder.name}
                          </Text>
                        </Group>
                      </Paper>
                    </UnstyledButton>
                  </li>
                ))}
              </Group>
            )}
            {!readOnly && (
              <>
                <UploadDropzone onFiles={uploads.add} maxBytes={uploads.maxBytes} />
                <UploadList items={uploads.items} onCancel={uploads.cancel} onDismiss={uploads.dismiss} />
              </>
            )}
          </>
        )}

        <Group gap="sm" align="flex-end">
          <Select
            label={t('list.sort')}
            size="xs"
            w={170}
            allowDeselect={false}
            value={sort}
            onChange={(value) => value && setSort(value as DocumentSort)}
            data={SORTS.map((value) => ({ value, label: t(`sorts.${value}`) }))}
          />
          <Select
            label={t('list.kind')}
            size="xs"
            w={190}
            value={kind ?? ''}
            onChange={(value) => setKind(value ? (value as DocumentKind) : null)}
            data={[
              { value: '', label: t('list.allKinds') },
              ...KINDS.map((value) => ({ value, label: t(`kinds.${value}`) })),
            ]}
          />
        </Group>

        {page && page.nodes.length === 0 && (
          <Text c="gray.7">{trashed ? t('list.trashEmpty') : kind ? t('list.emptyFiltered') : t('list.empty')}</Text>
        )}
        {page && page.nodes.length > 0 && (
          <DocumentTable documents={page.nodes} trashed={trashed} onRestored={() => void refetch()} />
        )}

        {page?.hasNextPage && (
          <Group justify="center">
            <Button
              variant="default"
              loading={loading}
              onClick={() =>
                void fetchMore({
                  variables: { after: page.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => {
                    const more = fetchMoreResult.workingGroup.documents;
                    const current = previous.workingGroup.documents;
                    if (!more || !current) return previous;
                    return {
                      workingGroup: {
                        ...previous.workingGroup,
                        documents: { ...more, nodes: [...current.nodes, ...more.nodes] },
                      },
                    };
                  },
                })
              }
            >
              {t('list.more')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function DocumentTable({
  documents,
  trashed,
  onRestored,
}: {
  documents: DocumentRowFieldsFragment[];
  trashed: boolean;
  onRestored: () => void;
}) {
  const { t } = useTranslation('documents');
  const fileSize = useFileSize();
  const typeLabel = useTypeLabel();
  const formatDateTime = useFormatDateTime();
  return (
    <ScrollTable minWidth={560} label={t('list.table')}>
      <Table className="convene-doc-table" verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.name')}</Table.Th>
            <Table.Th>{t('list.size')}</Table.Th>
            <Table.Th>{trashed ? t('list.deleted') : t('list.updated')}</Table.Th>
            <Table.Th>{t('list.uploader')}</Table.Th>
            {trashed && <Table.Th>{t('list.restore')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((document) => (
            <Table.Tr key={document.id}>
              <Table.Td className="convene-doc-name">
                <Group gap="sm" wrap="nowrap">
                  <FileTypeIcon kind={document.kind} />
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={paths.document(document.id)} fw={500} dir="auto">
                      {document.title}
                    </Anchor>
                    <Text size="xs" c="gray.7">
                      {typeLabel(document)}
                      {document.versionCount > 1 ? ` · ${t('list.versions', { count: document.versionCount })}` : ''}
                    </Text>
                  </div>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{fileSize(document.size)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {formatDateTime(trashed && document.deletedAt ? document.deletedAt : document.updatedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" dir="auto">
                  {document.createdBy?.displayName ?? ''}
                </Text>
              </Table.Td>
              {trashed && (
                <Table.Td>
                  <RestoreButton document={document} onRestored={onRestored} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function RestoreButton({ document, onRestored }: { document: DocumentRowFieldsFragment; onRestored: () => void }) {
  const { t } = useTranslation('documents');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const [restore, { loading }] = useMutation(RestoreDocumentDocument);
  return (
    <Button
      size="compact-sm"
      variant="light"
      loading={loading}
      aria-label={t('list.restoreLabel', { title: document.title })}
      onClick={() =>
        void restore({ variables: { id: document.id } })
          .then(() => {
            notify.success(t('list.restored', { title: document.title }));
            onRestored();
          })
          .catch((error: unknown) => notify.error(errorMessage(error)))
      }
    >
      {t('list.restore')}
    </Button>
  );
}
