import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { UpdateMeetingDocument, type MeetingPageFieldsFragment } from '@convene/web-data-access';
import { ErrorAlert, LimitedTextarea, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Writing a meeting's minutes as plain text. */
export function MinutesModal({
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
  const [text, setText] = useState(meeting.minutesText);
  const [failure, setFailure] = useState<unknown>(null);
  const [update, { loading }] = useMutation(UpdateMeetingDocument);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={meeting.minutesText ? t('meeting.editMinutes') : t('meeting.writeMinutes')}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': t('form.cancel') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setFailure(null);
          update({ variables: { input: { id: meeting.id, minutesText: text } } })
            .then(() => {
              notify.success(t('meeting.minutesSaved'));
              onClose();
            })
            .catch(setFailure);
        }}
      >
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <LimitedTextarea
            label={t('meeting.minutes')}
            autosize
            minRows={10}
            maxRows={24}
            limit={LIMITS.meetingMinutesTextMax}
            dir="auto"
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('form.submitEdit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
