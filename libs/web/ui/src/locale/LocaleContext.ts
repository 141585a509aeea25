import { createContext } from 'react';
import type { Locale } from '@convene/shared-contracts';

export interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const LocaleContext = createContext<LocaleContextValue | null>(null);
