// Answers to the questions an organiser adds to a public form (event registrations, pitch forms):
// each checked against its question, unknown questions refused, control characters dropped.
import type { InputCheck } from './input-validation.js';
import { stripControlCharacters } from './input-validation.js';

export interface FormQuestion {
  id: string;
  /** TEXT, LONG_TEXT, CHOICE or CHECKBOX. */
  kind: string;
  required: boolean;
  options: string[];
}

/** The answers by question id (CHECKBOX as a boolean); problems go into `check` under `answers.<id>`. */
export function readFormAnswers(
  check: InputCheck,
  questions: FormQuestion[],
  input: { fieldId: string; value: string }[],
  limits: { text: number; longText: number },
): Record<string, string | boolean> {
  if (input.length > questions.length || input.some((a) => !questions.some((q) => q.id === a.fieldId))) {
    check.fail('answers', 'Some answers are to questions that are not on the form.');
    return {};
  }
  const given = new Map(input.map((a) => [a.fieldId, stripControlCharacters(a.value ?? '').trim()]));
  const answers: Record<string, string | boolean> = {};
  for (const question of questions) {
    const value = given.get(question.id) ?? '';
    const name = `answers.${question.id}`;
    if (question.kind === 'CHECKBOX') {
      const checked = value === 'true';
      if (question.required && !checked) check.fail(name, 'Please tick this box.');
      answers[question.id] = checked;
      continue;
    }
    if (!value) {
      if (question.required) check.fail(name, 'Please answer this question.');
      continue;
    }
    const max = question.kind === 'LONG_TEXT' ? limits.longText : limits.text;
    if (value.length > max) check.fail(name, `Answer in at most ${max} characters.`);
    if (question.kind === 'CHOICE' && !question.options.includes(value)) check.fail(name, 'Choose one of the options.');
    answers[question.id] = value;
  }
  return answers;
}
