import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { GroupMeetingsDocument, type MeetingPollSummaryFieldsFragment } from '@convene/web-data-access';
import { PageError, paths } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCalendarRange } from '../hooks/useCalendarRange';
import { useMeetingTime, type MeetingTime } from '../hooks/useMeetingTime';
import { useViewerTimeZone } from '../hooks/useViewerTimeZone';
import { FindTimeModal } from './FindTimeModal';
import { MeetingCalendar } from './MeetingCalendar';
import { MeetingFormModal } from './MeetingFormModal';
import { MeetingListItem } from './MeetingListItem';
import './meetings.css';

const UPCOMING_DAYS = 90;
const UPCOMING_SHOWN = 8;

/**
 * A group's meetings for its page: what is coming up, polls to find a time, and a month or week
 * calendar. `readOnly` (an archived group): shown to be read, with nothing to schedule.
 */
export function GroupMeetings({
  groupId,
  slug,
  readOnly = false,
}: {
  groupId: string;
  slug: string;
  readOnly?: boolean;
}) {
  const { t } = useTranslation('meetings');
  const timeZone = useViewerTimeZone();
  const time = useMeetingTime(timeZone);
  const [upcomingRange] = useState(() => {
    const now = new Date();
    return { from: now.toISOString(), to: new Date(now.getTime() + UPCOMING_DAYS * 86_400_000).toISOString() };
  });
  const upcoming = useQuery(GroupMeetingsDocument, {
    variables: { slug, ...upcomingRange },
    fetchPolicy: 'cache-and-network',
  });
  const range = useCalendarRange(timeZone);
  const calendar = useQuery(GroupMeetingsDocument, {
    variables: { slug, from: range.from, to: range.to },
    fetchPolicy: 'cache-and-network',
  });
  const [scheduleOpened, scheduleModal] = useDisclosure(false);
  const [pollOpened, pollModal] = useDisclosure(false);

  const group = upcoming.data?.workingGroup;
  if (!upcoming.data && upcoming.error)
    return <PageError error={upcoming.error} onRetry={() => void upcoming.refetch()} />;
  const canManage = (group?.viewerCanManage ?? false) && !readOnly;
  const next = (group?.meetings ?? [])
    .filter((meeting) => meeting.endsAt > upcomingRange.from)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const polls = (group?.meetingPolls ?? []).filter((poll) => poll.status === 'OPEN');

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" component="section" aria-labelledby="group-meetings-heading">
        <Group justify="space-between" mb="md" gap="sm">
          <Title order={2} size="h3" id="group-meetings-heading">
            {t('group.title')}
          </Title>
          {canManage && (
            <Group gap="xs">
              <Button variant="default" onClick={pollModal.open}>
                {t('group.findTime')}
              </Button>
              <Button onClick={scheduleModal.open}>{t('group.schedule')}</Button>
            </Group>
          )}
        </Group>
        {canManage && (
          <>
            <MeetingFormModal
              target={{ kind: 'schedule', groupId, slug, timeZone }}
              opened={scheduleOpened}
              onClose={scheduleModal.close}
            />
            <FindTimeModal groupId={groupId} timeZone={timeZone} opened={pollOpened} onClose={pollModal.close} />
          </>
        )}
        <Stack gap="lg">
          <section aria-labelledby="group-meetings-upcoming">
            <Title order={3} size="h5" id="group-meetings-upcoming" mb={4}>
              {t('group.upcoming')}
            </Title>
            <Text size="xs" c="gray.7" mb="xs">
              {t('when.yourZone', { timeZone })}
            </Text>
            {group && next.length === 0 && (
              <Text c="gray.7">{canManage ? t('group.noUpcomingConvenor') : t('group.noUpcoming')}</Text>
            )}
            {next.length > 0 && (
              <ul className="convene-meeting-list">
                {next.slice(0, UPCOMING_SHOWN).map((meeting) => (
                  <li key={meeting.id}>
                    <MeetingListItem meeting={meeting} time={time} />
                  </li>
                ))}
              </ul>
            )}
            {next.length > UPCOMING_SHOWN && (
              <Text size="sm" c="gray.7" mt="xs">
                {t('group.more', { count: UPCOMING_SHOWN })}
              </Text>
            )}
          </section>

          {(polls.length > 0 || canManage) && (
            <section aria-labelledby="group-meetings-polls">
              <Title order={3} size="h5" id="group-meetings-polls" mb="xs">
                {t('group.polls')}
              </Title>
              {polls.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t('group.noPolls')}
                </Text>
              ) : (
                <ul className="convene-meeting-list">
                  {polls.map((poll) => (
                    <li key={poll.id}>
                      <PollRow poll={poll} time={time} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="lg" component="section" aria-labelledby="group-meetings-calendar">
        <MeetingCalendar
          id="group-meetings-calendar"
          range={range}
          meetings={calendar.data?.workingGroup.meetings ?? []}
          timeZone={timeZone}
          loading={calendar.loading}
        />
      </Paper>
    </Stack>
  );
}

function PollRow({ poll, time }: { poll: MeetingPollSummaryFieldsFragment; time: MeetingTime }) {
  const { t } = useTranslation('meetings');
  const starts = poll.slots.map((slot) => slot.startsAt).sort();
  const first = starts[0];
  const last = starts.at(-1);
  return (
    <div className="convene-meeting-row">
      <Group gap="xs">
        <Anchor component={Link} to={paths.poll(poll.id)} fw={500} dir="auto">
          {poll.title}
        </Anchor>
        <Badge size="sm" variant="light" color="indigo" tt="none">
          {t(`poll.statuses.${poll.status}`)}
        </Badge>
      </Group>
      <Text size="sm" c="gray.7">
        {t('group.pollSummary', { count: poll.respondents, slots: poll.slots.length })}
        {first && last ? ` · ${time.date(first)}${first !== last ? ` – ${time.date(last)}` : ''}` : ''}
      </Text>
    </div>
  );
}
