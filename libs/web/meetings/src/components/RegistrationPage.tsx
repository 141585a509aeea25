import { Alert, Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  CancelRegistrationDocument,
  MyRegistrationDocument,
  toApiError,
  type MyRegistrationFieldsFragment,
  type RegistrationStatus,
} from '@convene/web-data-access';
import {
  ConfirmModal,
  NotFoundPage,
  PageError,
  PageLoader,
  PageTitle,
  paths,
  useLocale,
  useNotify,
} from '@convene/web-ui';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EventDetails } from './EventDetails';
import { publicEventIn } from '../utils/public-event-texts.util';
import './meetings.css';

// Only events with a programme load it (and its texts).
const MyProgrammeSection = lazy(() =>
  import('./MyProgrammeSection').then((module) => ({ default: module.MyProgrammeSection })),
);

const STATUS_COLORS: Record<RegistrationStatus, string> = {
  CONFIRMED: 'teal',
  PENDING: 'yellow',
  WAITLISTED: 'yellow',
  CANCELLED: 'gray',
  DECLINED: 'gray',
};

/** A registrant's private page (from the link in their email): status, the event, and cancelling. */
export function RegistrationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation('meetings');
  const { data, error, loading, refetch } = useQuery(MyRegistrationDocument, {
    variables: { token },
    fetchPolicy: 'network-only',
  });
  if (!data && loading) return <PageLoader />;
  if (!data && error) {
    const code = toApiError(error).code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT')
      return <NotFoundPage title={t('registration.notFoundTitle')} body={t('registration.notFoundBody')} />;
    return <PageError error={error} onRetry={() => void refetch()} />;
  }
  if (!data) return null;
  return <Registration token={token} registration={data.myRegistration} />;
}

function Registration({ token, registration }: { token: string; registration: MyRegistrationFieldsFragment }) {
  const { t } = useTranslation('meetings');
  const notify = useNotify();
  const [opened, modal] = useDisclosure(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [cancel, { loading }] = useMutation(CancelRegistrationDocument, {
    update: (cache, { data }) => {
      if (data)
        cache.writeQuery({
          query: MyRegistrationDocument,
          variables: { token },
          data: { myRegistration: data.cancelRegistration },
        });
    },
  });
  const { locale } = useLocale();
  const event = publicEventIn(registration.event, locale);
  const { status } = registration;
  const active = status === 'CONFIRMED' || status === 'PENDING' || status === 'WAITLISTED';

  return (
    <Stack gap="lg" maw={760} mx="auto">
      <div>
        <PageTitle mb={0}>{t('registration.title')}</PageTitle>
        <Text c="gray.7" dir="auto">
          {t('registration.for', { event: event.title })}
        </Text>
      </div>
      <Alert
        classNames={{ title: 'convene-alert-title' }}
        color={STATUS_COLORS[status]}
        variant="light"
        c="gray.9"
        role="status"
        title={t(`event.statuses.${status}`)}
      >
        <Text size="sm">
          {t(`registration.statusLine.${status}`, { position: registration.waitlistPosition ?? '' })}
        </Text>
        <Text size="sm" c="gray.8" mt={4} dir="auto">
          {t('registration.registeredAs', { name: registration.name, email: registration.email })}
        </Text>
      </Alert>
      {status === 'CONFIRMED' && registration.onlineUrl && (
        <Button
          component="a"
          href={registration.onlineUrl}
          target="_blank"
          rel="noopener noreferrer"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('registration.join')}
        </Button>
      )}
      <Paper withBorder p="lg" component="section" aria-label={event.title}>
        <Text fw={700} size="lg" mb="sm" dir="auto" lang={event.lang.title}>
          {event.title}
        </Text>
        <EventDetails event={event} onlineUrl={status === 'CONFIRMED' ? registration.onlineUrl : null} />
        <Anchor component={Link} to={paths.event(event.slug)} size="sm" display="block" mt="md">
          {t('registration.eventPage')}
        </Anchor>
      </Paper>
      {active && registration.event.programme.length > 0 && (
        <Suspense fallback={null}>
          <MyProgrammeSection
            token={token}
            canChange={registration.event.closedReason !== 'CANCELLED' && registration.event.closedReason !== 'ENDED'}
          />
        </Suspense>
      )}
      {active && (
        <Button variant="light" color="red" onClick={modal.open} style={{ alignSelf: 'flex-start' }}>
          {t('registration.cancel')}
        </Button>
      )}
      <ConfirmModal
        opened={opened}
        onClose={modal.close}
        title={t('registration.cancelTitle')}
        body={t('registration.cancelBody')}
        keepLabel={t('registration.keep')}
        confirmLabel={t('registration.confirmCancel')}
        loading={loading}
        error={failure}
        onConfirm={() => {
          setFailure(null);
          cancel({ variables: { token } })
            .then(() => {
              notify.success(t('registration.cancelled'));
              modal.close();
            })
            .catch(setFailure);
        }}
      />
    </Stack>
  );
}
