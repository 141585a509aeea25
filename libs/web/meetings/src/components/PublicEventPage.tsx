import { Alert, Button, Checkbox, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import {
  PublicEventDocument,
  RegisterForEventDocument,
  toApiError,
  type PublicEventFieldsFragment,
} from '@convene/web-data-access';
import {
  applyServerFieldErrors,
  ErrorAlert,
  FormQuestionInput,
  HoneypotField,
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
import { useMeetingTime } from '../hooks/useMeetingTime';
import { browserTimeZone } from '../utils/zoned-time.util';
import { EventDetails } from './EventDetails';
import { publicEventIn } from '../utils/public-event-texts.util';
import './meetings.css';

// Only events with workshops load the picker (and the programme's texts): the form stays small.
const SessionPicker = lazy(() => import('./SessionPicker').then((module) => ({ default: module.SessionPicker })));

/** An open event's public page and registration form: no account needed. */
export function PublicEventPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('meetings');
  const { data, error, loading, refetch } = useQuery(PublicEventDocument, {
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
  return <PublicEvent event={data.publicEvent} onRegistered={() => void refetch()} />;
}

function PublicEvent({ event: own, onRegistered }: { event: PublicEventFieldsFragment; onRegistered: () => void }) {
  const { t } = useTranslation('meetings');
  const { locale } = useLocale();
  const event = publicEventIn(own, locale);
  const deadlineTime = useMeetingTime(browserTimeZone());
  const [receipt, setReceipt] = useState<string | null>(null);
  const open = !event.closedReason || (event.closedReason === 'FULL' && event.waitlisted);

  return (
    <Stack gap="lg" maw={760} mx="auto">
      <div>
        <Text size="sm" c="gray.7" dir="auto">
          {event.groupName ? t('public.organisedBy', { group: event.groupName }) : t('public.organisedByNetwork')}
        </Text>
        <PageTitle mb={0} dir="auto" lang={event.lang.title} style={{ overflowWrap: 'anywhere' }}>
          {event.title}
        </PageTitle>
      </div>
      <Paper withBorder p="lg" component="section" aria-label={event.title}>
        <EventDetails event={event} />
      </Paper>

      <Paper withBorder p="lg" component="section" aria-labelledby="event-register-heading">
        <Title order={2} size="h3" id="event-register-heading" mb="sm">
          {t('public.formTitle')}
        </Title>
        {receipt ? (
          <Alert
            classNames={{ title: 'convene-alert-title' }}
            color="teal"
            variant="light"
            title={t('public.doneTitle')}
            role="status"
          >
            {receipt}
          </Alert>
        ) : (
          <>
            <Stack gap={4} mb="md">
              {event.closedReason && !(event.closedReason === 'FULL' && event.waitlisted) && (
                <Alert classNames={{ title: 'convene-alert-title' }} color="gray" variant="light">
                  {t(`public.closed.${closedKey(event.closedReason)}`)}
                </Alert>
              )}
              {open && event.waitlisted && (
                <Alert classNames={{ title: 'convene-alert-title' }} color="yellow" variant="light" c="gray.9">
                  {t('public.waitlisted')}
                </Alert>
              )}
              {open && !event.waitlisted && (
                <Text size="sm" fw={600}>
                  {event.placesLeft == null
                    ? t('public.unlimited')
                    : t('public.placesLeft', { count: event.placesLeft })}
                </Text>
              )}
              {open && event.requiresApproval && <Text size="sm">{t('public.approval')}</Text>}
              {open && event.deadline && (
                <Text size="sm">
                  {t('public.deadline', {
                    date: `${deadlineTime.dateTime(event.deadline)} (${deadlineTime.timeZone})`,
                  })}
                </Text>
              )}
            </Stack>
            {open && (
              <RegistrationForm
                event={event}
                onDone={(message) => {
                  setReceipt(message);
                  onRegistered();
                }}
              />
            )}
          </>
        )}
      </Paper>
    </Stack>
  );
}

type ClosedKey = 'CLOSED' | 'DEADLINE_PASSED' | 'FULL' | 'CANCELLED' | 'ENDED';
const CLOSED_KEYS: ClosedKey[] = ['CLOSED', 'DEADLINE_PASSED', 'FULL', 'CANCELLED', 'ENDED'];
function closedKey(reason: string): ClosedKey {
  return CLOSED_KEYS.find((key) => key === reason) ?? 'CLOSED';
}

interface Values {
  name: string;
  email: string;
  organisation: string;
  answers: Record<string, string>;
  consent: boolean;
  website: string;
  sessionIds: string[];
}

function RegistrationForm({
  event,
  onDone,
}: {
  event: ReturnType<typeof publicEventIn>;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('meetings');
  const { locale } = useLocale();
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const [register, { loading }] = useMutation(RegisterForEventDocument);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: '',
      email: '',
      organisation: '',
      answers: Object.fromEntries(event.fields.map((field) => [field.id, field.kind === 'CHECKBOX' ? 'false' : ''])),
      consent: false,
      website: '',
      sessionIds: [],
    },
    validate: {
      name: validators.all(validators.required, validators.maxLength(LIMITS.registrationNameMax)),
      email: validators.all(validators.required, validators.email),
      consent: (value) => (value ? null : validators.required('')),
      answers: Object.fromEntries(
        event.fields
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
    try {
      const { data } = await register({
        variables: {
          input: {
            slug: event.slug,
            name: v.name.trim(),
            email: v.email.trim(),
            organisation: v.organisation.trim() || null,
            answers: event.fields.map((field) => ({ fieldId: field.id, value: v.answers[field.id] ?? '' })),
            consent: v.consent,
            website: v.website,
            locale,
            sessionIds: v.sessionIds,
          },
        },
      });
      if (data) onDone(data.registerForEvent.message);
    } catch (error) {
      const { placed } = applyServerFieldErrors(form, error, (field) =>
        field.startsWith('answers.') || field in values ? field : null,
      );
      if (!placed) setFailure(error);
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorAlert error={failure} />
      <Stack gap="md">
        <TextInput
          label={t('public.name')}
          required
          autoComplete="name"
          maxLength={LIMITS.registrationNameMax}
          dir="auto"
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('public.email')}
          description={t('public.emailHint')}
          required
          type="email"
          autoComplete="email"
          dir="ltr"
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('public.organisation')}
          autoComplete="organization"
          maxLength={LIMITS.organisationNameMax}
          dir="auto"
          {...form.getInputProps('organisation')}
        />
        {event.fields.map((field) => (
          <FormQuestionInput
            key={field.id}
            question={field}
            value={values.answers[field.id] ?? ''}
            error={form.errors[`answers.${field.id}`]}
            onChange={(value) => form.setFieldValue(`answers.${field.id}`, value)}
          />
        ))}
        {event.programme.some((session) => session.kind === 'WORKSHOP') && (
          <Suspense fallback={null}>
            <SessionPicker
              slug={event.slug}
              value={values.sessionIds}
              onChange={(sessionIds) => form.setFieldValue('sessionIds', sessionIds)}
              error={form.errors['sessionIds']}
            />
          </Suspense>
        )}
        <HoneypotField
          id="event-website"
          label={t('public.website')}
          value={values.website}
          onChange={(value) => form.setFieldValue('website', value)}
        />
        <Paper withBorder p="sm" radius="sm" bg="gray.0">
          <Text
            size="sm"
            dir="auto"
            lang={event.lang.consentText}
            className="convene-preline"
            mb="xs"
            id="event-consent-text"
          >
            {event.consentText}
          </Text>
          <Text size="xs" c="gray.7" mb="sm">
            {event.retentionDays > 0
              ? t('public.retention', { count: event.retentionDays })
              : t('public.retentionSameDay')}
          </Text>
          <Checkbox
            label={t('public.consent')}
            required
            aria-describedby="event-consent-text"
            {...form.getInputProps('consent', { type: 'checkbox' })}
          />
        </Paper>
        <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
          {event.waitlisted ? t('public.submitWaitlist') : t('public.submit')}
        </Button>
      </Stack>
    </form>
  );
}
