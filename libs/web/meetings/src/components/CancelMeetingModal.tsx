import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { LIMITS } from '@convene/shared-contracts';
import { useMutation } from '@apollo/client/react';
import {
  CancelMeetingDocument,
  type MeetingChangeScope,
  type MeetingPageFieldsFragment,
} from '@convene/web-data-access';
import { ErrorAlert, LimitedTextarea, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Cancelling a meeting (or it and the rest of its series), with a reason people are told. */
export function CancelMeetingModal({
  meeting,
  opened,
  onClose,
}: {
  meeting: MeetingPageFieldsFragment;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('meetings');
  const notify = useNotify();
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<MeetingChangeScope>('OCCURRENCE');
  const [failure, setFailure] = useState<unknown>(null);
  const [cancel, { loading }] = useMutation(CancelMeetingDocument);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('meeting.cancelTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('meeting.keep') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setFailure(null);
          cancel({
            variables: {
              input: { id: meeting.id, reason: reason.trim() || null, scope: meeting.seriesId ? scope : 'OCCURRENCE' },
            },
          })
            .then(() => {
              notify.success(t('meeting.cancelled'));
              onClose();
            })
            .catch(setFailure);
        }}
      >
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <Text size="sm">{t('meeting.cancelBody')}</Text>
          {meeting.seriesId && (
            <Radio.Group
              label={t('form.scope')}
              value={scope}
              onChange={(value) => setScope(value === 'FOLLOWING' ? 'FOLLOWING' : 'OCCURRENCE')}
            >
              <Stack gap={6} mt={6}>
                <Radio value="OCCURRENCE" label={t('form.scopeOccurrence')} />
                <Radio value="FOLLOWING" label={t('form.scopeFollowing')} />
              </Stack>
            </Radio.Group>
          )}
          <LimitedTextarea
            label={t('meeting.reason')}
            description={t('meeting.reasonHint')}
            autosize
            minRows={2}
            limit={LIMITS.meetingCancellationReasonMax}
            dir="auto"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('meeting.keep')}
            </Button>
            <Button type="submit" color="red" loading={loading}>
              {t('meeting.confirmCancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
