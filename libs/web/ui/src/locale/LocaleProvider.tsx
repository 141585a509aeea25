import { useDirection } from '@mantine/core';
import { useCallback, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@convene/shared-contracts';
import { LocaleContext } from './LocaleContext';
import { applyDocumentLocale, directionOf, storeLocale } from './locale-preference';

/** Keeps i18next, Mantine's direction and <html lang dir> in step with one locale value. */
export function LocaleProvider({ initialLocale, children }: { initialLocale: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();

  useLayoutEffect(() => {
    applyDocumentLocale(locale);
    setDirection(directionOf(locale));
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [locale, i18n, setDirection]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}
