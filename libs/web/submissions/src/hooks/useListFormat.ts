import { useLocale } from '@convene/web-ui';
import { useCallback } from 'react';

/** Joins names as the current language does ("A, B and C" / "A وB وC"). */
export function useListFormat(): (items: string[]) => string {
  const { locale } = useLocale();
  return useCallback((items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items), [locale]);
}
