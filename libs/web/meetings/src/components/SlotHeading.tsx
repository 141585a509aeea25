import { Text } from '@mantine/core';
import type { MeetingPollFieldsFragment } from '@convene/web-data-access';
import type { MeetingTime } from '../hooks/useMeetingTime';

type Slot = MeetingPollFieldsFragment['slots'][number];

/** A proposed time as a poll's column heading: the day, the month, then the hours. */
export function SlotHeading({ slot, time }: { slot: Slot; time: MeetingTime }) {
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
