import { Alert, Anchor } from '@mantine/core';
import type { MeetingPollFieldsFragment } from '@convene/web-data-access';
import { paths } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** How a poll ended: the meeting it decided on, or that it closed without one; nothing while it is open. */
export function PollOutcomeAlert({ poll }: { poll: MeetingPollFieldsFragment }) {
  const { t } = useTranslation('meetings');
  return (
    <>
      {poll.status === 'DECIDED' && poll.meetingId && (
        <Alert classNames={{ title: 'convene-alert-title' }} color="teal" variant="light" title={t('poll.decided')}>
          <Anchor component={Link} to={paths.meeting(poll.meetingId)} fw={600}>
            {t('poll.openMeeting')}
          </Anchor>
        </Alert>
      )}
      {poll.status === 'CLOSED' && (
        <Alert classNames={{ title: 'convene-alert-title' }} color="gray" variant="light">
          {t('poll.closedNote')}
        </Alert>
      )}
    </>
  );
}
