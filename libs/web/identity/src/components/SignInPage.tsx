import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { SignInDocument, toApiError, useRememberViewer, useViewer } from '@convene/web-data-access';
import { ErrorAlert, PasswordField, safeNextPath, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from './AuthCard';

export function SignInPage() {
  const { t } = useTranslation('identity');
  const { viewer } = useViewer();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const rememberViewer = useRememberViewer();
  const validators = useValidators();
  const [signIn, { loading }] = useMutation(SignInDocument);
  const [failure, setFailure] = useState<{ error: unknown; message: string | null } | null>(null);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: validators.all(validators.required, validators.email),
      password: validators.required,
    },
  });

  if (viewer && !loading) return <Navigate to={next} replace />;

  const handleSubmit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const { data } = await signIn({ variables: { input: { email: values.email.trim(), password: values.password } } });
      if (!data) return;
      await rememberViewer(data.signIn);
      navigate(next, { replace: true });
    } catch (error) {
      const { code } = toApiError(error);
      // Never say which of the two was wrong: that would tell an attacker who has an account.
      const message =
        code === 'RATE_LIMITED'
          ? t('signIn.rateLimited')
          : code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT' || code === 'NOT_FOUND' || code === 'FORBIDDEN'
            ? t('signIn.invalidCredentials')
            : null;
      setFailure({ error, message });
      form.setFieldValue('password', '');
    }
  });

  return (
    <AuthCard
      title={t('signIn.title')}
      intro={t('signIn.intro')}
      footer={
        <>
          {t('signIn.noAccount')}{' '}
          <Anchor component={Link} to="/signup">
            {t('signIn.createAccount')}
          </Anchor>
        </>
      }
    >
      {failure && <ErrorAlert error={failure.error} message={failure.message} />}
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            dir="ltr"
            required
            maxLength={LIMITS.emailMax}
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('fields.password')}
            autoComplete="current-password"
            required
            maxLength={LIMITS.passwordMax}
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={loading} fullWidth mt="xs">
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
