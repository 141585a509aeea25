import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { ChangePasswordDocument } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, useNotify, PasswordField, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ChangePasswordForm() {
  const { t } = useTranslation('identity');
  const notify = useNotify();
  const validators = useValidators();
  const [changePassword, { loading }] = useMutation(ChangePasswordDocument);
  const [failure, setFailure] = useState<unknown>(null);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '' },
    validate: {
      currentPassword: validators.required,
      newPassword: validators.all(validators.minLength(LIMITS.passwordMin), validators.maxLength(LIMITS.passwordMax)),
    },
  });

  const handleSubmit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await changePassword({
        variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } },
      });
      form.reset();
      notify.success(t('profile.passwordChanged'));
    } catch (error) {
      const { apiError, placed } = applyServerFieldErrors(form, error);
      if (!placed && (apiError.reason === 'WRONG_PASSWORD' || apiError.reason === 'INVALID_CREDENTIALS')) {
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
        <PasswordField
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          key={form.key('currentPassword')}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordField
          label={t('profile.newPassword')}
          description={t('signUp.passwordHint', { count: LIMITS.passwordMin })}
          autoComplete="new-password"
          required
          key={form.key('newPassword')}
          {...form.getInputProps('newPassword')}
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
