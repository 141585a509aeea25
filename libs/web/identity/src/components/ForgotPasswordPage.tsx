import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { RequestPasswordResetDocument } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, paths, useLocale, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AuthCard } from './AuthCard';
import { AccountEmailField } from './AccountEmailField';

/** /forgot-password: asks for a reset link. The answer is the same whether the account exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('identity');
  const { locale } = useLocale();
  const validators = useValidators();
  const [requestReset, { loading }] = useMutation(RequestPasswordResetDocument);
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; message: string | null } | null>(null);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '' },
    validate: { email: validators.all(validators.required, validators.email) },
  });

  const handleSubmit = form.onSubmit(async ({ email }) => {
    setFailure(null);
    try {
      await requestReset({ variables: { input: { email: email.trim(), locale } } });
      setSent(true);
    } catch (error) {
      const { apiError, placed } = applyServerFieldErrors(form, error);
      if (!placed)
        setFailure({ error, message: apiError.code === 'RATE_LIMITED' ? t('forgotPassword.rateLimited') : null });
    }
  });

  const footer = (
    <Anchor component={Link} to={paths.signIn()}>
      {t('forgotPassword.backToSignIn')}
    </Anchor>
  );

  return (
    <AuthCard title={t('forgotPassword.title')} intro={sent ? undefined : t('forgotPassword.intro')} footer={footer}>
      {sent ? (
        <Stack gap="sm" role="status">
          <Alert color="teal" variant="light">
            {t('forgotPassword.sent')}
          </Alert>
          <Text size="sm" c="dimmed">
            {t('forgotPassword.sentHint')}
          </Text>
        </Stack>
      ) : (
        <>
          {failure && <ErrorAlert error={failure.error} message={failure.message} />}
          <form onSubmit={handleSubmit} noValidate>
            <Stack gap="md">
              <AccountEmailField key={form.key('email')} {...form.getInputProps('email')} />
              <Button type="submit" loading={loading} fullWidth mt="xs">
                {t('forgotPassword.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
    </AuthCard>
  );
}
