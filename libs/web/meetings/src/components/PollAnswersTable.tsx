import { Badge, Button, NativeSelect, Table, Text } from '@mantine/core';
import type { MeetingPollFieldsFragment, PollAnswer } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';
import type { MeetingTime } from '../hooks/useMeetingTime';
import { AnswerCell } from './AnswerCell';
import { SlotHeading } from './SlotHeading';

const ANSWERS: PollAnswer[] = ['YES', 'IF_NEED_BE', 'NO'];
type Slot = MeetingPollFieldsFragment['slots'][number];
export type PollRespondent = { id: string; name: string; answers: Map<string, PollAnswer> };

/** A poll's grid: a column per proposed time (the best marked), the viewer's row, everyone else's, counts, picking. */
export function PollAnswersTable({
  slots,
  people,
  mine,
  open,
  canPick,
  time,
  onAnswer,
  onPick,
}: {
  slots: Slot[];
  people: PollRespondent[];
  mine: Record<string, PollAnswer | ''>;
  open: boolean;
  canPick: boolean;
  time: MeetingTime;
  onAnswer: (slotId: string, answer: PollAnswer | '') => void;
  onPick: (slot: Slot) => void;
}) {
  const { t } = useTranslation('meetings');
  const best = Math.max(0, ...slots.map((slot) => slot.yes * 2 + slot.ifNeedBe));
  return (
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
                  onChange={(event) => onAnswer(slot.id, ANSWERS.find((a) => a === event.currentTarget.value) ?? '')}
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
        {canPick && (
          <Table.Tr>
            <Table.Td />
            {slots.map((slot) => (
              <Table.Td key={slot.id}>
                <Button
                  size="compact-sm"
                  variant="light"
                  aria-label={t('poll.pickFor', { slot: time.range(slot.startsAt, slot.endsAt) })}
                  onClick={() => onPick(slot)}
                >
                  {t('poll.pick')}
                </Button>
              </Table.Td>
            ))}
          </Table.Tr>
        )}
      </Table.Tfoot>
    </Table>
  );
}
