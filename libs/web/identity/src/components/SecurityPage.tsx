import { Paper, SimpleGrid, Title } from '@mantine/core';
import { useViewer } from '@convene/web-data-access';
import { PageLoader, PageTitle } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { DataExportSection } from './DataExportSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { PushDevicesSection } from './PushDevicesSection';
import { SessionsSection } from './SessionsSection';
import { TwoFactorSection } from './TwoFactorSection';
import './identity.css';

const DATA_SECTION_ID = 'security-data';

/** /settings/security: two-factor sign-in, signed-in devices, devices showing notifications, a copy of one's data, and deleting the account. */
export function SecurityPage() {
  const { t } = useTranslation('identity');
  const { viewer } = useViewer();
  if (!viewer) return <PageLoader />;
  return (
    <>
      <PageTitle>{t('security.title')}</PageTitle>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper
          withBorder
          p="lg"
          component="section"
          aria-labelledby="security-two-factor-heading"
          style={{ alignSelf: 'start' }}
        >
          <Title order={2} size="h3" mb="md" id="security-two-factor-heading">
            {t('security.twoFactor.heading')}
          </Title>
          <TwoFactorSection email={viewer.email} />
        </Paper>
        <Paper
          withBorder
          p="lg"
          component="section"
          aria-labelledby="security-sessions-heading"
          style={{ alignSelf: 'start' }}
        >
          <Title order={2} size="h3" mb="md" id="security-sessions-heading">
            {t('security.sessions.heading')}
          </Title>
          <SessionsSection />
        </Paper>
        <Paper
          withBorder
          p="lg"
          component="section"
          aria-labelledby="security-push-heading"
          style={{ alignSelf: 'start' }}
        >
          <Title order={2} size="h3" mb="md" id="security-push-heading">
            {t('security.push.heading')}
          </Title>
          <PushDevicesSection />
        </Paper>
        <Paper
          withBorder
          p="lg"
          component="section"
          id={DATA_SECTION_ID}
          aria-labelledby="security-data-heading"
          style={{ alignSelf: 'start' }}
        >
          <Title order={2} size="h3" mb="md" id="security-data-heading">
            {t('security.data.heading')}
          </Title>
          <DataExportSection />
        </Paper>
        <Paper
          withBorder
          p="lg"
          component="section"
          aria-labelledby="security-delete-heading"
          className="convene-danger-zone"
          style={{ alignSelf: 'start' }}
        >
          <Title order={2} size="h3" mb="md" id="security-delete-heading">
            {t('security.delete.heading')}
          </Title>
          <DeleteAccountSection twoFactorEnabled={viewer.twoFactorEnabled} dataSectionId={DATA_SECTION_ID} />
        </Paper>
      </SimpleGrid>
    </>
  );
}
