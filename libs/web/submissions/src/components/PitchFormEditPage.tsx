import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS, SUPPORTED_LOCALES, type Locale } from '@convene/shared-contracts';
import {
  PitchFormsDocument,
  SavePitchFormDocument,
  toApiError,
  type PitchFieldKind,
  type PitchFormFieldsFragment,
} from '@convene/web-data-access';
import {
  applyServerFieldErrors,
  ErrorAlert,
  fieldTextsForEditing,
  fieldTextsInput,
  FormLanguagesSection,
  LimitedTextarea,
  NotFoundPage,
  optionLines,
  PageError,
  PageLoader,
  PageTitle,
  textsForEditing,
  textsInput,
  translatedFieldPath,
  useNotify,
  useValidators,
  type FieldTextsValues,
  type TextsValues,
  paths,
} from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { publicFormUrl } from '../utils/public-form-url.util';
import './submissions.css';

const KINDS: PitchFieldKind[] = ['TEXT', 'LONG_TEXT', 'CHOICE', 'CHECKBOX'];

interface QuestionValues {
  /** The saved question's id; absent for a new one. */
  id: string | null;
  /** Stable while the list is reordered, for React. */
  key: string;
  label: string;
  kind: PitchFieldKind;
  required: boolean;
  options: string;
  translations: Record<Locale, FieldTextsValues>;
}

interface Values {
  slug: string;
  title: string;
  intro: string;
  isOpen: boolean;
  consentText: string;
  retentionDays: number | string;
  fields: QuestionValues[];
  language: string;
  translations: Record<Locale, TextsValues>;
}

/** Creating (`/pitch-forms/new`) or changing a pitch form: its address, texts, openness, retention and questions. */
export function PitchFormEditPage() {
  const { id = 'new' } = useParams();
  const { t } = useTranslation('submissions');
  const { data, error, loading, refetch } = useQuery(PitchFormsDocument, {
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  if (id === 'new') return <PitchFormEditor form={null} />;
  if (!data && loading) return <PageLoader />;
  if (!data && error) {
    if (toApiError(error).code === 'FORBIDDEN')
      return <NotFoundPage title={t('forms.forbiddenTitle')} body={t('forms.forbiddenBody')} />;
    return <PageError error={error} onRetry={() => void refetch()} />;
  }
  const form = data?.pitchForms.find((candidate) => candidate.id === id);
  if (!form) return <NotFoundPage title={t('forms.notFoundTitle')} body={t('forms.notFoundBody')} />;
  return <PitchFormEditor key={form.id} form={form} />;
}

let questionCounter = 0;
const nextKey = () => `q${(questionCounter += 1)}`;

function PitchFormEditor({ form: saved }: { form: PitchFormFieldsFragment | null }) {
  const { t, i18n } = useTranslation('submissions');
  const notify = useNotify();
  const navigate = useNavigate();
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const [save, { loading }] = useMutation(SavePitchFormDocument, { refetchQueries: [PitchFormsDocument] });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      slug: saved?.slug ?? '',
      title: saved?.title ?? '',
      intro: saved?.intro ?? '',
      isOpen: saved?.isOpen ?? true,
      consentText: saved?.consentText ?? '',
      retentionDays: saved?.retentionDays ?? 365,
      fields: (saved?.fields ?? []).map((field) => ({
        id: field.id,
        key: nextKey(),
        label: field.label,
        kind: field.kind,
        required: field.required,
        options: field.options.join('\n'),
        translations: fieldTextsForEditing(field.translations),
      })),
      language: saved?.language ?? i18n.language.slice(0, 2),
      translations: textsForEditing(saved?.translations),
    },
    validate: {
      slug: (value) =>
        validators.required(value) ??
        (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value.trim())
          ? null
          : i18n.getFixedT(null, 'submissions')('forms.slugInvalid')),
      title: validators.all(validators.required, validators.maxLength(LIMITS.pitchFormTitleMax)),
      intro: validators.maxLength(LIMITS.pitchFormIntroMax),
      consentText: validators.required,
      translations: Object.fromEntries(
        SUPPORTED_LOCALES.map((locale) => [
          locale,
          {
            title: validators.maxLength(LIMITS.pitchFormTitleMax),
            intro: validators.maxLength(LIMITS.pitchFormIntroMax),
            consentText: validators.maxLength(LIMITS.registrationConsentMax),
          },
        ]),
      ) as never,
      fields: {
        label: validators.required,
        options: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          if (values.fields[index]?.kind !== 'CHOICE') return null;
          return optionLines(value).length >= 2 ? null : i18n.getFixedT(null, 'submissions')('forms.needOptions');
        },
      },
    },
  });
  const values = form.getValues();

  const handleSubmit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      await save({
        variables: {
          input: {
            id: saved?.id ?? null,
            slug: v.slug.trim(),
            title: v.title.trim(),
            intro: v.intro.trim(),
            isOpen: v.isOpen,
            consentText: v.consentText.trim(),
            retentionDays: Number(v.retentionDays) || 0,
            fields: v.fields.map((field) => {
              const options = field.kind === 'CHOICE' ? optionLines(field.options) : [];
              return {
                id: field.id,
                label: field.label.trim(),
                kind: field.kind,
                required: field.required,
                options,
                translations: fieldTextsInput(field.translations, v.language, options.length),
              };
            }),
            language: v.language,
            translations: textsInput(v.translations, v.language),
          },
        },
      });
      notify.success(t('forms.saved'));
      navigate(paths.pitchForms());
    } catch (error) {
      const { placed } = applyServerFieldErrors(form, error, (field) =>
        field in v || /^(fields\.\d+\.)?translations\.\d+\./.test(field)
          ? translatedFieldPath(field, v)
          : /^fields\.\d+\.(label|options|kind)$/.test(field)
            ? field
            : field.startsWith('fields.')
              ? 'fields'
              : null,
      );
      if (!placed) setFailure(error);
    }
  });

  const slug = values.slug.trim() || '…';
  const full = values.fields.length >= LIMITS.pitchFieldsMax;

  return (
    <Stack gap="lg" maw={820}>
      <div>
        <Anchor component={Link} to={paths.pitchForms()} size="sm">
          {t('forms.title')}
        </Anchor>
        <PageTitle mt="xs" mb={0} dir="auto">
          {saved ? t('forms.editTitle', { title: saved.title }) : t('forms.newTitle')}
        </PageTitle>
      </div>
      <form onSubmit={handleSubmit} noValidate>
        <ErrorAlert error={failure} />
        <Stack gap="lg">
          <Paper withBorder p="lg" radius="md">
            <Stack gap="md">
              <TextInput
                label={t('forms.formTitle')}
                required
                maxLength={LIMITS.pitchFormTitleMax}
                dir="auto"
                {...form.getInputProps('title')}
              />
              <TextInput
                label={t('forms.slug')}
                description={t('forms.slugHint', { url: publicFormUrl(slug) })}
                required
                dir="ltr"
                leftSection={
                  <Text size="sm" c="gray.7">
                    /pitch/
                  </Text>
                }
                leftSectionWidth={56}
                {...form.getInputProps('slug')}
              />
              <LimitedTextarea
                label={t('forms.formIntro')}
                description={t('forms.formIntroHint')}
                autosize
                minRows={3}
                limit={LIMITS.pitchFormIntroMax}
                dir="auto"
                {...form.getInputProps('intro')}
              />
              <Switch label={t('forms.isOpen')} {...form.getInputProps('isOpen', { type: 'checkbox' })} />
              <Textarea
                label={t('forms.consentText')}
                description={t('forms.consentTextHint')}
                required
                autosize
                minRows={2}
                dir="auto"
                {...form.getInputProps('consentText')}
              />
              <NumberInput
                label={t('forms.retentionDays')}
                description={t('forms.retentionDaysHint', { max: LIMITS.pitchRetentionMaxDays })}
                min={0}
                max={LIMITS.pitchRetentionMaxDays}
                allowDecimal={false}
                allowNegative={false}
                maw={420}
                {...form.getInputProps('retentionDays')}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="pitch-form-questions-heading">
            <Title order={2} size="h4" id="pitch-form-questions-heading">
              {t('forms.questions')}
            </Title>
            <Text size="sm" c="gray.7" mb="md">
              {t('forms.questionsHint')}
            </Text>
            {form.errors['fields'] && (
              <Text size="sm" c="red.8" role="alert" mb="sm">
                {form.errors['fields']}
              </Text>
            )}
            {values.fields.length === 0 ? (
              <Text size="sm" c="gray.7" mb="md">
                {t('forms.noQuestions')}
              </Text>
            ) : (
              <Stack component="ol" gap="sm" p={0} m={0} mb="md" style={{ listStyle: 'none' }}>
                {values.fields.map((field, index) => {
                  const n = index + 1;
                  return (
                    <li key={field.key} className="convene-pitch-question">
                      <Group justify="space-between" mb="xs" gap="xs">
                        <Text fw={700} size="sm">
                          {t('forms.question', { n })}
                        </Text>
                        <Group gap={4}>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            disabled={index === 0}
                            onClick={() => form.reorderListItem('fields', { from: index, to: index - 1 })}
                            aria-label={t('forms.moveUpLabel', { n })}
                          >
                            <span aria-hidden>↑ </span>
                            {t('forms.moveUp')}
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            disabled={index === values.fields.length - 1}
                            onClick={() => form.reorderListItem('fields', { from: index, to: index + 1 })}
                            aria-label={t('forms.moveDownLabel', { n })}
                          >
                            <span aria-hidden>↓ </span>
                            {t('forms.moveDown')}
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            onClick={() => form.removeListItem('fields', index)}
                            aria-label={t('forms.removeLabel', { n })}
                          >
                            {t('forms.remove')}
                          </Button>
                        </Group>
                      </Group>
                      <Stack gap="xs">
                        <TextInput
                          label={t('forms.label')}
                          required
                          dir="auto"
                          {...form.getInputProps(`fields.${index}.label`)}
                        />
                        <Group gap="md" align="flex-end">
                          <NativeSelect
                            label={t('forms.kind')}
                            data={KINDS.map((kind) => ({ value: kind, label: t(`fieldKinds.${kind}`) }))}
                            {...form.getInputProps(`fields.${index}.kind`)}
                          />
                          <Checkbox
                            label={t('forms.requiredQuestion')}
                            mb={8}
                            {...form.getInputProps(`fields.${index}.required`, { type: 'checkbox' })}
                          />
                        </Group>
                        {field.kind === 'CHOICE' && (
                          <Textarea
                            label={t('forms.options')}
                            autosize
                            minRows={3}
                            dir="auto"
                            {...form.getInputProps(`fields.${index}.options`)}
                          />
                        )}
                      </Stack>
                    </li>
                  );
                })}
              </Stack>
            )}
            <Button
              variant="light"
              disabled={full}
              onClick={() =>
                form.insertListItem('fields', {
                  id: null,
                  key: nextKey(),
                  label: '',
                  kind: 'TEXT',
                  required: false,
                  options: '',
                  translations: fieldTextsForEditing(null),
                } satisfies QuestionValues)
              }
            >
              {t('forms.add')}
            </Button>
            {full && (
              <Text size="sm" c="gray.7" mt={6}>
                {t('forms.tooMany', { count: LIMITS.pitchFieldsMax })}
              </Text>
            )}
          </Paper>

          <FormLanguagesSection
            form={form}
            texts={[
              { key: 'title', label: t('forms.formTitle'), limit: LIMITS.pitchFormTitleMax },
              { key: 'intro', label: t('forms.formIntro'), long: true, limit: LIMITS.pitchFormIntroMax },
              { key: 'consentText', label: t('forms.consentText'), long: true, limit: LIMITS.registrationConsentMax },
            ]}
          />

          <Group>
            <Button type="submit" loading={loading}>
              {t('forms.save')}
            </Button>
            <Button component={Link} to={paths.pitchForms()} variant="default">
              {t('forms.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
