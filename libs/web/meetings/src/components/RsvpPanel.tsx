import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { RsvpDocument, type MeetingPageFieldsFragment, type RsvpResponse } from '@convene/web-data-access';
import { ErrorAlert, LimitedTextarea, useNotify } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const RESPONSES: RsvpResponse[] = ['GOING', 'MAYBE', 'NOT_GOING'];

/** The viewer's answer to a meeting, with an optional note only convenors read. */
export function RsvpPanel({ meeting }: { meeting: MeetingPageFieldsFragment }) {
  const { t } = useTranslation('meetings');
  const notify = useNotify();
  const [response, setResponse] = useState<RsvpResponse | null>(meeting.myRsvp?.response ?? null);
  const [note, setNote] = useState(meeting.myRsvp?.note ?? '');
  const [failure, setFailure] = useState<unknown>(null);
  const [rsvp, { loading }] = useMutation(RsvpDocument);
  const unchanged = response === (meeting.myRsvp?.response ?? null) && note === (meeting.myRsvp?.note ?? '');

  const save = async () => {
    if (!response) return;
    setFailure(null);
    try {
      await rsvp({ variables: { input: { meetingId: meeting.id, response, note: note.trim() || null } } });
      notify.success(t('rsvp.saved'));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <ErrorAlert error={failure} />
      <Stack gap="sm">
        <Radio.Group
          label={t('rsvp.choice')}
          value={response ?? ''}
          onChange={(value) => setResponse(RESPONSES.find((r) => r === value) ?? null)}
        >
          <Group gap="lg" mt={6}>
            {RESPONSES.map((value) => (
              <Radio key={value} value={value} label={t(`rsvp.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <LimitedTextarea
          label={meeting.groupId ? t('rsvp.note') : t('rsvp.noteNetwork')}
          description={meeting.groupId ? t('rsvp.noteHint') : t('rsvp.noteNetworkHint')}
          autosize
          minRows={2}
          limit={LIMITS.rsvpNoteMax}
          dir="auto"
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="gray.7" aria-live="polite">
            {meeting.myRsvp ? t('rsvp.current', { answer: t(`rsvp.${meeting.myRsvp.response}`) }) : ''}
          </Text>
          <Button type="submit" loading={loading} disabled={!response || unchanged}>
            {t('rsvp.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
