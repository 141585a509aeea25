import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../locale/useLocale';
import { fileSizeParts } from './file-size.util';

/** A byte count in words for the current language, e.g. "2.4 MB". */
export function useFileSize(): (bytes: number) => string {
  const { t } = useTranslation('ui');
  const { locale } = useLocale();
  return useCallback(
    (bytes: number) => {
      const { n, unit } = fileSizeParts(bytes);
      return t(`units.${unit}`, { n: new Intl.NumberFormat(locale).format(n) });
    },
    [t, locale],
  );
}
