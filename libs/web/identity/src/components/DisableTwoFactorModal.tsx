import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { DisableTwoFactorDocument } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, PasswordField, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSecondFactorRule } from '../hooks/useSecondFactorRule';
import type { SecondFactorKind } from '../utils/two-factor.util';
import { SecondFactorField, secondFactorProps } from './SecondFactorField';

export interface DisableTwoFactorModalProps {
  opened: boolean;
  onClose: () => void;
  onDisabled: () => void;
}

/** Turning two-factor sign-in off takes the password and a current code. */
export function DisableTwoFactorModal({ opened, onClose, onDisabled }: DisableTwoFactorModalProps) {
  const { t } = useTranslation(['identity', 'account']);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('account:security.twoFactor.turnOffTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('account:security.twoFactor.cancel') }}
    >
      {opened && <DisableForm onClose={onClose} onDisabled={onDisabled} />}
    </Modal>
  );
}

function DisableForm({ onClose, onDisabled }: Omit<DisableTwoFactorModalProps, 'opened'>) {
  const { t } = useTranslation(['identity', 'account']);
  const validators = useValidators();
  const [disable, { loading }] = useMutation(DisableTwoFactorDocument);
  const [kind, setKind] = useState<SecondFactorKind>('app');
  const [failure, setFailure] = useState<{ error: unknown; message: string | null } | null>(null);
  const codeRule = useSecondFactorRule(kind);
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', code: '' },
    validate: {
      password: validators.required,
      code: codeRule,
    },
  });

  const handleSubmit = form.onSubmit(async ({ password, code }) => {
    setFailure(null);
    try {
      await disable({ variables: { input: { password, code: code.replace(/\s/g, '') } } });
      onDisabled();
    } catch (error) {
      const { apiError, placed } = applyServerFieldErrors(form, error);
      if (apiError.reason === 'WRONG_PASSWORD')
        form.setFieldError('password', t('account:security.twoFactor.wrongPassword'));
      else if (apiError.reason === 'TWO_FACTOR_CODE_INVALID') form.setFieldError('code', t('secondFactor.wrongCode'));
      else if (apiError.reason === 'TWO_FACTOR_REQUIRED_FOR_ROLE')
        setFailure({ error, message: t('account:security.twoFactor.requiredForRole') });
      else if (!placed) setFailure({ error, message: null });
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      {failure && <ErrorAlert error={failure.error} message={failure.message} />}
      <Stack gap="md">
        <Text size="sm">{t('account:security.twoFactor.turnOffBody')}</Text>
        <PasswordField
          label={t('account:security.twoFactor.password')}
          autoComplete="current-password"
          required
          maxLength={LIMITS.passwordMax}
          data-autofocus
          {...form.getInputProps('password')}
        />
        <SecondFactorField {...secondFactorProps(form, kind, setKind)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('account:security.twoFactor.cancel')}
          </Button>
          <Button type="submit" color="red" loading={loading}>
            {t('account:security.twoFactor.turnOffSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
