import { Paper, SimpleGrid, Title } from '@mantine/core';
import { useViewer } from '@convene/web-data-access';
import { PageLoader, PageTitle } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { SessionsSection } from './SessionsSection';
import { TwoFactorSection } from './TwoFactorSection';

/** /settings/security: the viewer's two-factor sign-in and signed-in devices. */
export function SecurityPage() {
  const { t } = useTranslation('identity');
  const { viewer } = useViewer();
  if (!viewer) return <PageLoader />;
  return (
    <>
      <PageTitle>{t('security.title')}</PageTitle>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="security-two-factor-heading" style={{ alignSelf: 'start' }}>
          <Title order={2} size="h3" mb="md" id="security-two-factor-heading">
            {t('security.twoFactor.heading')}
          </Title>
          <TwoFactorSection email={viewer.email} />
        </Paper>
        <Paper withBorder p="lg" component="section" aria-labelledby="security-sessions-heading" style={{ alignSelf: 'start' }}>
          <Title order={2} size="h3" mb="md" id="security-sessions-heading">
            {t('security.sessions.heading')}
          </Title>
          <SessionsSection />
        </Paper>
      </SimpleGrid>
    </>
  );
}
