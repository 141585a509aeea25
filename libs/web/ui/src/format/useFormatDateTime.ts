import { useCallback } from 'react';
import { useLocale } from '../locale/useLocale';

/** Formats an ISO date-time in the current language (and the viewer's time zone when given). */
export function useFormatDateTime(timeZone?: string): (iso: string) => string {
  const { locale } = useLocale();
  return useCallback(
    (iso: string) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      try {
        return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
      } catch {
        return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
      }
    },
    [locale, timeZone],
  );
}
