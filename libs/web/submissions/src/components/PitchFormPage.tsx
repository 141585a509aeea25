import { Alert, Button, Checkbox, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS, localiseField, shownText, translationFor } from '@convene/shared-contracts';
import {
  PitchFormDocument,
  SubmitPitchDocument,
  toApiError,
  type OrganisationType,
  type PitchFormFieldsFragment,
} from '@convene/web-data-access';
import {
  applyServerFieldErrors,
  ErrorAlert,
  FormQuestionInput,
  HoneypotField,
  LimitedTextarea,
  NotFoundPage,
  PageError,
  PageLoader,
  PageTitle,
  useLocale,
  useValidators,
} from '@convene/web-ui';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePitchUploads } from '../hooks/usePitchUploads';
import './submissions.css';

// The attachments' picker comes a moment after the form, which can be filled in meanwhile: its
// code (upload progress, file sizes) is not part of what a phone fetches before typing.
const PitchAttachments = lazy(() =>
  import('./PitchAttachments').then((module) => ({ default: module.PitchAttachments })),
);

const ORGANISATION_TYPES: OrganisationType[] = [
  'COMMUNITY_ORGANISATION',
  'NGO',
  'FAITH_ORGANISATION',
  'RESEARCH',
  'OTHER',
];

/** A public pitch form: partner organisations pitch an idea to the working groups, without an account. */
export function PitchFormPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('submissions');
  const { data, error, loading, refetch } = useQuery(PitchFormDocument, {
    variables: { slug },
    fetchPolicy: 'cache-and-network',
  });
  if (!data && loading) return <PageLoader />;
  if (!data && error) {
    const code = toApiError(error).code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT')
      return <NotFoundPage title={t('public.notFoundTitle')} body={t('public.notFoundBody')} />;
    return <PageError error={error} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  return <PitchFormView form={data.pitchForm} />;
}

function PitchFormView({ form }: { form: PitchFormFieldsFragment }) {
  const { t } = useTranslation('submissions');
  const { locale } = useLocale();
  const [receipt, setReceipt] = useState<string | null>(null);
  // A new key empties the form for another pitch.
  const [round, setRound] = useState(0);
  const texts = translationFor(form.translations, locale, form.language);
  const title = shownText(form.title, texts?.title, locale, form.language);
  const intro = shownText(form.intro, texts?.intro, locale, form.language);
  return (
    <Stack gap="lg" maw={760} mx="auto">
      <div>
        <Text size="sm" c="gray.7">
          {t('public.kicker')}
        </Text>
        <PageTitle mb="xs" dir="auto" lang={title.lang} style={{ overflowWrap: 'anywhere' }}>
          {title.text}
        </PageTitle>
        {intro.text && (
          <Text className="convene-preline" dir="auto" lang={intro.lang}>
            {intro.text}
          </Text>
        )}
      </div>
      {!form.isOpen ? (
        <Alert
          classNames={{ title: 'convene-alert-title' }}
          color="gray"
          variant="light"
          title={t('public.closedTitle')}
          role="status"
        >
          {t('public.closedBody')}
        </Alert>
      ) : receipt ? (
        <Alert
          classNames={{ title: 'convene-alert-title' }}
          color="teal"
          variant="light"
          title={t('public.doneTitle')}
          role="status"
        >
          {/* The API answers in English: other languages say the same in their own words. */}
          <Text size="sm" dir="auto">
            {locale === 'en' ? receipt : t('public.received')}
          </Text>
          <Text size="sm" mt="xs">
            {t('public.doneNext')}
          </Text>
          <Button
            variant="default"
            size="xs"
            mt="sm"
            onClick={() => {
              setReceipt(null);
              setRound((n) => n + 1);
            }}
          >
            {t('public.another')}
          </Button>
        </Alert>
      ) : (
        <Paper withBorder p="lg" radius="md">
          <Text size="sm" mb={4}>
            {t('public.noAccount')}
          </Text>
          <Text size="sm" c="gray.7" mb="lg">
            {t('public.required')}
          </Text>
          <SubmissionForm key={round} form={form} onDone={setReceipt} />
        </Paper>
      )}
    </Stack>
  );
}

interface Values {
  organisationName: string;
  organisationType: string;
  contactName: string;
  contactEmail: string;
  title: string;
  summary: string;
  helpWanted: string;
  groupIds: string[];
  notSure: boolean;
  answers: Record<string, string>;
  consent: boolean;
  website: string;
}

/** A long form: after a failed check, take the person to the first field that needs them. */
function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
}

const FORM_FIELDS = new Set([
  'organisationName',
  'organisationType',
  'contactName',
  'contactEmail',
  'title',
  'summary',
  'helpWanted',
  'groupIds',
  'consent',
]);

function SubmissionForm({
  form: pitchForm,
  onDone,
}: {
  form: PitchFormFieldsFragment;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('submissions');
  const { locale } = useLocale();
  const validators = useValidators();
  const uploads = usePitchUploads();
  const [failure, setFailure] = useState<unknown>(null);
  const [attachmentsError, setAttachmentsError] = useState<string | null>(null);
  const [submit, { loading }] = useMutation(SubmitPitchDocument);
  const consentText = shownText(
    pitchForm.consentText,
    translationFor(pitchForm.translations, locale, pitchForm.language)?.consentText,
    locale,
    pitchForm.language,
  );
  const questions = pitchForm.fields.map((field) => localiseField(field, locale, pitchForm.language));
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      organisationName: '',
      organisationType: '',
      contactName: '',
      contactEmail: '',
      title: '',
      summary: '',
      helpWanted: '',
      groupIds: [],
      notSure: false,
      answers: Object.fromEntries(
        pitchForm.fields.map((field) => [field.id, field.kind === 'CHECKBOX' ? 'false' : '']),
      ),
      consent: false,
      website: '',
    },
    validate: {
      organisationName: validators.all(validators.required, validators.maxLength(LIMITS.organisationNameMax)),
      organisationType: validators.required,
      contactName: validators.all(validators.required, validators.maxLength(LIMITS.registrationNameMax)),
      contactEmail: validators.all(validators.required, validators.email),
      title: validators.all(validators.required, validators.maxLength(LIMITS.pitchTitleMax)),
      summary: validators.all(validators.required, validators.maxLength(LIMITS.pitchSummaryMax)),
      helpWanted: validators.all(validators.required, validators.maxLength(LIMITS.pitchHelpMax)),
      groupIds: (value, values) =>
        values.notSure || value.length > 0 ? null : i18n.getFixedT(null, 'submissions')('public.chooseGroups'),
      consent: (value) => (value ? null : validators.required('')),
      answers: Object.fromEntries(
        pitchForm.fields
          .filter((field) => field.required)
          .map((field) => [
            field.id,
            (value: string) =>
              field.kind === 'CHECKBOX'
                ? value === 'true'
                  ? null
                  : validators.required('')
                : validators.required(value),
          ]),
      ),
    },
  });
  const values = form.getValues();

  const handleSubmit = form.onSubmit(async (v) => {
    setFailure(null);
    setAttachmentsError(null);
    if (uploads.uploading) return setAttachmentsError(t('public.stillUploading'));
    if (uploads.failed) return setAttachmentsError(t('public.failedUploads'));
    try {
      const { data } = await submit({
        variables: {
          input: {
            formSlug: pitchForm.slug,
            organisationName: v.organisationName.trim(),
            organisationType: ORGANISATION_TYPES.find((type) => type === v.organisationType) ?? 'OTHER',
            contactName: v.contactName.trim(),
            contactEmail: v.contactEmail.trim(),
            title: v.title.trim(),
            summary: v.summary.trim(),
            helpWanted: v.helpWanted.trim(),
            groupIds: v.notSure ? [] : v.groupIds,
            notSure: v.notSure,
            answers: pitchForm.fields.map((field) => ({ fieldId: field.id, value: v.answers[field.id] ?? '' })),
            attachments: uploads.claims,
            consent: v.consent,
            website: v.website,
            locale,
          },
        },
      });
      if (data) {
        uploads.reset();
        onDone(data.submitPitch.message);
      }
    } catch (error) {
      const { apiError, placed } = applyServerFieldErrors(form, error, (field) =>
        field.startsWith('answers.') || FORM_FIELDS.has(field)
          ? field
          : field.startsWith('groupIds')
            ? 'groupIds'
            : null,
      );
      const attachmentMessage = Object.entries(apiError.fields).find(([field]) => field.startsWith('attachments'))?.[1];
      if (attachmentMessage) setAttachmentsError(attachmentMessage);
      if (!placed && !attachmentMessage) setFailure(error);
      focusFirstError();
    }
  }, focusFirstError);

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorAlert error={failure} />
      <Stack gap="xl">
        <fieldset className="convene-pitch-fieldset">
          <legend>{t('public.organisationHeading')}</legend>
          <Stack gap="md">
            <TextInput
              label={t('public.organisationName')}
              required
              autoComplete="organization"
              maxLength={LIMITS.organisationNameMax}
              dir="auto"
              {...form.getInputProps('organisationName')}
            />
            <Radio.Group label={t('public.organisationType')} required {...form.getInputProps('organisationType')}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt={6}>
                {ORGANISATION_TYPES.map((type) => (
                  <Radio key={type} value={type} label={t(`organisationTypes.${type}`)} />
                ))}
              </SimpleGrid>
            </Radio.Group>
          </Stack>
        </fieldset>

        <fieldset className="convene-pitch-fieldset">
          <legend>{t('public.contactHeading')}</legend>
          <Stack gap="md">
            <TextInput
              label={t('public.contactName')}
              required
              autoComplete="name"
              maxLength={LIMITS.registrationNameMax}
              dir="auto"
              {...form.getInputProps('contactName')}
            />
            <TextInput
              label={t('public.contactEmail')}
              description={t('public.contactEmailHint')}
              required
              type="email"
              autoComplete="email"
              dir="ltr"
              {...form.getInputProps('contactEmail')}
            />
          </Stack>
        </fieldset>

        <fieldset className="convene-pitch-fieldset">
          <legend>{t('public.ideaHeading')}</legend>
          <Stack gap="md">
            <TextInput
              label={t('public.title')}
              description={t('public.titleHint')}
              required
              maxLength={LIMITS.pitchTitleMax}
              dir="auto"
              {...form.getInputProps('title')}
            />
            <LimitedTextarea
              label={t('public.summary')}
              description={t('public.summaryHint')}
              required
              autosize
              minRows={4}
              limit={LIMITS.pitchSummaryMax}
              dir="auto"
              {...form.getInputProps('summary')}
            />
            <LimitedTextarea
              label={t('public.helpWanted')}
              description={t('public.helpWantedHint')}
              required
              autosize
              minRows={3}
              limit={LIMITS.pitchHelpMax}
              dir="auto"
              {...form.getInputProps('helpWanted')}
            />
          </Stack>
        </fieldset>

        <fieldset className="convene-pitch-fieldset">
          <legend>{t('public.groupsHeading')}</legend>
          <Checkbox.Group
            description={t('public.groupsHint')}
            value={values.groupIds}
            onChange={(ids) => form.setFieldValue('groupIds', ids)}
            error={form.errors['groupIds']}
            aria-label={t('public.groupsHeading')}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
              {pitchForm.groups.map((group) => (
                <Checkbox
                  key={group.id}
                  value={group.id}
                  label={<span dir="auto">{group.name}</span>}
                  disabled={values.notSure}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Checkbox
            mt="md"
            label={t('public.notSure')}
            description={t('public.notSureHint')}
            checked={values.notSure}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              form.setFieldValue('notSure', checked);
              if (checked) form.setFieldValue('groupIds', []);
              form.clearFieldError('groupIds');
            }}
          />
        </fieldset>

        {pitchForm.fields.length > 0 && (
          <fieldset className="convene-pitch-fieldset">
            <legend>{t('public.moreHeading')}</legend>
            <Stack gap="md">
              {questions.map((field) => (
                <FormQuestionInput
                  key={field.id}
                  question={field}
                  value={values.answers[field.id] ?? ''}
                  error={form.errors[`answers.${field.id}`]}
                  onChange={(value) => form.setFieldValue(`answers.${field.id}`, value)}
                  longTextMax={LIMITS.pitchSummaryMax}
                />
              ))}
            </Stack>
          </fieldset>
        )}

        <Suspense>
          <PitchAttachments uploads={uploads} error={attachmentsError} />
        </Suspense>

        <HoneypotField
          id="pitch-website"
          label={t('public.website')}
          value={values.website}
          onChange={(value) => form.setFieldValue('website', value)}
        />

        <Paper withBorder p="md" radius="md" bg="gray.0" component="section" aria-labelledby="pitch-consent-heading">
          <Title order={2} size="h4" id="pitch-consent-heading" mb="xs">
            {t('public.consentHeading')}
          </Title>
          <Text
            size="sm"
            dir="auto"
            lang={consentText.lang}
            className="convene-preline"
            mb="xs"
            id="pitch-consent-text"
          >
            {consentText.text}
          </Text>
          <Text size="sm" c="gray.7" mb="sm" id="pitch-retention-text">
            {pitchForm.retentionDays > 0
              ? t('public.retention', { count: pitchForm.retentionDays })
              : t('public.retentionSameDay')}
          </Text>
          <Checkbox
            label={t('public.consent')}
            required
            aria-describedby="pitch-consent-text pitch-retention-text"
            {...form.getInputProps('consent', { type: 'checkbox' })}
          />
        </Paper>

        <Button type="submit" size="md" loading={loading} style={{ alignSelf: 'flex-start' }}>
          {t('public.submit')}
        </Button>
      </Stack>
    </form>
  );
}
