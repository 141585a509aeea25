import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './useErrorMessage';

export interface PageErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** Replaces a page's content when its data could not be loaded. */
export function PageError({ error, onRetry }: PageErrorProps) {
  const { t } = useTranslation('ui');
  const describe = useErrorMessage();
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
