import { Badge, Group, Stack, Text } from '@mantine/core';
import { SectionCard } from '@convene/web-ui';
import type { MeetingPageFieldsFragment, RsvpResponse } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';

const RESPONSE_ORDER: RsvpResponse[] = ['GOING', 'MAYBE', 'NOT_GOING'];

/** Everyone's answers to a meeting: the counts, then each person's answer and note, going first. */
export function MeetingAnswersSection({ meeting }: { meeting: MeetingPageFieldsFragment }) {
  const { t } = useTranslation('meetings');
  return (
    <SectionCard id="meeting-answers" title={t('rsvp.answers')}>
      <Text size="sm" c="gray.8" mb="xs">
        {t('rsvp.counts', meeting.rsvpCounts)}
      </Text>
      {meeting.rsvps.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('rsvp.noAnswers')}
        </Text>
      ) : (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
          {[...meeting.rsvps]
            .sort((a, b) => RESPONSE_ORDER.indexOf(a.response) - RESPONSE_ORDER.indexOf(b.response))
            .map((rsvp, index) => (
              <li key={rsvp.person?.id ?? `someone-${index}`}>
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Text size="sm" dir="auto">
                    {rsvp.person?.displayName ?? t('rsvp.someone')}
                  </Text>
                  <Badge
                    size="sm"
                    variant="light"
                    color={rsvp.response === 'GOING' ? 'teal' : rsvp.response === 'MAYBE' ? 'yellow' : 'gray'}
                    c="gray.9"
                    tt="none"
                  >
                    {t(`rsvp.${rsvp.response}`)}
                  </Badge>
                </Group>
                {rsvp.note && (
                  <Text size="xs" c="gray.7" dir="auto" className="convene-preline">
                    {t('rsvp.noteLabel')}: {rsvp.note}
                  </Text>
                )}
              </li>
            ))}
        </Stack>
      )}
    </SectionCard>
  );
}
