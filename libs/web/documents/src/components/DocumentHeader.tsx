import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import {
  DiscussDocumentDocument,
  type DocumentGroupsQuery,
  type DocumentPageFieldsFragment,
} from '@convene/web-data-access';
import { PageTitle, paths, useErrorMessage, useFileSize, useNotify } from '@convene/web-ui';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useTypeLabel } from '../hooks/useTypeLabel';
import { FileTypeIcon, UploadIcon } from './FileTypeIcon';

type WorkingGroup = DocumentGroupsQuery['workingGroups'][number];

/** The top of a document's page: the way back, its title, type and size; downloading, a new version, discussing it. */
export function DocumentHeader({
  document,
  group,
  inTrash,
  onUploadFiles,
}: {
  document: DocumentPageFieldsFragment;
  group: WorkingGroup | null;
  inTrash: boolean;
  onUploadFiles: (files: File[]) => void;
}) {
  const { t } = useTranslation('documents');
  const fileSize = useFileSize();
  const typeLabel = useTypeLabel();
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [discuss, discussing] = useMutation(DiscussDocumentDocument);
  const fileInput = useRef<HTMLInputElement>(null);

  return (
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
                  onUploadFiles(files.slice(0, 1));
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
  );
}
