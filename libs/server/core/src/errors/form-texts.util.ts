// An organiser-written form's texts in the network's other languages (pitch forms, event
// registration forms): each checked like the form's own, empty ones left out (they fall back).
import { SUPPORTED_LOCALES, type FieldTexts, type FormTexts, type Locale } from '@convene/shared-contracts';
import type { InputCheck } from './input-validation.js';
import { hasControlCharacters, stripControlCharacters } from './input-validation.js';

export interface FormTextsInput {
  locale: string;
  title?: string | null;
  intro?: string | null;
  consentText?: string | null;
}

export interface FieldTextsInput {
  locale: string;
  label?: string | null;
  options?: string[] | null;
}

/** The language a form is written in (English when not said). */
export function readFormLanguage(check: InputCheck, value: string | null | undefined): Locale {
  return check.oneOf('language', value ?? 'en', SUPPORTED_LOCALES, 'The form’s language');
}

/** A form's texts in other languages; problems go into `check` under `translations.<i>.<text>`. */
export function readFormTranslations(
  check: InputCheck,
  input: readonly FormTextsInput[] | null | undefined,
  language: Locale,
  limits: { title: number; intro: number; consentText: number },
): FormTexts[] {
  const out: FormTexts[] = [];
  (input ?? []).forEach((texts, i) => {
    const locale = readLocale(check, `translations.${i}.locale`, texts.locale, language, (input ?? []).slice(0, i));
    const title = check.text(`translations.${i}.title`, texts.title, {
      required: false,
      max: limits.title,
      label: 'The title',
    });
    const intro = longText(check, `translations.${i}.intro`, texts.intro, limits.intro, 'The introduction');
    const consentText = longText(
      check,
      `translations.${i}.consentText`,
      texts.consentText,
      limits.consentText,
      'The consent text',
    );
    if (locale && (title || intro || consentText)) out.push({ locale, title, intro, consentText });
  });
  return out;
}

/** A question's label and choices in other languages, under `fields.<index>.translations.<i>`. */
export function readFieldTranslations(
  check: InputCheck,
  path: string,
  input: readonly FieldTextsInput[] | null | undefined,
  language: Locale,
  options: readonly string[],
  limits: { label: number },
): FieldTexts[] {
  const out: FieldTexts[] = [];
  (input ?? []).forEach((texts, i) => {
    const at = `${path}.translations.${i}`;
    const locale = readLocale(check, `${at}.locale`, texts.locale, language, (input ?? []).slice(0, i));
    const label = check.text(`${at}.label`, texts.label, { required: false, max: limits.label, label: 'The question' });
    const given = (texts.options ?? []).map((o) => (o ?? '').trim());
    if (given.length > options.length)
      check.fail(`${at}.options`, 'Give one translation for each choice, in the same order.');
    if (given.some((o) => o.length > limits.label || hasControlCharacters(o)))
      check.fail(`${at}.options`, 'Each choice must be one short line.');
    const translated = options.map((_, j) => given[j] ?? '');
    if (locale && (label || translated.some(Boolean))) out.push({ locale, label, options: translated });
  });
  return out;
}

function readLocale(
  check: InputCheck,
  field: string,
  value: string,
  language: Locale,
  before: readonly { locale: string }[],
): Locale | null {
  if (!SUPPORTED_LOCALES.includes(value as Locale)) {
    check.fail(field, `The language must be one of: ${SUPPORTED_LOCALES.join(', ')}.`);
    return null;
  }
  if (value === language) check.fail(field, 'The form is already written in this language.');
  else if (before.some((t) => t.locale === value)) check.fail(field, 'Give each language once.');
  else return value as Locale;
  return null;
}

function longText(
  check: InputCheck,
  field: string,
  value: string | null | undefined,
  max: number,
  label: string,
): string {
  const text = stripControlCharacters(value ?? '').trim();
  if (text.length > max) check.fail(field, `${label} must be at most ${max} characters.`);
  return text;
}
