import { Anchor, Button, List, Stack, Text } from '@mantine/core';
import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DeleteAccountModal } from './DeleteAccountModal';
import { paths } from '@convene/web-ui';
import { forgetOfflineCopies } from '@convene/web-data-access';

export interface DeleteAccountSectionProps {
  twoFactorEnabled: boolean;
  /** The id of the "Your data" section, to suggest downloading a copy first. */
  dataSectionId: string;
}

/** What deleting the account does, and the button that asks to confirm it. */
export function DeleteAccountSection({ twoFactorEnabled, dataSectionId }: DeleteAccountSectionProps) {
  const { t } = useTranslation('account');
  const client = useApolloClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);

  const onDeleted = async () => {
    // Off the signed-in pages first, then forget everything cached: `me` turns null everywhere.
    await navigate(paths.accountDeleted(), { replace: true });
    await forgetOfflineCopies();
    await client.resetStore().catch(() => undefined);
  };

  return (
    <Stack gap="md" align="flex-start">
      <Text size="sm">{t('security.delete.intro')}</Text>
      <List size="sm" spacing={4} ps="xs">
        <List.Item>{t('security.delete.what.signedOut')}</List.Item>
        <List.Item>{t('security.delete.what.removed')}</List.Item>
        <List.Item>{t('security.delete.what.kept')}</List.Item>
        <List.Item>{t('security.delete.what.final')}</List.Item>
      </List>
      <Text size="sm">{t('security.delete.roles')}</Text>
      <Text size="sm">
        {t('security.delete.copyFirst')}{' '}
        <Anchor href={`#${dataSectionId}`} size="sm">
          {t('security.delete.copyFirstLink')}
        </Anchor>
      </Text>
      <Button variant="outline" color="red.9" onClick={() => setOpened(true)}>
        {t('security.delete.open')}
      </Button>
      <DeleteAccountModal
        opened={opened}
        twoFactorEnabled={twoFactorEnabled}
        onClose={() => setOpened(false)}
        onDeleted={onDeleted}
      />
    </Stack>
  );
}
