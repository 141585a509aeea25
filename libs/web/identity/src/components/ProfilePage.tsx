import { Badge, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useViewer } from '@convene/web-data-access';
import { DataSaverSwitch, PageLoader, PageTitle, paths } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';

export function ProfilePage() {
  const { t } = useTranslation(['identity', 'account']);
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
        <Stack gap="lg" style={{ alignSelf: 'start' }}>
          <Paper withBorder p="lg" component="section" aria-labelledby="profile-password-heading">
            <Title order={2} size="h3" mb="md" id="profile-password-heading">
              {t('profile.passwordHeading')}
            </Title>
            <ChangePasswordForm />
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="profile-security-heading">
            <Title order={2} size="h3" mb="md" id="profile-security-heading">
              {t('account:security.title')}
            </Title>
            <Stack gap="md" align="flex-start">
              <Text size="sm">{t('account:security.profileLinkIntro')}</Text>
              <Badge color={viewer.twoFactorEnabled ? 'teal' : 'gray'} variant="light" c="gray.9" tt="none">
                {viewer.twoFactorEnabled ? t('account:security.twoFactorOn') : t('account:security.twoFactorOff')}
              </Badge>
              <Button component={Link} to={paths.security()} variant="light">
                {t('account:security.profileLink')}
              </Button>
            </Stack>
          </Paper>
          {/* What data costs belongs to the device, not the account: kept in this browser only. */}
          <Paper withBorder p="lg" component="section" aria-labelledby="profile-device-heading">
            <Title order={2} size="h3" mb="md" id="profile-device-heading">
              {t('profile.deviceHeading')}
            </Title>
            <DataSaverSwitch />
          </Paper>
        </Stack>
      </SimpleGrid>
    </>
  );
}
