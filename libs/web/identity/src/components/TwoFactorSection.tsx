import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { AccountTwoFactorDocument, MeDocument } from '@convene/web-data-access';
import { PageError, PageLoader, useFormatDateTime, useNotify } from '@convene/web-ui';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DisableTwoFactorModal } from './DisableTwoFactorModal';
import { RecoveryCodes } from './RecoveryCodes';
import { RegenerateRecoveryCodesModal } from './RegenerateRecoveryCodesModal';
import { TwoFactorSetup } from './TwoFactorSetup';

/** Fewer recovery codes than this left: suggest new ones. */
const FEW_CODES = 3;

/** The viewer's two-factor sign-in: its status, setting it up, new recovery codes, turning it off. */
export function TwoFactorSection({ email }: { email: string }) {
  const { t } = useTranslation('account');
  const notify = useNotify();
  const formatDateTime = useFormatDateTime();
  const client = useApolloClient();
  const status = useQuery(AccountTwoFactorDocument, { fetchPolicy: 'cache-and-network' });
  const [settingUp, setSettingUp] = useState(false);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const [modal, setModal] = useState<'regenerate' | 'turnOff' | null>(null);

  const refresh = useCallback(
    () => void client.refetchQueries({ include: [AccountTwoFactorDocument, MeDocument] }).catch(() => undefined),
    [client],
  );

  if (settingUp) {
    return (
      <TwoFactorSetup
        email={email}
        onCancel={() => setSettingUp(false)}
        onConfirmed={refresh}
        onDone={() => setSettingUp(false)}
      />
    );
  }
  if (newCodes) return <RecoveryCodes codes={newCodes} email={email} onDone={() => setNewCodes(null)} />;
  if (status.loading && !status.data) return <PageLoader />;
  if (!status.data) return <PageError error={status.error} onRetry={() => void status.refetch()} />;
  const { enabled, enabledAt, recoveryCodesLeft, required } = status.data.twoFactor;

  return (
    <Stack gap="md" align="flex-start">
      <Text size="sm">{t('security.twoFactor.explanation')}</Text>
      <Group gap="sm">
        <Badge color={enabled ? 'teal' : 'gray'} variant="light" c="gray.9" tt="none" size="lg">
          {enabled ? t('security.twoFactorOn') : t('security.twoFactorOff')}
        </Badge>
        {enabled && enabledAt && (
          <Text size="sm" c="dimmed">
            {t('security.twoFactor.onSince', { date: formatDateTime(enabledAt) })}
          </Text>
        )}
      </Group>
      {enabled ? (
        <>
          <Text size="sm">{t('security.twoFactor.codesLeft', { count: recoveryCodesLeft })}</Text>
          {recoveryCodesLeft <= FEW_CODES && (
            <Alert color="yellow" variant="light">
              {t('security.twoFactor.fewCodesLeft')}
            </Alert>
          )}
          <Group gap="sm">
            <Button variant="default" onClick={() => setModal('regenerate')}>
              {t('security.twoFactor.regenerate')}
            </Button>
            {!required && (
              <Button variant="default" color="red" onClick={() => setModal('turnOff')}>
                {t('security.twoFactor.turnOff')}
              </Button>
            )}
          </Group>
          {required && (
            <Text size="sm" c="dimmed">
              {t('security.twoFactor.requiredForRole')}
            </Text>
          )}
        </>
      ) : (
        <Button onClick={() => setSettingUp(true)}>{t('security.twoFactor.setUp')}</Button>
      )}
      <RegenerateRecoveryCodesModal
        opened={modal === 'regenerate'}
        onClose={() => setModal(null)}
        onCreated={(codes) => {
          setModal(null);
          setNewCodes(codes);
          notify.success(t('security.twoFactor.newCodesReady'));
          refresh();
        }}
      />
      <DisableTwoFactorModal
        opened={modal === 'turnOff'}
        onClose={() => setModal(null)}
        onDisabled={() => {
          setModal(null);
          notify.success(t('security.twoFactor.turnedOff'));
          refresh();
        }}
      />
    </Stack>
  );
}
