import type { ReactNode } from 'react';
import { Checkbox, Radio, Stack, TextInput } from '@mantine/core';
import { LIMITS } from '@convene/shared-contracts';
import { LimitedTextarea } from './LimitedTextarea';

/** A question an organiser added to a public form (event registrations, pitch forms). */
export interface FormQuestion {
  id: string;
  label: string;
  /** TEXT, LONG_TEXT, CHOICE or CHECKBOX. */
  kind: string;
  required: boolean;
  /** The answers to a choice, as the API takes them. */
  options: string[];
  /** What each choice says in the language shown (see `localiseField`); the options themselves when absent. */
  optionLabels?: string[];
  /** The language its label is shown in, when it is not the page's. */
  shownIn?: string;
}

export interface FormQuestionInputProps {
  question: FormQuestion;
  /** The answer as the API takes it: CHECKBOX as 'true' or 'false'. */
  value: string;
  error?: ReactNode;
  onChange: (value: string) => void;
  /** For LONG_TEXT answers. */
  longTextMax?: number;
}

/** The input for one organiser's question; labels and options keep the direction they were written in. */
export function FormQuestionInput({
  question,
  value,
  error,
  onChange,
  longTextMax = LIMITS.registrationAnswerMax,
}: FormQuestionInputProps) {
  const label = (
    <span dir="auto" lang={question.shownIn}>
      {question.label}
    </span>
  );
  if (question.kind === 'CHECKBOX') {
    return (
      <Checkbox
        label={label}
        required={question.required}
        checked={value === 'true'}
        error={error}
        onChange={(event) => onChange(event.currentTarget.checked ? 'true' : 'false')}
      />
    );
  }
  if (question.kind === 'CHOICE') {
    return (
      <Radio.Group label={label} required={question.required} value={value} error={error} onChange={onChange}>
        <Stack gap={6} mt={6}>
          {question.options.map((option, i) => (
            <Radio key={option} value={option} label={<span dir="auto">{question.optionLabels?.[i] ?? option}</span>} />
          ))}
        </Stack>
      </Radio.Group>
    );
  }
  const common = { label, required: question.required, value, error, dir: 'auto' as const };
  if (question.kind === 'LONG_TEXT')
    return (
      <LimitedTextarea
        {...common}
        autosize
        minRows={3}
        limit={longTextMax}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );
  return (
    <TextInput
      {...common}
      maxLength={LIMITS.registrationAnswerMax}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
