import { useLocale } from '@convene/web-ui';
import { useCallback, useMemo } from 'react';
import { relativeTime } from '../utils/relative-time.util';

/** "5 minutes ago", "yesterday", in the current language. */
export function useRelativeTime(): (iso: string) => string {
  const { locale } = useLocale();
  const format = useMemo(() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }), [locale]);
  return useCallback(
    (iso: string) => {
      const { value, unit } = relativeTime(iso, Date.now());
      return format.format(value, unit);
    },
    [format],
  );
}
