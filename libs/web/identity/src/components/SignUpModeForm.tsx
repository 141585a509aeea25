import { Button, Group, Radio, Stack } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { NetworkSettingsDocument, UpdateNetworkSettingsDocument, type SignUpMode } from '@convene/web-data-access';
import { ErrorAlert, useNotify, PageError, PageLoader } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const MODES: SignUpMode[] = ['OPEN', 'INVITATION_ONLY'];

export function SignUpModeForm() {
  const { t } = useTranslation('account');
  const notify = useNotify();
  const settings = useQuery(NetworkSettingsDocument);
  const [update, { loading }] = useMutation(UpdateNetworkSettingsDocument);
  const [choice, setChoice] = useState<SignUpMode | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  if (settings.loading && !settings.data) return <PageLoader />;
  if (!settings.data) return <PageError error={settings.error} onRetry={() => void settings.refetch()} />;
  const current = settings.data.networkSettings.signUpMode;
  const selected = choice ?? current;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await update({ variables: { signUpMode: selected } });
      setChoice(null);
      notify.success(t('admin.signUpModeSaved'));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <form onSubmit={save}>
      <ErrorAlert error={failure} />
      <Stack gap="md">
        <Radio.Group
          label={t('admin.signUpMode')}
          value={selected}
          onChange={(value) => setChoice(value as SignUpMode)}
        >
          <Stack gap="sm" mt="xs">
            {MODES.map((mode) => (
              <Radio key={mode} value={mode} label={t(`admin.signUpModes.${mode}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={loading} disabled={selected === current}>
            {t('admin.saveSignUpMode')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
