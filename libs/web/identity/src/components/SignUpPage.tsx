import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import {
  InvitationPreviewDocument,
  SignUpDocument,
  SignUpSettingsDocument,
  toApiError,
  useRememberViewer,
  useViewer,
} from '@convene/web-data-access';
import {
  applyServerFieldErrors,
  ErrorAlert,
  PageError,
  PageLoader,
  useFormatDateTime,
  useLocale,
  PasswordField,
  useValidators,
  paths,
} from '@convene/web-ui';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { AuthCard } from './AuthCard';

function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** /signup, and /invitations/:token where the invitation is previewed and its email fixed. */
export function SignUpPage() {
  const { token } = useParams<{ token: string }>();
  const { t } = useTranslation('identity');
  const { viewer } = useViewer();
  // Set once the account exists; the form itself unmounts as soon as the new viewer is known.
  const [completed, setCompleted] = useState(false);
  const onSignedUp = useCallback(() => setCompleted(true), []);

  const invitation = useQuery(InvitationPreviewDocument, { variables: { token: token ?? '' }, skip: !token });
  const settings = useQuery(SignUpSettingsDocument, { skip: Boolean(token) });

  if (completed) return <Navigate to={paths.groups()} replace />;

  if (viewer) {
    return (
      <AuthCard title={token ? t('signUp.invitationTitle') : t('signUp.title')}>
        <Stack gap="md" align="flex-start">
          <Text>{t('signUp.alreadySignedIn', { name: viewer.displayName })}</Text>
          <Button component={Link} to={paths.groups()}>
            {t('signUp.goToGroups')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }

  if (token) {
    if (invitation.loading && !invitation.data) return <PageLoader />;
    const preview = invitation.data?.invitation;
    const notFound =
      !preview &&
      (!invitation.error ||
        toApiError(invitation.error).code === 'NOT_FOUND' ||
        toApiError(invitation.error).code === 'BAD_USER_INPUT');
    if (notFound) {
      return (
        <AuthCard title={t('signUp.invitationTitle')} footer={<SignInFooter />}>
          <Alert color="red" variant="light" role="alert">
            {t('signUp.invalidInvitation')}
          </Alert>
        </AuthCard>
      );
    }
    if (!preview) return <PageError error={invitation.error} onRetry={() => void invitation.refetch()} />;
    return (
      <AuthCard
        title={t('signUp.invitationTitle')}
        intro={<InvitationIntro groupName={preview.groupName} expiresAt={preview.expiresAt} />}
        footer={<SignInFooter />}
      >
        <SignUpForm invitationToken={token} invitedEmail={preview.email} onSignedUp={onSignedUp} />
      </AuthCard>
    );
  }

  if (settings.loading && !settings.data) return <PageLoader />;
  if (settings.data?.networkSettings.signUpMode === 'INVITATION_ONLY') {
    return (
      <AuthCard title={t('signUp.title')} footer={<SignInFooter />}>
        <Alert color="indigo" variant="light">
          {t('signUp.invitationOnly')}
        </Alert>
      </AuthCard>
    );
  }
  // If the setting could not be read, show the form anyway: the API has the last word.
  return (
    <AuthCard title={t('signUp.title')} intro={t('signUp.intro')} footer={<SignInFooter />}>
      <SignUpForm onSignedUp={onSignedUp} />
    </AuthCard>
  );
}

function InvitationIntro({ groupName, expiresAt }: { groupName: string | null; expiresAt: string }) {
  const { t } = useTranslation('identity');
  const formatDateTime = useFormatDateTime();
  return (
    <>
      {groupName ? t('signUp.invitedToGroup', { group: groupName }) : t('signUp.invitedToNetwork')}{' '}
      {t('signUp.expiresOn', { date: formatDateTime(expiresAt) })}
    </>
  );
}

function SignInFooter() {
  const { t } = useTranslation('identity');
  return (
    <>
      {t('signUp.haveAccount')}{' '}
      <Anchor component={Link} to={paths.signIn()}>
        {t('signUp.signIn')}
      </Anchor>
    </>
  );
}

interface SignUpFormProps {
  invitationToken?: string;
  invitedEmail?: string;
  onSignedUp: () => void;
}

function SignUpForm({ invitationToken, invitedEmail, onSignedUp }: SignUpFormProps) {
  const { t } = useTranslation('identity');
  const { locale } = useLocale();
  const validators = useValidators();
  const rememberViewer = useRememberViewer();
  const [signUp, { loading }] = useMutation(SignUpDocument);
  const [failure, setFailure] = useState<{ error: unknown; message: string | null } | null>(null);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { displayName: '', email: invitedEmail ?? '', password: '' },
    validate: {
      displayName: validators.all(validators.required, validators.maxLength(LIMITS.displayNameMax)),
      email: validators.all(validators.required, validators.email),
      password: validators.all(validators.minLength(LIMITS.passwordMin), validators.maxLength(LIMITS.passwordMax)),
    },
  });

  const setEmail = form.setFieldValue;
  useEffect(() => {
    if (invitedEmail) setEmail('email', invitedEmail);
  }, [invitedEmail, setEmail]);

  const handleSubmit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const { data } = await signUp({
        variables: {
          input: {
            displayName: values.displayName.trim(),
            email: invitedEmail ?? values.email.trim(),
            password: values.password,
            invitationToken: invitationToken ?? null,
            locale,
            timeZone: browserTimeZone() ?? null,
          },
        },
      });
      if (!data) return;
      await rememberViewer(data.signUp);
      onSignedUp();
    } catch (error) {
      const { apiError, placed } = applyServerFieldErrors(form, error);
      if (apiError.reason === 'EMAIL_TAKEN' && !invitedEmail) {
        if (!placed) form.setFieldError('email', t('signUp.emailTaken'));
        return;
      }
      if (placed && apiError.code === 'BAD_USER_INPUT') return;
      const message =
        apiError.code === 'RATE_LIMITED'
          ? t('signUp.rateLimited')
          : apiError.reason === 'SIGN_UP_BY_INVITATION_ONLY'
            ? t('signUp.invitationOnly')
            : apiError.reason === 'INVITATION_INVALID'
              ? t('signUp.invalidInvitation')
              : apiError.reason === 'EMAIL_TAKEN'
                ? t('signUp.emailTaken')
                : null;
      setFailure({ error, message });
    }
  });

  return (
    <>
      {failure && <ErrorAlert error={failure.error} message={failure.message} />}
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('fields.displayName')}
            description={t('signUp.displayNameHint')}
            autoComplete="nickname"
            required
            maxLength={LIMITS.displayNameMax}
            key={form.key('displayName')}
            {...form.getInputProps('displayName')}
          />
          <TextInput
            label={t('fields.email')}
            description={invitedEmail ? t('signUp.emailFromInvitation') : undefined}
            type="email"
            autoComplete="email"
            inputMode="email"
            dir="ltr"
            required
            readOnly={Boolean(invitedEmail)}
            variant={invitedEmail ? 'filled' : 'default'}
            maxLength={LIMITS.emailMax}
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('fields.password')}
            description={t('signUp.passwordHint', { count: LIMITS.passwordMin })}
            autoComplete="new-password"
            required
            minLength={LIMITS.passwordMin}
            maxLength={LIMITS.passwordMax}
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={loading} fullWidth mt="xs">
            {t('signUp.submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
