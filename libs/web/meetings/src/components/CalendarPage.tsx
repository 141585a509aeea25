import { Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { MyCalendarDocument, useViewer } from '@convene/web-data-access';
import { PageError, PageTitle, paths } from '@convene/web-ui';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCalendarRange } from '../hooks/useCalendarRange';
import { useMeetingTime } from '../hooks/useMeetingTime';
import { useViewerTimeZone } from '../hooks/useViewerTimeZone';
import { CalendarFeedBox } from './CalendarFeedBox';
import { MeetingCalendar } from './MeetingCalendar';
import { MeetingListItem } from './MeetingListItem';
import './meetings.css';

const UPCOMING_DAYS = 60;

// Only network admins and event organisers schedule network events: the form is fetched when opened.
const MeetingFormModal = lazy(() =>
  import('./MeetingFormModal').then((module) => ({ default: module.MeetingFormModal })),
);

/** The viewer's own calendar: every group's meetings by month or week, what is next, and the feed for calendar apps. */
export function CalendarPage() {
  const { t } = useTranslation(['meetings', 'calendarFeed']);
  const timeZone = useViewerTimeZone();
  const time = useMeetingTime(timeZone);
  const range = useCalendarRange(timeZone);
  const calendar = useQuery(MyCalendarDocument, {
    variables: { from: range.from, to: range.to },
    fetchPolicy: 'cache-and-network',
  });
  const [upcomingRange] = useState(() => {
    const now = new Date();
    return { from: now.toISOString(), to: new Date(now.getTime() + UPCOMING_DAYS * 86_400_000).toISOString() };
  });
  const upcoming = useQuery(MyCalendarDocument, { variables: upcomingRange, fetchPolicy: 'cache-and-network' });
  // Network admins and event organisers schedule the network's events from here.
  const { viewer } = useViewer();
  const organises = viewer?.networkRole === 'ADMIN' || viewer?.networkRole === 'ORGANISER';
  const [eventOpened, eventModal] = useDisclosure(false);
  const next = (upcoming.data?.myCalendar ?? [])
    .filter((meeting) => meeting.status === 'SCHEDULED' && meeting.endsAt > upcomingRange.from)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, 5);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <div>
          <PageTitle mb={4}>{t('page.title')}</PageTitle>
          <Text c="gray.7" size="sm">
            {t('page.intro', { timeZone })}{' '}
            <Anchor component={Link} to={paths.profile()} size="sm">
              {t('page.changeTimeZone')}
            </Anchor>
          </Text>
        </div>
        {organises && (
          <>
            <Button onClick={eventModal.open}>{t('page.scheduleNetworkEvent')}</Button>
            {eventOpened && (
              <Suspense fallback={null}>
                <MeetingFormModal target={{ kind: 'network', timeZone }} opened onClose={eventModal.close} />
              </Suspense>
            )}
          </>
        )}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="lg" component="section" aria-labelledby="calendar-heading">
            {!calendar.data && calendar.error ? (
              <PageError error={calendar.error} onRetry={() => void calendar.refetch()} />
            ) : (
              <MeetingCalendar
                id="calendar-heading"
                range={range}
                meetings={calendar.data?.myCalendar ?? []}
                timeZone={timeZone}
                showGroup
                loading={calendar.loading}
              />
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg" component="section" aria-labelledby="calendar-next-heading">
              <Title order={2} size="h4" id="calendar-next-heading" mb="xs">
                {t('group.upcoming')}
              </Title>
              {upcoming.data && next.length === 0 && (
                <Text size="sm" c="gray.7">
                  {t('group.noUpcoming')}
                </Text>
              )}
              {next.length > 0 && (
                <ul className="convene-meeting-list">
                  {next.map((meeting) => (
                    <li key={meeting.id}>
                      <MeetingListItem meeting={meeting} time={time} showGroup />
                    </li>
                  ))}
                </ul>
              )}
            </Paper>
            <Paper withBorder p="lg" component="section" aria-labelledby="calendar-feed-heading">
              <Title order={2} size="h4" id="calendar-feed-heading" mb="xs">
                {t('calendarFeed:title')}
              </Title>
              <CalendarFeedBox timeZone={timeZone} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
