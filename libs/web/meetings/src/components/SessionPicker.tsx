import { Checkbox, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { EventProgrammeDocument } from '@convene/web-data-access';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingTime } from '../hooks/useMeetingTime';
import { browserTimeZone } from '../utils/zoned-time.util';

/**
 * The workshops of an event's programme as checkboxes on its registration form, each with its time,
 * room and places left (or that a pick would join its waitlist). Loaded only for events that have
 * workshops, so the public form stays small.
 */
export function SessionPicker({
  slug,
  value,
  onChange,
  error,
}: {
  slug: string;
  value: string[];
  onChange: (sessionIds: string[]) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation('programme');
  const time = useMeetingTime(browserTimeZone());
  const { data } = useQuery(EventProgrammeDocument, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  const workshops = (data?.publicEvent.programme ?? []).filter((session) => session.kind === 'WORKSHOP');
  if (!workshops.length) return null;
  return (
    <Checkbox.Group
      label={t('picker.title')}
      description={t('picker.hint')}
      value={value}
      onChange={onChange}
      error={error}
      id="event-sessions"
    >
      <Stack gap="xs" mt="xs">
        {workshops.map((session) => (
          <Checkbox
            key={session.id}
            value={session.id}
            label={
              <Text span size="sm" dir="auto">
                {session.title}
              </Text>
            }
            description={[
              time.rangeWithZone(session.startsAt, session.endsAt),
              session.room,
              session.placesLeft === 0
                ? t('picker.full')
                : session.placesLeft !== null && session.placesLeft !== undefined
                  ? t('picker.placesLeft', { count: session.placesLeft })
                  : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
