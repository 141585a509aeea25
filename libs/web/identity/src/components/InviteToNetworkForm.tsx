import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { InviteToNetworkDocument } from '@convene/web-data-access';
import { applyServerFieldErrors, ErrorAlert, useNotify, useValidators } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function InviteToNetworkForm() {
  const { t } = useTranslation(['identity', 'account']);
  const notify = useNotify();
  const validators = useValidators();
  const [invite, { loading }] = useMutation(InviteToNetworkDocument);
  const [failure, setFailure] = useState<unknown>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '' },
    validate: { email: validators.all(validators.required, validators.email) },
  });

  const handleSubmit = form.onSubmit(async ({ email }) => {
    setFailure(null);
    setSentTo(null);
    try {
      const { data } = await invite({ variables: { input: { email: email.trim() } } });
      const address = data?.inviteToNetwork.email ?? email.trim();
      form.reset();
      setSentTo(address);
      notify.success(t('account:admin.invitationSent', { email: address }));
    } catch (error) {
      const { placed } = applyServerFieldErrors(form, error);
      if (!placed) setFailure(error);
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorAlert error={failure} />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('account:admin.inviteIntro')}
        </Text>
        <TextInput
          label={t('fields.email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          dir="ltr"
          required
          maxLength={LIMITS.emailMax}
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        <Group>
          <Button type="submit" loading={loading}>
            {t('account:admin.sendInvitation')}
          </Button>
        </Group>
        <Text size="sm" role="status" aria-live="polite">
          {sentTo ? t('account:admin.invitationSent', { email: sentTo }) : ''}
        </Text>
      </Stack>
    </form>
  );
}
