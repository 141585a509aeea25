import { Anchor, Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { MeetingPageFieldsFragment } from '@convene/web-data-access';
import { paths, SectionCard } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
      {meeting.minutesText ? (
        <div
          className="convene-meeting-markdown"
          dir="auto"
          dangerouslySetInnerHTML={{ __html: meeting.minutesHtml }}
        />
      ) : (
        !meeting.minutesDocument && (
          <Text size="sm" c="gray.7">
            {t('meeting.noMinutes')}
          </Text>
        )
      )}
      {meeting.minutesDocument && (
        <Anchor
          component={Link}
          to={paths.document(meeting.minutesDocument.id)}
          size="sm"
          display="block"
          mt="xs"
          dir="auto"
        >
          {t('meeting.minutesDocument', { title: meeting.minutesDocument.title })}
        </Anchor>
      )}
      {meeting.viewerCanManage && (
        <MinutesModal key={meeting.minutesText} meeting={meeting} opened={minutesOpened} onClose={minutesModal.close} />
      )}
    </SectionCard>
  );
}
