import { Text } from '@mantine/core';
import { useViewer } from '@convene/web-data-access';
import { PageTitle } from '@convene/web-ui';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';

/** Network admin pages. Nested in RequireViewer, so a viewer is known here. */
export function RequireAdmin() {
  const { t } = useTranslation('app');
  const { viewer } = useViewer();
  if (viewer?.networkRole !== 'ADMIN') {
    return (
      <>
        <PageTitle>{t('forbidden.title')}</PageTitle>
        <Text>{t('forbidden.body')}</Text>
      </>
    );
  }
  return <Outlet />;
}
