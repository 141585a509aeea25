// One i18next instance for the app. Each lib brings its own namespace in English and Arabic;
// the app passes them all in, so no lib needs to know about the others.
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@convene/shared-contracts';
import { UI_NAMESPACE, uiResources } from './ui-resources';
import { isolateForeign } from './isolate';

// The value types of the namespaces differ per lib; only their en/ar split matters here.
type AnyNamespaceResources = { en: Record<string, unknown>; ar: Record<string, unknown> };

export function createI18n(namespaces: Record<string, AnyNamespaceResources>, locale: Locale): I18n {
  const all: Record<string, AnyNamespaceResources> = { [UI_NAMESPACE]: uiResources, ...namespaces };
  const resources: Resource = { en: {}, ar: {} };
  for (const [namespace, { en, ar }] of Object.entries(all)) {
    resources['en'][namespace] = en;
    resources['ar'][namespace] = ar;
  }
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ar'],
    ns: Object.keys(all),
    defaultNS: UI_NAMESPACE,
    initAsync: false,
    // React escapes what it renders; the only "escaping" values need is their own direction.
    interpolation: { escapeValue: true, escape: (value: string) => isolateForeign(value, instance.language) },
    returnNull: false,
  });
  return instance;
}
