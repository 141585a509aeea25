import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import {
  AnswerMeetingPollDocument,
  useViewer,
  type MeetingPollFieldsFragment,
  type PollAnswer,
} from '@convene/web-data-access';
import { ErrorAlert, ScrollTable, useNotify } from '@convene/web-ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingTime } from '../hooks/useMeetingTime';
import { PollAnswersTable, type PollRespondent } from './PollAnswersTable';

type Slot = MeetingPollFieldsFragment['slots'][number];

/** A poll's answers, in the viewer's zone: the grid of everyone's, with the viewer's own to change and save. */
export function PollGridSection({
  poll,
  time,
  onPick,
}: {
  poll: MeetingPollFieldsFragment;
  time: MeetingTime;
  onPick: (slot: Slot) => void;
}) {
  const { t } = useTranslation('meetings');
  const notify = useNotify();
  const { viewer } = useViewer();
  const timeZone = time.timeZone;
  const slots = useMemo(() => [...poll.slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt)), [poll.slots]);
  const [mine, setMine] = useState<Record<string, PollAnswer | ''>>(() =>
    Object.fromEntries(poll.slots.map((slot) => [slot.id, slot.myAnswer ?? ''])),
  );
  const [failure, setFailure] = useState<unknown>(null);
  const [answer, answering] = useMutation(AnswerMeetingPollDocument);
  // An archived group's poll is read as it stands: no answers, no picking.
  const open = poll.status === 'OPEN' && !poll.groupArchived;

  // Everyone who answered, the viewer apart (their row is the one they edit).
  const people = useMemo(() => {
    const byId = new Map<string, PollRespondent>();
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
        <PollAnswersTable
          slots={slots}
          people={people}
          mine={mine}
          open={open}
          canPick={poll.viewerCanManage && open}
          time={time}
          onAnswer={(slotId, value) => setMine((current) => ({ ...current, [slotId]: value }))}
          onPick={onPick}
        />
      </ScrollTable>
      {open && (
        <Group justify="flex-end" mt="md">
          <Button onClick={save} loading={answering.loading} disabled={!changed}>
            {t('poll.save')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
