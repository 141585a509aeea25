import { Alert, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import {
  MeetingGroupsDocument,
  MeetingPollDocument,
  toApiError,
  type MeetingPollFieldsFragment,
} from '@convene/web-data-access';
import { NotFoundPage, PageError, PageLoader } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMeetingTime } from '../hooks/useMeetingTime';
import { useViewerTimeZone } from '../hooks/useViewerTimeZone';
import { ClosePollModal } from './ClosePollModal';
import { PickSlotModal } from './PickSlotModal';
import { PollGridSection } from './PollGridSection';
import { PollHeader } from './PollHeader';
import { PollOutcomeAlert } from './PollOutcomeAlert';
import './meetings.css';

type Slot = MeetingPollFieldsFragment['slots'][number];

/** A poll to find a time: everyone's answers per proposed time, the viewer's own to set, and the convenors' pick. */
export function PollPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('meetings');
  const { data, error, loading, refetch } = useQuery(MeetingPollDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  if (!data && loading) return <PageLoader />;
  if (!data && error) {
    const code = toApiError(error).code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT' || code === 'FORBIDDEN')
      return <NotFoundPage title={t('poll.notFoundTitle')} body={t('poll.notFoundBody')} />;
    return <PageError error={error} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  return <PollDetails poll={data.meetingPoll} />;
}

/** The poll's sections laid out, and the convenors' dialogs to pick a time or close it. */
function PollDetails({ poll }: { poll: MeetingPollFieldsFragment }) {
  const { t } = useTranslation('meetings');
  const timeZone = useViewerTimeZone();
  const time = useMeetingTime(timeZone);
  const { data: groups } = useQuery(MeetingGroupsDocument, { fetchPolicy: 'cache-first' });
  const group = groups?.workingGroups.find((candidate) => candidate.id === poll.groupId) ?? null;
  const [closeOpened, closeModal] = useDisclosure(false);
  const [picking, setPicking] = useState<Slot | null>(null);

  return (
    <Stack gap="lg">
      <PollHeader poll={poll} group={group} onClosePoll={closeModal.open} />

      <PollOutcomeAlert poll={poll} />
      {poll.groupArchived && (
        <Alert color="gray" variant="light">
          {t('poll.archivedBanner')}
        </Alert>
      )}
      {poll.description && (
        <Text className="convene-preline" dir="auto">
          {poll.description}
        </Text>
      )}

      <PollGridSection poll={poll} time={time} onPick={setPicking} />

      {poll.viewerCanManage && (
        <>
          <PickSlotModal poll={poll} slot={picking} time={time} onClose={() => setPicking(null)} />
          <ClosePollModal pollId={poll.id} opened={closeOpened} onClose={closeModal.close} />
        </>
      )}
    </Stack>
  );
}
