// The locale shown before anyone signs in: the last choice made on this device, else the
// browser's preferred languages, else English.
import { SUPPORTED_LOCALES, type Locale } from '@convene/shared-contracts';

const STORAGE_KEY = 'convene.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

export function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage can be disabled (private mode); the choice then lasts for this visit only.
  }
}

export function detectInitialLocale(): Locale {
  const stored = readStoredLocale();
  if (stored) return stored;
  for (const language of navigator.languages ?? [navigator.language]) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/**
 * Mirrors the locale onto <html> so the browser, assistive tech and CSS see it, and points to the
 * web app manifest in that language (the installed app's name).
 */
export function applyDocumentLocale(locale: Locale): void {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = directionOf(locale);
  document
    .querySelector('link[rel="manifest"]')
    ?.setAttribute('href', locale === 'en' ? '/manifest.webmanifest' : `/manifest.${locale}.webmanifest`);
}
