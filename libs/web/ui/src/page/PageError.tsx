import { toApiError } from '@convene/web-data-access';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './useErrorMessage';

export interface PageErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/**
 * Replaces a page's content when its data could not be loaded. Offline, a page that was never
 * opened on this device is said to be so (pages opened before are read from the device).
 */
export function PageError({ error, onRetry }: PageErrorProps) {
  const { t } = useTranslation('ui');
  const describe = useErrorMessage();
  if (!navigator.onLine && toApiError(error).code === 'NETWORK_ERROR') {
    return (
      <Alert color="gray" variant="light" title={t('errors.notSavedOffline.title')} role="alert">
        <Text size="sm">{t('errors.notSavedOffline.body')}</Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{describe(error)}</Text>
        {onRetry && (
          <Button variant="outline" color="red" size="xs" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
