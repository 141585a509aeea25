import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** Says, while the device is offline, what still works: reading what was opened here before. */
export function OfflineBanner() {
  const { t } = useTranslation('app');
  if (useOnline()) return null;
  return (
    <Alert role="status" color="yellow" variant="light" py="xs" mb="md" title={t('offline.title')}>
      {t('offline.body')}
    </Alert>
  );
}
