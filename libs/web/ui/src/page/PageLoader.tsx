import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PageLoader() {
  const { t } = useTranslation('ui');
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-label={t('page.loading')} />
    </Center>
  );
}
