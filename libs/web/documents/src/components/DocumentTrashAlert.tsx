import { Alert, Button } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { RestoreDocumentDocument, type DocumentPageFieldsFragment } from '@convene/web-data-access';
import { useErrorMessage, useNotify } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';

/** The notice that a document is in the trash, with restoring it for those who may. */
export function DocumentTrashAlert({ document }: { document: DocumentPageFieldsFragment }) {
  const { t } = useTranslation('documents');
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  const [restore, restoring] = useMutation(RestoreDocumentDocument);
  return (
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
  );
}
