import { useMutation } from '@apollo/client/react';
import { TrashDocumentDocument, type DocumentPageFieldsFragment } from '@convene/web-data-access';
import { ConfirmModal, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Confirms moving a document to the trash. */
export function TrashDocumentModal({
  document,
  opened,
  onClose,
  onTrashed,
}: {
  document: DocumentPageFieldsFragment;
  opened: boolean;
  onClose: () => void;
  onTrashed: () => void;
}) {
  const { t } = useTranslation('documents');
  const notify = useNotify();
  const [failure, setFailure] = useState<unknown>(null);
  const [trash, { loading }] = useMutation(TrashDocumentDocument);
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('trashModal.title')}
      body={t('trashModal.body', { title: document.title })}
      keepLabel={t('trashModal.cancel')}
      confirmLabel={t('trashModal.confirm')}
      loading={loading}
      error={failure}
      onConfirm={() => {
        setFailure(null);
        void trash({ variables: { id: document.id } })
          .then(() => {
            notify.success(t('doc.trashed', { title: document.title }));
            onClose();
            onTrashed();
          })
          .catch(setFailure);
      }}
    />
  );
}
