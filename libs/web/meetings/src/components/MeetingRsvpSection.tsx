import { Text } from '@mantine/core';
import { SectionCard } from '@convene/web-ui';
import type { MeetingPageFieldsFragment } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';
import { RsvpPanel } from './RsvpPanel';

/**
 * The viewer's own answer: to give while the meeting is ahead, as it stands once it has ended (or
 * its group is archived: `readOnly`), none if cancelled.
 */
export function MeetingRsvpSection({
  meeting,
  readOnly = false,
}: {
  meeting: MeetingPageFieldsFragment;
  readOnly?: boolean;
}) {
  const { t } = useTranslation('meetings');
  const cancelled = meeting.status === 'CANCELLED';
  const ended = readOnly || new Date(meeting.endsAt).getTime() < Date.now();
  return (
    <SectionCard id="meeting-rsvp" title={t('rsvp.heading')}>
      {cancelled ? (
        <Text size="sm" c="gray.7">
          {t('rsvp.cancelledNoRsvp')}
        </Text>
      ) : ended ? (
        <Text size="sm" c="gray.7">
          {meeting.myRsvp ? t('rsvp.current', { answer: t(`rsvp.${meeting.myRsvp.response}`) }) : t('rsvp.noAnswers')}
        </Text>
      ) : (
        <RsvpPanel key={`${meeting.myRsvp?.response}-${meeting.myRsvp?.note}`} meeting={meeting} />
      )}
    </SectionCard>
  );
}
