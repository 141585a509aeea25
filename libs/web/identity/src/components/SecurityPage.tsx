import { Paper, SimpleGrid, Title } from '@mantine/core';
import { useViewer } from '@convene/web-data-access';
import { PageLoader, PageTitle } from '@convene/web-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataExportSection } from './DataExportSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { PushDevicesSection } from './PushDevicesSection';
import { SessionsSection } from './SessionsSection';
import { TwoFactorSection } from './TwoFactorSection';
import './identity.css';

const DATA_SECTION_ID = 'security-data';

/** A titled part of the Security page, named by its heading. */
function SecuritySection({
  name,
  heading,
  id,
  className,
  children,
}: {
  name: string;
  heading: string;
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      id={id}
      aria-labelledby={`security-${name}-heading`}
      className={className}
      style={{ alignSelf: 'start' }}
    >
      <Title order={2} size="h3" mb="md" id={`security-${name}-heading`}>
        {heading}
      </Title>
      {children}
    </Paper>
  );
}

/** /settings/security: two-factor sign-in, signed-in devices, devices showing notifications, a copy of one's data, and deleting the account. */
export function SecurityPage() {
  const { t } = useTranslation('account');
  const { viewer } = useViewer();
  if (!viewer) return <PageLoader />;
  return (
    <>
      <PageTitle>{t('security.title')}</PageTitle>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SecuritySection name="two-factor" heading={t('security.twoFactor.heading')}>
          <TwoFactorSection email={viewer.email} />
        </SecuritySection>
        <SecuritySection name="sessions" heading={t('security.sessions.heading')}>
          <SessionsSection />
        </SecuritySection>
        <SecuritySection name="push" heading={t('security.push.heading')}>
          <PushDevicesSection />
        </SecuritySection>
        <SecuritySection name="data" heading={t('security.data.heading')} id={DATA_SECTION_ID}>
          <DataExportSection />
        </SecuritySection>
        <SecuritySection name="delete" heading={t('security.delete.heading')} className="convene-danger-zone">
          <DeleteAccountSection twoFactorEnabled={viewer.twoFactorEnabled} dataSectionId={DATA_SECTION_ID} />
        </SecuritySection>
      </SimpleGrid>
    </>
  );
}
