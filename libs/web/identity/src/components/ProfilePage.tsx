import { Paper, SimpleGrid, Title } from '@mantine/core';
import { useViewer } from '@convene/web-data-access';
import { PageLoader, PageTitle } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';

export function ProfilePage() {
  const { t } = useTranslation('identity');
  const { viewer } = useViewer();
  if (!viewer) return <PageLoader />;
  return (
    <>
      <PageTitle>{t('profile.title')}</PageTitle>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="profile-details-heading">
          <Title order={2} size="h3" mb="md" id="profile-details-heading">
            {t('profile.detailsHeading')}
          </Title>
          <ProfileForm key={viewer.id} viewer={viewer} />
        </Paper>
        <Paper withBorder p="lg" component="section" aria-labelledby="profile-password-heading" style={{ alignSelf: 'start' }}>
          <Title order={2} size="h3" mb="md" id="profile-password-heading">
            {t('profile.passwordHeading')}
          </Title>
          <ChangePasswordForm />
        </Paper>
      </SimpleGrid>
    </>
  );
}
