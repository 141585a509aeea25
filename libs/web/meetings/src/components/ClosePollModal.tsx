import { useMutation } from '@apollo/client/react';
import { CloseMeetingPollDocument } from '@convene/web-data-access';
import { ConfirmModal, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Confirming that a poll closes without a time picked. */
export function ClosePollModal({ pollId, opened, onClose }: { pollId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('meetings');
  const notify = useNotify();
  const [failure, setFailure] = useState<unknown>(null);
  const [close, { loading }] = useMutation(CloseMeetingPollDocument);
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('poll.closeTitle')}
      body={t('poll.closeBody')}
      keepLabel={t('poll.keep')}
      confirmLabel={t('poll.closeConfirm')}
      loading={loading}
      error={failure}
      onConfirm={() => {
        setFailure(null);
        close({ variables: { id: pollId } })
          .then(() => {
            notify.success(t('poll.closed'));
            onClose();
          })
          .catch(setFailure);
      }}
    />
  );
}
