import type { Locale } from './enums.js';

/**
 * An organiser-written form (a pitch form, an event's registration form) is written in one
 * language and may carry its texts in the network's other languages. A text left empty in a
 * translation falls back to the form's own.
 */
export interface FormTexts {
  locale: Locale;
  title: string;
  /** A pitch form's introduction; an event's description (Markdown). */
  intro: string;
  consentText: string;
}

/** A question's label and choices in another language; choices in the order of the question's own. */
export interface FieldTexts {
  locale: Locale;
  label: string;
  options: string[];
}

export interface TranslatableField {
  label: string;
  options: string[];
  translations?: readonly { locale: string; label: string; options: readonly string[] }[] | null;
}

/** A question as shown in one language: the answer to a choice is still the option as written (`options`). */
export type LocalisedField<F extends TranslatableField> = F & {
  /** What each option says in the language shown, in the order of `options`. */
  optionLabels: string[];
  /** The language its label is shown in. */
  shownIn: string;
};

/** The question's texts in `locale`, each falling back to the form's own. */
export function localiseField<F extends TranslatableField>(
  field: F,
  locale: string,
  language: string,
): LocalisedField<F> {
  const texts = translationFor(field.translations, locale, language);
  const label = shownText(field.label, texts?.label, locale, language);
  return {
    ...field,
    label: label.text,
    optionLabels: field.options.map((option, i) => texts?.options[i]?.trim() || option),
    shownIn: label.lang,
  };
}

/** The form's texts in `locale`, if it has them (never for the language it is written in). */
export function translationFor<T extends { locale: string }>(
  translations: readonly T[] | null | undefined,
  locale: string,
  language: string,
): T | undefined {
  return locale === language ? undefined : translations?.find((t) => t.locale === locale);
}

/** A text as shown: the translation when it says something, else the form's own, with the language it is in. */
export function shownText(
  own: string,
  translated: string | null | undefined,
  locale: string,
  language: string,
): { text: string; lang: string } {
  return translated?.trim() ? { text: translated, lang: locale } : { text: own, lang: language };
}
