import { SUPPORTED_LOCALES, type Locale } from '@convene/shared-contracts';

/** A form's texts in one other language, as edited. */
export interface TextsValues {
  title: string;
  intro: string;
  consentText: string;
}

/** A question's label and choices in one other language, as edited: a choice for each of its own, by position. */
export interface FieldTextsValues {
  label: string;
  options: string[];
}

const emptyTexts = (): TextsValues => ({ title: '', intro: '', consentText: '' });

/** The languages other than the form's own. */
export const otherLocales = (language: string): Locale[] => SUPPORTED_LOCALES.filter((locale) => locale !== language);

/** Every supported language's texts, for editing; a saved form's where it has them. */
export function textsForEditing(
  saved: readonly ({ locale: string } & TextsValues)[] | null | undefined,
): Record<Locale, TextsValues> {
  return Object.fromEntries(
    SUPPORTED_LOCALES.map((locale) => {
      const found = saved?.find((t) => t.locale === locale);
      return [
        locale,
        found ? { title: found.title, intro: found.intro, consentText: found.consentText } : emptyTexts(),
      ];
    }),
  ) as Record<Locale, TextsValues>;
}

export function fieldTextsForEditing(
  saved: readonly { locale: string; label: string; options: string[] }[] | null | undefined,
): Record<Locale, FieldTextsValues> {
  return Object.fromEntries(
    SUPPORTED_LOCALES.map((locale) => {
      const found = saved?.find((t) => t.locale === locale);
      return [locale, { label: found?.label ?? '', options: [...(found?.options ?? [])] }];
    }),
  ) as Record<Locale, FieldTextsValues>;
}

/** What the API takes: the other languages that say something. */
export function textsInput(values: Record<Locale, TextsValues>, language: string) {
  return otherLocales(language)
    .map((locale) => ({
      locale,
      title: values[locale].title.trim(),
      intro: values[locale].intro.trim(),
      consentText: values[locale].consentText.trim(),
    }))
    .filter((t) => t.title || t.intro || t.consentText);
}

/** A question's other languages for the API: a choice for each of its own, in the same order. */
export function fieldTextsInput(values: Record<Locale, FieldTextsValues>, language: string, ownOptions: number) {
  return otherLocales(language)
    .map((locale) => ({
      locale,
      label: values[locale].label.trim(),
      options: Array.from({ length: ownOptions }, (_, i) => values[locale].options[i]?.trim() ?? ''),
    }))
    .map((t) => ({ ...t, options: t.options.some(Boolean) ? t.options : [] }))
    .filter((t) => t.label || t.options.length);
}

/** The choices of a question as edited (one a line), without blanks or repeats: the same list the API keeps. */
export function optionLines(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Where a refused translated text is edited: the server names `translations.0.title` after the
 * position in what was sent (the other languages that said something), the form after the language.
 */
export function translatedFieldPath(
  field: string,
  values: {
    language: string;
    translations: Record<Locale, TextsValues>;
    fields: { options: string; translations: Record<Locale, FieldTextsValues> }[];
  },
): string {
  const match = /^(fields\.(\d+)\.)?translations\.(\d+)\.(\w+)$/.exec(field);
  if (!match) return field;
  const [, prefix = '', fieldIndex, n, key] = match;
  const question = fieldIndex === undefined ? undefined : values.fields[Number(fieldIndex)];
  const sent = question
    ? fieldTextsInput(question.translations, values.language, optionLines(question.options).length)
    : textsInput(values.translations, values.language);
  const locale = sent[Number(n)]?.locale;
  return locale ? `${prefix}translations.${locale}.${key}` : field;
}
