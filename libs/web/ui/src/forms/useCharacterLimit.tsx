import { Text, Textarea, VisuallyHidden, type TextareaProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
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
export function useCharacterLimit(length: number, max: number, own: { error?: ReactNode; description?: ReactNode } = {}): CharacterLimitProps {
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

export interface LimitedTextareaProps extends TextareaProps {
  /** The most characters the field takes (the server's limit, from LIMITS). */
  limit: number;
}

/**
 * A Mantine `Textarea` with its limit in sight (see `useCharacterLimit`), for controlled fields
 * and for uncontrolled form fields alike: it counts what it is given and what is typed.
 */
export function LimitedTextarea({ limit, onChange, error, description, ...props }: LimitedTextareaProps) {
  const [typed, setTyped] = useState(() => String(props.value ?? props.defaultValue ?? '').length);
  const length = props.value !== undefined ? String(props.value).length : typed;
  const shown = useCharacterLimit(length, limit, { error, description });
  return (
    <Textarea
      {...props}
      error={shown.error}
      description={shown.description}
      inputContainer={shown.inputContainer}
      onChange={(event) => {
        setTyped(event.currentTarget.value.length);
        onChange?.(event);
      }}
    />
  );
}
