import { Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../locale/useLocale';

/** What a long text field needs to show its limit: spread into a Mantine `Textarea` (or one built on it). */
export interface CharacterLimitProps {
  error: ReactNode;
  description: ReactNode;
  inputContainer: (children: ReactNode) => ReactNode;
}

/**
 * A long text field's limit, in sight: a count under the field ("1,234 / 20,000") and, past the
 * limit, a field error saying so. The field itself takes any length (no `maxLength`: a browser
 * would cut a pasted text silently); the form refuses to send it, and so does the server. The
 * count is also in the field's description (out of sight), so a screen reader gives it with the
 * field. `error`, `description`: the field's own, the error shown while the text is within the limit.
 */
export function useCharacterLimit(
  length: number,
  max: number,
  own: { error?: ReactNode; description?: ReactNode } = {},
): CharacterLimitProps {
  const { t } = useTranslation('ui');
  const { locale } = useLocale();
  const number = new Intl.NumberFormat(locale);
  const over = length > max;
  const count = t('limit.count', { length: number.format(length), max: number.format(max) });
  return {
    error: over ? t('limit.over', { max: number.format(max), length: number.format(length) }) : own.error,
    description: (
      <>
        {own.description}
        <VisuallyHidden>
          {own.description ? ' ' : ''}
          {t('limit.spoken', { length: number.format(length), max: number.format(max) })}
        </VisuallyHidden>
      </>
    ),
    inputContainer: (children) => (
      <>
        {children}
        <Text size="xs" c={over ? 'red.8' : 'gray.7'} ta="end" mt={4} className="convene-char-count" aria-hidden>
          <span dir="ltr">{count}</span>
        </Text>
      </>
    ),
  };
}
