import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { MeetingPageFieldsFragment } from '@convene/web-data-access';
import { SectionCard } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { MeetingWriting } from './MeetingWriting';
import { MinutesModal } from './MinutesModal';

/** A meeting's minutes: their text, the document they link to, and (for convenors) writing them. */
export function MeetingMinutesSection({ meeting }: { meeting: MeetingPageFieldsFragment }) {
  const { t } = useTranslation('meetings');
  const [minutesOpened, minutesModal] = useDisclosure(false);
  return (
    <SectionCard
      id="meeting-minutes"
      title={t('meeting.minutes')}
      aside={
        meeting.viewerCanManage && (
          <Button size="xs" variant="default" onClick={minutesModal.open}>
            {meeting.minutesText ? t('meeting.editMinutes') : t('meeting.writeMinutes')}
          </Button>
        )
      }
    >
      <MeetingWriting
        html={meeting.minutesText ? meeting.minutesHtml : null}
        document={meeting.minutesDocument}
        documentLabel={t('meeting.minutesDocument', { title: meeting.minutesDocument?.title ?? '' })}
        empty={t('meeting.noMinutes')}
      />
      {meeting.viewerCanManage && (
        <MinutesModal key={meeting.minutesText} meeting={meeting} opened={minutesOpened} onClose={minutesModal.close} />
      )}
    </SectionCard>
  );
}
