import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './useErrorMessage';

export interface ErrorAlertProps {
  error: unknown;
  /** Replaces the generic title and message (for example a sign-in failure). */
  message?: string | null;
}

/** A form- or section-level error, announced to screen readers as it appears. */
export function ErrorAlert({ error, message }: ErrorAlertProps) {
  const { t } = useTranslation('ui');
  const describe = useErrorMessage();
  if (!error && !message) return null;
  return (
    <Alert color="red" variant="light" title={message ? undefined : t('errors.title')} role="alert" mb="md">
      {message ?? describe(error)}
    </Alert>
  );
}
