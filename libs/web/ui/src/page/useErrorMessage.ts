import { toApiError } from '@convene/web-data-access';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A readable, translated sentence for any error the API client can reject with. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation('ui');
  return useCallback((error: unknown) => t(`errors.${toApiError(error).code}`), [t]);
}
