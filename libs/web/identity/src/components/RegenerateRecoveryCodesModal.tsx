import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { RegenerateRecoveryCodesDocument } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSecondFactorRule } from '../hooks/useSecondFactorRule';
import type { SecondFactorKind } from '../utils/two-factor.util';
import { SecondFactorField, secondFactorProps } from './SecondFactorField';

export interface RegenerateRecoveryCodesModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (codes: string[]) => void;
}

/** New recovery codes in exchange for a current code; the old ones stop working. */
export function RegenerateRecoveryCodesModal({ opened, onClose, onCreated }: RegenerateRecoveryCodesModalProps) {
  const { t } = useTranslation(['identity', 'account']);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('account:security.twoFactor.regenerateTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('account:security.twoFactor.cancel') }}
    >
      {/* Mounted only while open, so every opening starts empty. */}
      {opened && <RegenerateForm onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function RegenerateForm({ onClose, onCreated }: Omit<RegenerateRecoveryCodesModalProps, 'opened'>) {
  const { t } = useTranslation(['identity', 'account']);
  const [regenerate, { loading }] = useMutation(RegenerateRecoveryCodesDocument);
  const [kind, setKind] = useState<SecondFactorKind>('app');
  const [failure, setFailure] = useState<unknown>(null);
  const codeRule = useSecondFactorRule(kind);
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: { code: codeRule },
  });

  const handleSubmit = form.onSubmit(async ({ code }) => {
    setFailure(null);
    try {
      const { data } = await regenerate({ variables: { code: code.replace(/\s/g, '') } });
      if (data) onCreated(data.regenerateRecoveryCodes);
    } catch (error) {
      const { apiError, placed } = applyServerFieldErrors(form, error);
      if (apiError.reason === 'TWO_FACTOR_CODE_INVALID') form.setFieldError('code', t('secondFactor.wrongCode'));
      else if (!placed) setFailure(error);
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorAlert error={failure} />
      <Stack gap="md">
        <Text size="sm">{t('account:security.twoFactor.regenerateBody')}</Text>
        <SecondFactorField {...secondFactorProps(form, kind, setKind)} autoFocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('account:security.twoFactor.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('account:security.twoFactor.regenerateSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
