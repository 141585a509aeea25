import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { MeDocument, PasswordResetLinkDocument, ResetPasswordDocument, toApiError } from '@convene/web-data-access';
import {
  applyServerFieldErrors,
  ErrorAlert,
  PageError,
  PageLoader,
  PasswordField,
  paths,
  useValidators,
} from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSecondFactorRule } from '../hooks/useSecondFactorRule';
import type { SecondFactorKind } from '../utils/two-factor.util';
import { AuthCard } from './AuthCard';
import { SecondFactorField, secondFactorProps } from './SecondFactorField';
import './identity.css';

/** /reset-password/:token, the link from the reset email: a new password, and a code where two-factor sign-in is on. */
export function ResetPasswordPage() {
  const { token = '' } = useParams<{ token: string }>();
  const { t } = useTranslation('identity');
  const link = useQuery(PasswordResetLinkDocument, { variables: { token }, fetchPolicy: 'network-only' });

  if (link.loading && !link.data) return <PageLoader />;
  if (!link.data) {
    const { code } = toApiError(link.error);
    if (code !== 'NOT_FOUND' && code !== 'BAD_USER_INPUT')
      return <PageError error={link.error} onRetry={() => void link.refetch()} />;
    return (
      <AuthCard title={t('resetPassword.title')}>
        <InvalidLink />
      </AuthCard>
    );
  }

  const twoFactorRequired = link.data.passwordReset.twoFactorRequired;
  return (
    <AuthCard
      title={t('resetPassword.title')}
      intro={
        twoFactorRequired
          ? `${t('resetPassword.intro')} ${t('resetPassword.twoFactorIntro')}`
          : t('resetPassword.intro')
      }
      footer={
        <Anchor component={Link} to={paths.signIn()}>
          {t('forgotPassword.backToSignIn')}
        </Anchor>
      }
    >
      <ResetPasswordForm token={token} twoFactorRequired={twoFactorRequired} />
    </AuthCard>
  );
}

function ResetPasswordForm({ token, twoFactorRequired }: { token: string; twoFactorRequired: boolean }) {
  const { t } = useTranslation('identity');
  const validators = useValidators();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [resetPassword, { loading }] = useMutation(ResetPasswordDocument);
  const [kind, setKind] = useState<SecondFactorKind>('app');
  const [failure, setFailure] = useState<unknown>(null);
  const [linkUsedUp, setLinkUsedUp] = useState(false);
  const codeRule = useSecondFactorRule(kind);

  const form = useForm({
    mode: 'controlled',
    initialValues: { newPassword: '', code: '' },
    validate: {
      newPassword: validators.all(validators.minLength(LIMITS.passwordMin), validators.maxLength(LIMITS.passwordMax)),
      code: (value) => (twoFactorRequired ? codeRule(value) : null),
    },
  });

  const handleSubmit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await resetPassword({
        variables: {
          input: {
            token,
            newPassword: values.newPassword,
            code: twoFactorRequired ? values.code.replace(/\s/g, '') : null,
          },
        },
      });
      // Every session of the account has ended, perhaps this browser's too.
      await client.refetchQueries({ include: [MeDocument] }).catch(() => undefined);
      navigate(paths.signIn(), { replace: true, state: { passwordReset: true } });
    } catch (error) {
      const { apiError, placed } = applyServerFieldErrors(form, error);
      if (apiError.reason === 'TWO_FACTOR_CODE_INVALID') form.setFieldError('code', t('secondFactor.wrongCode'));
      else if (apiError.reason === 'RESET_LINK_INVALID') setLinkUsedUp(true);
      else if (!placed) setFailure(error);
    }
  });

  if (linkUsedUp) return <InvalidLink />;

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorAlert error={failure} />
      <Stack gap="md">
        <PasswordField
          label={t('resetPassword.newPassword')}
          description={t('signUp.passwordHint', { count: LIMITS.passwordMin })}
          autoComplete="new-password"
          required
          maxLength={LIMITS.passwordMax}
          {...form.getInputProps('newPassword')}
        />
        {twoFactorRequired && <SecondFactorField {...secondFactorProps(form, kind, setKind)} />}
        <Button type="submit" loading={loading} fullWidth mt="xs">
          {t('resetPassword.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function InvalidLink() {
  const { t } = useTranslation('identity');
  return (
    <Stack gap="md" align="flex-start">
      <Alert color="red" variant="light" role="alert">
        {t('resetPassword.invalidLink')}
      </Alert>
      <Button component={Link} to={paths.forgotPassword()} variant="light">
        {t('resetPassword.requestNew')}
      </Button>
    </Stack>
  );
}
