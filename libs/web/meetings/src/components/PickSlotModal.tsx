import { useMutation } from '@apollo/client/react';
import { PickMeetingPollSlotDocument, type MeetingPollFieldsFragment } from '@convene/web-data-access';
import { ConfirmModal, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingTime } from '../hooks/useMeetingTime';

type Slot = MeetingPollFieldsFragment['slots'][number];

/** Confirming the time a poll settles on, which makes the meeting. */
export function PickSlotModal({
  poll,
  slot,
  time,
  onClose,
}: {
  poll: MeetingPollFieldsFragment;
  slot: Slot | null;
  time: MeetingTime;
  onClose: () => void;
}) {
  const { t } = useTranslation('meetings');
  const notify = useNotify();
  const [failure, setFailure] = useState<unknown>(null);
  const [pick, { loading }] = useMutation(PickMeetingPollSlotDocument);
  const label = slot ? t('when.range', { range: time.range(slot.startsAt, slot.endsAt), timeZone: time.timeZone }) : '';
  return (
    <ConfirmModal
      opened={slot !== null}
      onClose={onClose}
      title={t('poll.pickTitle')}
      body={t('poll.pickBody', { slot: label })}
      keepLabel={t('form.cancel')}
      confirmLabel={t('poll.pickConfirm')}
      confirmColor="default"
      loading={loading}
      error={failure}
      onConfirm={() => {
        if (!slot) return;
        setFailure(null);
        pick({ variables: { input: { pollId: poll.id, slotId: slot.id } } })
          .then(() => {
            notify.success(t('poll.picked'));
            onClose();
          })
          .catch(setFailure);
      }}
    />
  );
}
