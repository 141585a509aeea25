import { Paper, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { SUPPORTED_LOCALES, type Locale } from '@convene/shared-contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LimitedTextarea } from './LimitedTextarea';
import { otherLocales, optionLines, type FieldTextsValues, type TextsValues } from './form-translations';

/** The part of an organiser's form values this section edits. */
export interface TranslatableFormValues {
  language: string;
  translations: Record<Locale, TextsValues>;
  fields: { label: string; kind: string; options: string; translations: Record<Locale, FieldTextsValues> }[];
}

export interface TranslatableText {
  key: keyof TextsValues;
  label: string;
  /** A long text: a text area with its limit. */
  long?: boolean;
  limit: number;
  description?: string;
}

/**
 * The languages of an organiser-written form (a pitch form, an event's registration form): the one
 * it is written in, and its texts and questions in each other language the network uses. A text left
 * empty shows the form's own.
 */
export function FormLanguagesSection<V extends TranslatableFormValues>({
  form,
  texts,
}: {
  form: UseFormReturnType<V>;
  texts: TranslatableText[];
}) {
  const { t } = useTranslation('ui');
  const headingId = useId();
  const values = form.getValues();
  const props = (path: string) => form.getInputProps(path as never);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {t('formLanguages.heading')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('formLanguages.hint')}
      </Text>
      <NativeSelect
        label={t('formLanguages.writtenIn')}
        data={SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
        maw={320}
        mb="md"
        {...props('language')}
      />
      {otherLocales(values.language).map((locale) => {
        const dir = locale === 'ar' ? 'rtl' : 'ltr';
        return (
          <fieldset key={locale} className="convene-form-language">
            <legend>{t('formLanguages.in', { language: t(`language.${locale}`) })}</legend>
            <Stack gap="sm">
              {texts.map((text) =>
                text.long ? (
                  <LimitedTextarea
                    key={text.key}
                    label={text.label}
                    description={text.description}
                    autosize
                    minRows={2}
                    limit={text.limit}
                    dir={dir}
                    lang={locale}
                    {...props(`translations.${locale}.${text.key}`)}
                  />
                ) : (
                  <TextInput
                    key={text.key}
                    label={text.label}
                    description={text.description}
                    maxLength={text.limit}
                    dir={dir}
                    lang={locale}
                    {...props(`translations.${locale}.${text.key}`)}
                  />
                ),
              )}
              {values.fields.map((field, index) => (
                <Stack key={index} gap={6} className="convene-form-language-question">
                  <TextInput
                    label={t('formLanguages.question', { n: index + 1 })}
                    description={<span dir="auto">{field.label || '…'}</span>}
                    dir={dir}
                    lang={locale}
                    {...props(`fields.${index}.translations.${locale}.label`)}
                  />
                  {field.kind === 'CHOICE' &&
                    optionLines(field.options).map((option, i) => (
                      <TextInput
                        key={i}
                        size="xs"
                        ms="md"
                        label={t('formLanguages.choice', { n: i + 1 })}
                        description={<span dir="auto">{option}</span>}
                        dir={dir}
                        lang={locale}
                        {...props(`fields.${index}.translations.${locale}.options.${i}`)}
                        value={field.translations[locale]?.options[i] ?? ''}
                      />
                    ))}
                </Stack>
              ))}
            </Stack>
          </fieldset>
        );
      })}
    </Paper>
  );
}
