import { Alert, Button, Group, Paper, Stack } from '@mantine/core';
import { useApolloClient } from '@apollo/client/react';
import { MeDocument, useSignOut, useViewer } from '@convene/web-data-access';
import { ErrorAlert, PageLoader, PageTitle, paths, safeNextPath } from '@convene/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { TwoFactorSetup } from './TwoFactorSetup';

/**
 * /two-factor-setup: where a network admin or convenor is held until they turn two-factor
 * sign-in on (while the network enforces it). Signing out is the only other way out.
 */
export function TwoFactorRequiredPage() {
  const { t } = useTranslation('identity');
  const { viewer } = useViewer();
  const { signOut, signingOut } = useSignOut();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  // Once confirmed, the recovery codes stay on screen until the person says they have them,
  // whatever `me` says meanwhile.
  const [confirmed, setConfirmed] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  if (!viewer) return <PageLoader />;
  if (!viewer.twoFactorSetupRequired && !confirmed) return <Navigate to={next} replace />;

  const carryOn = async () => {
    setFailure(null);
    try {
      await client.refetchQueries({ include: [MeDocument] });
      navigate(next, { replace: true });
    } catch (error) {
      setFailure(error);
    }
  };

  const leave = async () => {
    try {
      await signOut();
    } finally {
      navigate(paths.signIn(), { replace: true });
    }
  };

  return (
    <Stack maw={720} gap="md">
      <PageTitle>{t('twoFactorRequired.title')}</PageTitle>
      {!confirmed && (
        <Alert color="indigo" variant="light">
          {t('twoFactorRequired.why')}
        </Alert>
      )}
      <ErrorAlert error={failure} />
      <Paper withBorder p="lg">
        <TwoFactorSetup
          email={viewer.email}
          headingOrder={2}
          onConfirmed={() => setConfirmed(true)}
          onDone={() => void carryOn()}
          doneLabel={t('twoFactorRequired.continue')}
        />
      </Paper>
      {!confirmed && (
        <Group>
          <Button variant="subtle" onClick={() => void leave()} loading={signingOut}>
            {t('twoFactorRequired.signOut')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
