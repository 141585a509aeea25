import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { LIMITS } from '@convene/shared-contracts';
import type { MembershipRole } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipActions } from '../hooks/useMembershipActions';

const ROLES: MembershipRole[] = ['MEMBER', 'OBSERVER', 'CONVENOR'];

export interface InviteMemberModalProps {
  group: { id: string; name: string };
  opened: boolean;
  onClose: () => void;
  actions: MembershipActions;
}

export function InviteMemberModal({ group, opened, onClose, actions }: InviteMemberModalProps) {
  const { t } = useTranslation('groups');
  const validators = useValidators();
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const form = useForm<{ email: string; role: MembershipRole }>({
    mode: 'uncontrolled',
    initialValues: { email: '', role: 'MEMBER' },
    validate: { email: validators.all(validators.required, validators.email) },
  });

  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };

  const handleSubmit = form.onSubmit(async ({ email, role }) => {
    setFailure(null);
    setSending(true);
    try {
      await actions.invite(group, email.trim(), role);
      close();
    } catch (error) {
      const { placed } = applyServerFieldErrors(form, error);
      if (!placed) setFailure(error);
    } finally {
      setSending(false);
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      title={t('inviteModal.title', { group: group.name })}
      centered
    >
      <form onSubmit={handleSubmit} noValidate>
        <ErrorAlert error={failure} />
        <Stack gap="md">
          <TextInput
            label={t('inviteModal.email')}
            type="email"
            inputMode="email"
            autoComplete="off"
            dir="ltr"
            required
            maxLength={LIMITS.emailMax}
            data-autofocus
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <NativeSelect
            label={t('inviteModal.inviteAs')}
            data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            key={form.key('role')}
            {...form.getInputProps('role')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={sending}>
              {t('actions.sendInvitation')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
