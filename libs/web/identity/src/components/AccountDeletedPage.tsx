import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AuthCard } from './AuthCard';
import { paths } from '@convene/web-ui';

/** /account-deleted: where someone lands after deleting their account (they are signed out by then). */
export function AccountDeletedPage() {
  const { t } = useTranslation('identity');
  return (
    <AuthCard title={t('accountDeleted.title')}>
      <Stack gap="md" align="flex-start">
        <Text size="sm">{t('accountDeleted.body')}</Text>
        <Text size="sm">{t('accountDeleted.posts')}</Text>
        <Button component={Link} to={paths.home()} variant="light">
          {t('accountDeleted.home')}
        </Button>
      </Stack>
    </AuthCard>
  );
}
