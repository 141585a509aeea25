import { Button, Group, Modal, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { TrashDocumentDocument, type DocumentPageFieldsFragment } from '@convene/web-data-access';
import { ErrorAlert, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Confirms moving a document to the trash. */
export function TrashDocumentModal({ document, opened, onClose, onTrashed }: { document: DocumentPageFieldsFragment; opened: boolean; onClose: () => void; onTrashed: () => void }) {
  const { t } = useTranslation('documents');
  const notify = useNotify();
  const [failure, setFailure] = useState<unknown>(null);
  const [trash, { loading }] = useMutation(TrashDocumentDocument);
  return (
    <Modal opened={opened} onClose={onClose} title={t('trashModal.title')} centered closeButtonProps={{ 'aria-label': t('trashModal.cancel') }}>
      <ErrorAlert error={failure} />
      <Text mb="lg" dir="auto">
        {t('trashModal.body', { title: document.title })}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('trashModal.cancel')}
        </Button>
        <Button
          color="red"
          loading={loading}
          onClick={() => {
            setFailure(null);
            void trash({ variables: { id: document.id } })
              .then(() => {
                notify.success(t('doc.trashed', { title: document.title }));
                onClose();
                onTrashed();
              })
              .catch(setFailure);
          }}
        >
          {t('trashModal.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}
