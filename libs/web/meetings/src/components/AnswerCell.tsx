import { Text } from '@mantine/core';
import type { PollAnswer } from '@convene/web-data-access';
import { useTranslation } from 'react-i18next';

/** One person's answer for one proposed time in a poll, or that they gave none. */
export function AnswerCell({ answer }: { answer: PollAnswer | null }) {
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
