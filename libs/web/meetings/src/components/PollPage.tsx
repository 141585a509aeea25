import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  AnswerMeetingPollDocument,
  CloseMeetingPollDocument,
  MeetingGroupsDocument,
  MeetingPollDocument,
  PickMeetingPollSlotDocument,
  toApiError,
  useViewer,
  type MeetingPollFieldsFragment,
  type PollAnswer,
} from '@convene/web-data-access';
import {
  ConfirmModal,
  ErrorAlert,
  NotFoundPage,
  PageError,
  PageLoader,
  PageTitle,
  paths,
  ScrollTable,
  useNotify,
} from '@convene/web-ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMeetingTime, type MeetingTime } from '../hooks/useMeetingTime';
import { useViewerTimeZone } from '../hooks/useViewerTimeZone';
import './meetings.css';

const ANSWERS: PollAnswer[] = ['YES', 'IF_NEED_BE', 'NO'];
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

function PollDetails({ poll }: { poll: MeetingPollFieldsFragment }) {
  const { t } = useTranslation('meetings');
  const notify = useNotify();
  const { viewer } = useViewer();
  const timeZone = useViewerTimeZone();
  const time = useMeetingTime(timeZone);
  const { data: groups } = useQuery(MeetingGroupsDocument, { fetchPolicy: 'cache-first' });
  const group = groups?.workingGroups.find((candidate) => candidate.id === poll.groupId) ?? null;
  const slots = useMemo(() => [...poll.slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt)), [poll.slots]);
  const [mine, setMine] = useState<Record<string, PollAnswer | ''>>(() =>
    Object.fromEntries(poll.slots.map((slot) => [slot.id, slot.myAnswer ?? ''])),
  );
  const [failure, setFailure] = useState<unknown>(null);
  const [answer, answering] = useMutation(AnswerMeetingPollDocument);
  const [closeOpened, closeModal] = useDisclosure(false);
  const [picking, setPicking] = useState<Slot | null>(null);
  const open = poll.status === 'OPEN';
  const best = Math.max(0, ...slots.map((slot) => slot.yes * 2 + slot.ifNeedBe));

  // Everyone who answered, the viewer apart (their row is the one they edit).
  const people = useMemo(() => {
    const byId = new Map<string, { id: string; name: string; answers: Map<string, PollAnswer> }>();
    for (const slot of slots) {
      for (const vote of slot.votes) {
        if (!vote.person || vote.person.id === viewer?.id) continue;
        const person = byId.get(vote.person.id) ?? {
          id: vote.person.id,
          name: vote.person.displayName,
          answers: new Map<string, PollAnswer>(),
        };
        person.answers.set(slot.id, vote.answer);
        byId.set(person.id, person);
      }
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [slots, viewer?.id]);

  const changed = slots.some((slot) => (mine[slot.id] ?? '') !== (slot.myAnswer ?? ''));
  const save = () => {
    const answers = slots.flatMap((slot) => {
      const value = mine[slot.id];
      return value ? [{ slotId: slot.id, answer: value }] : [];
    });
    if (!answers.length) {
      setFailure(null);
      notify.error(t('poll.chooseOne'));
      return;
    }
    setFailure(null);
    answer({ variables: { input: { pollId: poll.id, answers } } })
      .then(() => notify.success(t('poll.saved')))
      .catch(setFailure);
  };

  return (
    <Stack gap="lg">
      <div>
        {group ? (
          <Anchor component={Link} to={paths.group(group.slug, 'meetings')} size="sm">
            {t('poll.back', { group: group.name })}
          </Anchor>
        ) : (
          <Anchor component={Link} to={paths.groups()} size="sm">
            {t('poll.backPlain')}
          </Anchor>
        )}
        <Group gap="sm" align="center" mt="xs" justify="space-between">
          <Group gap="sm" align="center">
            <PageTitle mb={0} dir="auto">
              {poll.title}
            </PageTitle>
            <Badge
              variant="light"
              color={open ? 'indigo' : poll.status === 'DECIDED' ? 'teal' : 'gray'}
              c="gray.9"
              tt="none"
            >
              {t(`poll.statuses.${poll.status}`)}
            </Badge>
          </Group>
          {poll.viewerCanManage && open && (
            <Button variant="default" onClick={closeModal.open}>
              {t('poll.close')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="gray.7" mt={4}>
          {t('poll.respondents', { count: poll.respondents })}
          {poll.location ? ` · ${poll.location}` : ''}
        </Text>
      </div>

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
      {poll.description && (
        <Text className="convene-preline" dir="auto">
          {poll.description}
        </Text>
      )}

      <Paper withBorder p="lg" component="section" aria-labelledby="poll-grid-heading">
        <Title order={2} size="h4" id="poll-grid-heading" mb={4}>
          {t('poll.grid')}
        </Title>
        <Text size="sm" c="gray.7" mb="md">
          {poll.timeZone === timeZone
            ? t('poll.zoneSame', { timeZone })
            : t('poll.zone', { timeZone, pollZone: poll.timeZone })}
        </Text>
        <ErrorAlert error={failure} />
        <ScrollTable minWidth={200 + slots.length * 150} label={t('poll.grid')}>
          <Table className="convene-poll-table" withColumnBorders verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('poll.person')}</Table.Th>
                {slots.map((slot) => {
                  const score = slot.yes * 2 + slot.ifNeedBe;
                  return (
                    <Table.Th
                      key={slot.id}
                      scope="col"
                      className={best > 0 && score === best ? 'convene-poll-best' : undefined}
                    >
                      <SlotHeading slot={slot} time={time} />
                      {best > 0 && score === best && (
                        <Badge size="xs" color="teal" c="gray.9" variant="light" mt={2} tt="none">
                          {t('poll.best')}
                        </Badge>
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('poll.you')}</Table.Th>
                {slots.map((slot) => (
                  <Table.Td key={slot.id}>
                    {open ? (
                      <NativeSelect
                        size="xs"
                        aria-label={t('poll.yourAnswerFor', { slot: time.range(slot.startsAt, slot.endsAt) })}
                        value={mine[slot.id] ?? ''}
                        onChange={(event) => {
                          const value = ANSWERS.find((a) => a === event.currentTarget.value) ?? '';
                          setMine((current) => ({ ...current, [slot.id]: value }));
                        }}
                        data={[
                          { value: '', label: t('poll.noAnswer') },
                          ...ANSWERS.map((value) => ({ value, label: t(`poll.answers.${value}`) })),
                        ]}
                      />
                    ) : (
                      <AnswerCell answer={slot.myAnswer} />
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
              {people.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Th scope="row">
                    <Text size="sm" fw={400} dir="auto">
                      {person.name}
                    </Text>
                  </Table.Th>
                  {slots.map((slot) => (
                    <Table.Td key={slot.id}>
                      <AnswerCell answer={person.answers.get(slot.id) ?? null} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('poll.counts')}</Table.Th>
                {slots.map((slot) => (
                  <Table.Td key={slot.id}>
                    <Text size="sm" fw={600}>
                      {t('poll.countsCell', { yes: slot.yes, ifNeedBe: slot.ifNeedBe })}
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
              {poll.viewerCanManage && open && (
                <Table.Tr>
                  <Table.Td />
                  {slots.map((slot) => (
                    <Table.Td key={slot.id}>
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={t('poll.pickFor', { slot: time.range(slot.startsAt, slot.endsAt) })}
                        onClick={() => setPicking(slot)}
                      >
                        {t('poll.pick')}
                      </Button>
                    </Table.Td>
                  ))}
                </Table.Tr>
              )}
            </Table.Tfoot>
          </Table>
        </ScrollTable>
        {open && (
          <Group justify="flex-end" mt="md">
            <Button onClick={save} loading={answering.loading} disabled={!changed}>
              {t('poll.save')}
            </Button>
          </Group>
        )}
      </Paper>

      {poll.viewerCanManage && (
        <>
          <PickSlotModal poll={poll} slot={picking} time={time} onClose={() => setPicking(null)} />
          <ClosePollModal pollId={poll.id} opened={closeOpened} onClose={closeModal.close} />
        </>
      )}
    </Stack>
  );
}

function SlotHeading({ slot, time }: { slot: Slot; time: MeetingTime }) {
  const day = time.dayOf(slot.startsAt);
  return (
    <div>
      <Text size="sm" fw={700}>
        {time.shortDay(day)}
      </Text>
      <Text size="xs" c="gray.7">
        {time.month(day)}
      </Text>
      <Text size="sm" className="convene-meeting-date">
        {time.hours(slot.startsAt, slot.endsAt)}
      </Text>
    </div>
  );
}

function AnswerCell({ answer }: { answer: PollAnswer | null }) {
  const { t } = useTranslation('meetings');
  if (!answer) {
    return (
      <Text size="sm" c="gray.7" aria-label={t('poll.noAnswer')}>
        {t('poll.notAnswered')}
      </Text>
    );
  }
  return (
    <span className="convene-poll-answer" data-answer={answer}>
      {t(`poll.answers.${answer}`)}
    </span>
  );
}

function PickSlotModal({
  poll,
  slot,
  time,
  onClose,
}: {
  poll: MeetingPollFieldsFragment;
  slot: Slot | null;
  time: MeetingTime;
  onClose: () => void;
}) {
  const { t } = useTranslation('meetings');
  const notify = useNotify();
  const [failure, setFailure] = useState<unknown>(null);
  const [pick, { loading }] = useMutation(PickMeetingPollSlotDocument);
  const label = slot ? t('when.range', { range: time.range(slot.startsAt, slot.endsAt), timeZone: time.timeZone }) : '';
  return (
    <ConfirmModal
      opened={slot !== null}
      onClose={onClose}
      title={t('poll.pickTitle')}
      body={t('poll.pickBody', { slot: label })}
      keepLabel={t('form.cancel')}
      confirmLabel={t('poll.pickConfirm')}
      confirmColor="default"
      loading={loading}
      error={failure}
      onConfirm={() => {
        if (!slot) return;
        setFailure(null);
        pick({ variables: { input: { pollId: poll.id, slotId: slot.id } } })
          .then(() => {
            notify.success(t('poll.picked'));
            onClose();
          })
          .catch(setFailure);
      }}
    />
  );
}

function ClosePollModal({ pollId, opened, onClose }: { pollId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('meetings');
  const notify = useNotify();
  const [failure, setFailure] = useState<unknown>(null);
  const [close, { loading }] = useMutation(CloseMeetingPollDocument);
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('poll.closeTitle')}
      body={t('poll.closeBody')}
      keepLabel={t('poll.keep')}
      confirmLabel={t('poll.closeConfirm')}
      loading={loading}
      error={failure}
      onConfirm={() => {
        setFailure(null);
        close({ variables: { id: pollId } })
          .then(() => {
            notify.success(t('poll.closed'));
            onClose();
          })
          .catch(setFailure);
      }}
    />
  );
}
