import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { SignInDocument, toApiError, useRememberViewer, useViewer } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, PasswordField, paths, safeNextPath, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useSecondFactorRule } from '../hooks/useSecondFactorRule';
import type { SecondFactorKind } from '../utils/two-factor.util';
import { AuthCard } from './AuthCard';
import { SecondFactorField, secondFactorProps } from './SecondFactorField';
import './identity.css';
import { AccountEmailField } from './AccountEmailField';

interface Credentials {
  email: string;
  password: string;
}

type Failure = { error: unknown; message: string | null } | null;

/**
 * Email and password, then, where two-factor sign-in is on, a code. The password waits in this
 * component's memory between the two steps and nowhere else.
 */
export function SignInPage() {
  const { t } = useTranslation('identity');
  const { viewer } = useViewer();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const location = useLocation();
  const passwordWasReset = (location.state as { passwordReset?: boolean } | null)?.passwordReset === true;
  const rememberViewer = useRememberViewer();
  const [signIn, { loading }] = useMutation(SignInDocument);
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [failure, setFailure] = useState<Failure>(null);

  if (viewer && !loading) return <Navigate to={next} replace />;

  const attempt = async (input: Credentials & { code?: string }) => {
    const { data } = await signIn({ variables: { input } });
    if (!data) return;
    await rememberViewer(data.signIn);
    setCredentials(null);
    navigate(next, { replace: true });
  };

  /** What a refusal means for the first step; the second step handles code errors itself. */
  const describe = (error: unknown): string | null => {
    const { code, reason } = toApiError(error);
    if (code === 'RATE_LIMITED') return t('signIn.rateLimited');
    if (reason === 'ACCOUNT_DEACTIVATED') return t('signIn.deactivated');
    // Never say which of the two was wrong: that would tell an attacker who has an account.
    if (code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT' || code === 'NOT_FOUND' || code === 'FORBIDDEN')
      return t('signIn.invalidCredentials');
    return null;
  };

  const startOver = (nextFailure: Failure = null) => {
    setCredentials(null);
    setFailure(nextFailure);
  };

  if (credentials) {
    return (
      <AuthCard title={t('signIn.codeTitle')}>
        <CodeStep
          loading={loading}
          onSubmit={(code) => attempt({ ...credentials, code })}
          onRefused={(error) => startOver({ error, message: describe(error) })}
          onStartOver={() => startOver()}
        />
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title={t('signIn.title')}
      intro={t('signIn.intro')}
      footer={
        <>
          {t('signIn.noAccount')}{' '}
          <Anchor component={Link} to={paths.signUp()}>
            {t('signIn.createAccount')}
          </Anchor>
        </>
      }
    >
      {passwordWasReset && !failure && (
        <Alert color="teal" variant="light" role="status" mb="md">
          {t('signIn.passwordWasReset')}
        </Alert>
      )}
      {failure && <ErrorAlert error={failure.error} message={failure.message} />}
      <PasswordStep
        loading={loading}
        onSubmit={async (values) => {
          setFailure(null);
          try {
            await attempt(values);
          } catch (error) {
            // Only a right password gets this answer: ask for the second factor, keeping both in memory only.
            if (toApiError(error).reason === 'TWO_FACTOR_CODE_NEEDED') setCredentials(values);
            else setFailure({ error, message: describe(error) });
          }
        }}
      />
    </AuthCard>
  );
}

/** `onSubmit` handles every outcome; the password field is emptied after an attempt that stays here. */
function PasswordStep({ loading, onSubmit }: { loading: boolean; onSubmit: (values: Credentials) => Promise<void> }) {
  const { t } = useTranslation('identity');
  const validators = useValidators();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: validators.all(validators.required, validators.email),
      password: validators.required,
    },
  });

  const handleSubmit = form.onSubmit(async (values) => {
    await onSubmit({ email: values.email.trim(), password: values.password });
    form.setFieldValue('password', '');
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <AccountEmailField key={form.key('email')} {...form.getInputProps('email')} />
        <Stack gap={6}>
          <PasswordField
            label={t('fields.password')}
            autoComplete="current-password"
            required
            maxLength={LIMITS.passwordMax}
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Anchor component={Link} to={paths.forgotPassword()} size="sm" style={{ alignSelf: 'flex-end' }}>
            {t('signIn.forgotPassword')}
          </Anchor>
        </Stack>
        <Button type="submit" loading={loading} fullWidth mt="xs">
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}

interface CodeStepProps {
  loading: boolean;
  onSubmit: (code: string) => Promise<void>;
  /** Refusals that send the person back to the password step (the password changed, the account was deactivated). */
  onRefused: (error: unknown) => void;
  onStartOver: () => void;
}

function CodeStep({ loading, onSubmit, onRefused, onStartOver }: CodeStepProps) {
  const { t } = useTranslation('identity');
  const [kind, setKind] = useState<SecondFactorKind>('app');
  const [failure, setFailure] = useState<Failure>(null);
  const codeRule = useSecondFactorRule(kind);
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: { code: codeRule },
  });

  const handleSubmit = form.onSubmit(async ({ code }) => {
    setFailure(null);
    try {
      await onSubmit(code.replace(/\s/g, ''));
    } catch (error) {
      const { apiError } = applyServerFieldErrors(form, error);
      if (apiError.reason === 'TWO_FACTOR_CODE_INVALID') form.setFieldError('code', t('secondFactor.wrongCode'));
      else if (apiError.reason === 'INVALID_CREDENTIALS' || apiError.reason === 'ACCOUNT_DEACTIVATED') onRefused(error);
      else setFailure({ error, message: apiError.code === 'RATE_LIMITED' ? t('signIn.rateLimited') : null });
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      {failure && <ErrorAlert error={failure.error} message={failure.message} />}
      <Stack gap="md">
        <Alert color="indigo" variant="light">
          {kind === 'app' ? t('signIn.codeIntro') : t('signIn.recoveryIntro')}
        </Alert>
        <SecondFactorField {...secondFactorProps(form, kind, setKind)} autoFocus />
        <Button type="submit" loading={loading} fullWidth mt="xs">
          {t('signIn.verify')}
        </Button>
        <Group justify="center">
          <Anchor component="button" type="button" size="sm" onClick={onStartOver}>
            {t('signIn.startOver')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
