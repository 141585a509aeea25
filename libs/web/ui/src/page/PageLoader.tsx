import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PageLoader() {
  const { t } = useTranslation('ui');
  return (
    // The words are on the status region (a spinner is a plain span, which may not carry a label).
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden />
      <VisuallyHidden>{t('page.loading')}</VisuallyHidden>
    </Center>
  );
}
