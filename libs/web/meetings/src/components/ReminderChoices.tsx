import { Checkbox, Group } from '@mantine/core';
import { LIMITS } from '@convene/shared-contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The API's reminder choices (REMINDER_CHOICES), each with its label. */
const CHOICES = [
  { minutes: 10, key: 'm10' },
  { minutes: 15, key: 'm15' },
  { minutes: 30, key: 'm30' },
  { minutes: 60, key: 'm60' },
  { minutes: 120, key: 'm120' },
  { minutes: 180, key: 'm180' },
  { minutes: 1440, key: 'm1440' },
  { minutes: 2880, key: 'm2880' },
  { minutes: 10080, key: 'm10080' },
] as const;

export const DEFAULT_REMINDERS = ['1440', '60'];

/** "1 day", "2 hours" for a number of minutes before a meeting. */
export function useReminderLabel(): (minutes: number) => string {
  const { t } = useTranslation('meetings');
  return useCallback(
    (minutes: number) => {
      const choice = CHOICES.find((candidate) => candidate.minutes === minutes);
      return choice ? t(`reminders.${choice.key}`) : t('poll.minutes', { count: minutes });
    },
    [t],
  );
}

/** Tick boxes for when members are reminded (at most four). */
export function ReminderChoices({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation('meetings');
  return (
    <Checkbox.Group
      label={t('form.reminders')}
      description={t('form.remindersHint')}
      value={value}
      onChange={onChange}
      error={error}
    >
      <Group gap="sm" mt={6}>
        {CHOICES.map(({ minutes, key }) => (
          <Checkbox
            key={minutes}
            value={String(minutes)}
            label={t(`reminders.${key}`)}
            disabled={!value.includes(String(minutes)) && value.length >= LIMITS.remindersMax}
          />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
