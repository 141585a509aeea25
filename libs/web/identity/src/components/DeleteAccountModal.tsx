import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { DeleteAccountDocument, toApiError } from '@convene/web-data-access';
import { ErrorAlert, PasswordField, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSecondFactorRule } from '../hooks/useSecondFactorRule';
import { accountDeletionFailure } from '../utils/account-deletion.util';
import type { SecondFactorKind } from '../utils/two-factor.util';
import { SecondFactorField, secondFactorProps } from './SecondFactorField';
import './identity.css';

export interface DeleteAccountModalProps {
  opened: boolean;
  /** Two-factor sign-in is on: a current code is asked for as well. */
  twoFactorEnabled: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

/** The last step before deleting the account: the password (and a code), and saying it is final. */
export function DeleteAccountModal({ opened, twoFactorEnabled, onClose, onDeleted }: DeleteAccountModalProps) {
  const { t } = useTranslation(['identity', 'account']);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('account:security.delete.modalTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('account:security.delete.keep') }}
    >
      {opened && <DeleteForm twoFactorEnabled={twoFactorEnabled} onClose={onClose} onDeleted={onDeleted} />}
    </Modal>
  );
}

function DeleteForm({ twoFactorEnabled, onClose, onDeleted }: Omit<DeleteAccountModalProps, 'opened'>) {
  const { t } = useTranslation(['identity', 'account']);
  const validators = useValidators();
  const [deleteAccount, { loading }] = useMutation(DeleteAccountDocument);
  const [kind, setKind] = useState<SecondFactorKind>('app');
  // Two-factor sign-in may have been turned on elsewhere since the page loaded: the API says so.
  const [needsCode, setNeedsCode] = useState(twoFactorEnabled);
  const [failure, setFailure] = useState<{ error: unknown } | { blocked: string } | null>(null);
  const codeRule = useSecondFactorRule(kind);
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', code: '', understood: false },
    validate: {
      password: validators.required,
      code: (value) => (needsCode ? codeRule(value) : null),
      understood: (value) => (value ? null : t('account:security.delete.understoodRequired')),
    },
  });

  const handleSubmit = form.onSubmit(async ({ password, code }) => {
    setFailure(null);
    try {
      await deleteAccount({ variables: { input: { password, code: needsCode ? code.replace(/\s/g, '') : null } } });
      onDeleted();
    } catch (error) {
      const result = accountDeletionFailure(toApiError(error));
      if (result.kind === 'wrongPassword') form.setFieldError('password', t('account:security.delete.wrongPassword'));
      else if (result.kind === 'codeNeeded') {
        setNeedsCode(true);
        form.setFieldError('code', t('account:security.delete.codeNeeded'));
      } else if (result.kind === 'wrongCode') form.setFieldError('code', t('secondFactor.wrongCode'));
      else if (result.kind === 'blocked') setFailure({ blocked: result.message });
      else setFailure({ error });
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      {failure && 'blocked' in failure && (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          mb="md"
          title={t('account:security.delete.blockedTitle')}
          classNames={{ title: 'convene-alert-title' }}
        >
          <Text size="sm" dir="auto">
            {failure.blocked}
          </Text>
        </Alert>
      )}
      {failure && 'error' in failure && <ErrorAlert error={failure.error} />}
      <Stack gap="md">
        <Text size="sm">{t('account:security.delete.modalBody')}</Text>
        <PasswordField
          label={t('account:security.delete.password')}
          autoComplete="current-password"
          required
          maxLength={LIMITS.passwordMax}
          data-autofocus
          {...form.getInputProps('password')}
        />
        {needsCode && <SecondFactorField {...secondFactorProps(form, kind, setKind)} />}
        <Checkbox
          label={t('account:security.delete.understood')}
          {...form.getInputProps('understood', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('account:security.delete.keep')}
          </Button>
          <Button type="submit" color="red" loading={loading}>
            {t('account:security.delete.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
