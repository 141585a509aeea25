import { Textarea, type TextareaProps } from '@mantine/core';
import { useState } from 'react';
import { useCharacterLimit } from './useCharacterLimit';

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
