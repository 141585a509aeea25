import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { MeetingSummaryFieldsFragment } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingTime } from '../hooks/useMeetingTime';
import { paths } from '@convene/web-ui';
import { hostNames } from '../utils/host-names.util';

const RSVP_COLORS = { GOING: 'teal', MAYBE: 'yellow', NOT_GOING: 'gray' } as const;

/** One meeting in a list: when (in the viewer's zone, named), what, where, and the viewer's answer. */
export function MeetingListItem({
  meeting,
  time,
  showGroup = false,
}: {
  meeting: MeetingSummaryFieldsFragment;
  time: MeetingTime;
  showGroup?: boolean;
}) {
  const { t } = useTranslation('meetings');
  const cancelled = meeting.status === 'CANCELLED';
  return (
    <div className="convene-meeting-row">
      <Text size="sm" fw={600} c={cancelled ? 'gray.7' : 'indigo.9'} className="convene-meeting-date">
        {t('when.range', { range: time.range(meeting.startsAt, meeting.endsAt), timeZone: time.timeZone })}
      </Text>
      <Group gap="xs" align="center" mt={2}>
        <Anchor
          component={Link}
          to={paths.meeting(meeting.id)}
          fw={500}
          dir="auto"
          td={cancelled ? 'line-through' : undefined}
        >
          {meeting.title}
        </Anchor>
        {cancelled && (
          <Badge size="sm" color="red" variant="light" tt="none">
            {t('status.CANCELLED')}
          </Badge>
        )}
        {!cancelled && meeting.myRsvp && (
          <Badge size="sm" variant="light" color={RSVP_COLORS[meeting.myRsvp.response]} c="gray.9" tt="none">
            {t('rsvp.yours', { answer: t(`rsvp.${meeting.myRsvp.response}`) })}
          </Badge>
        )}
      </Group>
      {(meeting.location || showGroup || meeting.hosts.length !== 1) && (
        <Text size="sm" c="gray.7" dir="auto">
          {[
            showGroup || meeting.hosts.length !== 1 ? hostNames(meeting, t('meeting.networkEvent')) : null,
            meeting.location,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
    </div>
  );
}
