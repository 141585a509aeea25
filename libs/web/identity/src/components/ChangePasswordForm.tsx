import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { ChangePasswordDocument } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, notifySuccess, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ChangePasswordForm() {
  const { t, i18n } = useTranslation('identity');
  const validators = useValidators();
  const [changePassword, { loading }] = useMutation(ChangePasswordDocument);
  const [failure, setFailure] = useState<unknown>(null);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: validators.required,
      newPassword: validators.all(validators.minLength(LIMITS.passwordMin), validators.maxLength(LIMITS.passwordMax)),
      confirmPassword: (value: string, values: { newPassword: string }) =>
        value === values.newPassword ? null : i18n.getFixedT(null, 'identity')('profile.passwordsDoNotMatch'),
    },
  });

  const handleSubmit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await changePassword({ variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } } });
      form.reset();
      notifySuccess(t('profile.passwordChanged'));
    } catch (error) {
      const { apiError, placed } = applyServerFieldErrors(form, error);
      if (apiError.reason === 'INVALID_CREDENTIALS' || (!placed && apiError.code === 'UNAUTHENTICATED')) {
        form.setFieldError('currentPassword', t('profile.wrongPassword'));
      } else if (!placed) {
        setFailure(error);
      }
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorAlert error={failure} />
      <Stack gap="md">
        <PasswordInput
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          key={form.key('currentPassword')}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('profile.newPassword')}
          description={t('signUp.passwordHint', { count: LIMITS.passwordMin })}
          autoComplete="new-password"
          required
          key={form.key('newPassword')}
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('profile.confirmPassword')}
          autoComplete="new-password"
          required
          key={form.key('confirmPassword')}
          {...form.getInputProps('confirmPassword')}
        />
        <Group>
          <Button type="submit" loading={loading}>
            {t('profile.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
