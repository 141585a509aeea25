import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  DocumentGroupFoldersDocument,
  MoveDocumentDocument,
  type DocumentFolderFieldsFragment,
} from '@convene/web-data-access';
import { ErrorAlert, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const TOP = '__top__';

/** Folders as indented paths ("Reports / 2026"), for choosing where a document goes. */
function folderOptions(folders: DocumentFolderFieldsFragment[]): { value: string; label: string }[] {
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  const pathOf = (folder: DocumentFolderFieldsFragment): string => {
    const names = [folder.name];
    let parent = folder.parentId ? byId.get(folder.parentId) : undefined;
    while (parent && names.length < 50) {
      names.unshift(parent.name);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    return names.join(' / ');
  };
  return folders
    .map((folder) => ({ value: folder.id, label: pathOf(folder) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Moving a document to another folder of its group, or to the top level. */
export function MoveDocumentModal({
  documentId,
  folderId,
  groupSlug,
  opened,
  onClose,
}: {
  documentId: string;
  folderId: string | null;
  groupSlug: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('documents');
  const notify = useNotify();
  const [target, setTarget] = useState<string>(folderId ?? TOP);
  const [failure, setFailure] = useState<unknown>(null);
  const { data } = useQuery(DocumentGroupFoldersDocument, { variables: { slug: groupSlug }, skip: !opened });
  const [move, { loading }] = useMutation(MoveDocumentDocument);
  const options = [
    { value: TOP, label: t('doc.topLevel') },
    ...folderOptions(data?.workingGroup.documentFolders ?? []),
  ];

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('moveModal.title')}
      centered
      closeButtonProps={{ 'aria-label': t('moveModal.cancel') }}
    >
      <ErrorAlert error={failure} />
      <Stack gap="md">
        <Select
          label={t('moveModal.folder')}
          data={options}
          value={target}
          onChange={(value) => value && setTarget(value)}
          allowDeselect={false}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('moveModal.cancel')}
          </Button>
          <Button
            loading={loading}
            onClick={() => {
              setFailure(null);
              void move({ variables: { input: { id: documentId, folderId: target === TOP ? null : target } } })
                .then(() => {
                  notify.success(t('moveModal.moved'));
                  onClose();
                })
                .catch(setFailure);
            }}
          >
            {t('moveModal.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
