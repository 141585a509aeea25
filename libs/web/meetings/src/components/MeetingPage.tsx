import { Alert, Grid, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { MeetingDocument, toApiError, type MeetingPageFieldsFragment } from '@convene/web-data-access';
import { NotFoundPage, PageError, PageLoader } from '@convene/web-ui';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMeetingTime } from '../hooks/useMeetingTime';
import { useViewerTimeZone } from '../hooks/useViewerTimeZone';
import { MeetingAboutSection } from './MeetingAboutSection';
import { MeetingAgendaSection } from './MeetingAgendaSection';
import { MeetingAnswersSection } from './MeetingAnswersSection';
import { MeetingDiscussionSection } from './MeetingDiscussionSection';
import { MeetingHeader } from './MeetingHeader';
import { MeetingMinutesSection } from './MeetingMinutesSection';
import { MeetingRegistrationSection } from './MeetingRegistrationSection';
import { MeetingRsvpSection } from './MeetingRsvpSection';
import './meetings.css';

// The programme editor is for an event's organisers only: loaded when one opens its page.
const ProgrammeSection = lazy(() =>
  import('./ProgrammeSection').then((module) => ({ default: module.ProgrammeSection })),
);

/** One meeting: when and where, the viewer's answer, everyone's answers, agenda and minutes, and the convenors' tools. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('meetings');
  const { data, error, loading, refetch } = useQuery(MeetingDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  if (!data && loading) return <PageLoader />;
  if (!data && error) {
    const code = toApiError(error).code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT' || code === 'FORBIDDEN')
      return <NotFoundPage title={t('meeting.notFoundTitle')} body={t('meeting.notFoundBody')} />;
    return <PageError error={error} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  return <MeetingDetails meeting={data.meeting} />;
}

/** The meeting's sections laid out: its header and any cancellation, then the details beside the answers. */
function MeetingDetails({ meeting }: { meeting: MeetingPageFieldsFragment }) {
  const { t } = useTranslation('meetings');
  const viewerZone = useViewerTimeZone();
  const time = useMeetingTime(viewerZone);
  const cancelled = meeting.status === 'CANCELLED';
  // An archived group's meeting is read: its convenors' tools and the answer form are left out.
  const archived = Boolean(meeting.group?.archivedAt);
  const shown = archived ? { ...meeting, viewerCanManage: false } : meeting;

  return (
    <Stack gap="lg">
      <MeetingHeader meeting={shown} time={time} />

      {archived && (
        <Alert color="gray" variant="light">
          {t('meeting.archivedBanner')}
        </Alert>
      )}

      {cancelled && (
        <Alert
          classNames={{ title: 'convene-alert-title' }}
          color="red"
          variant="light"
          title={t('meeting.cancelledBanner')}
        >
          {meeting.cancellationReason ? (
            <Text size="sm" dir="auto">
              {t('meeting.cancelledReason', { reason: meeting.cancellationReason })}
            </Text>
          ) : null}
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <MeetingAboutSection meeting={shown} time={time} />
            <MeetingAgendaSection meeting={shown} />
            <MeetingMinutesSection meeting={shown} />
            <MeetingRegistrationSection meeting={meeting} />
            {meeting.viewerCanManage && meeting.eventForm && (
              <Suspense fallback={null}>
                <ProgrammeSection meetingId={meeting.id} />
              </Suspense>
            )}
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <MeetingRsvpSection meeting={meeting} readOnly={archived} />
            <MeetingAnswersSection meeting={meeting} />
            {meeting.thread && <MeetingDiscussionSection thread={meeting.thread} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
