// One i18next instance for the app. Each lib brings its own namespace in English and Arabic;
// the app passes them in, so no lib needs to know about the others: the shell's texts at the
// start, a feature's fetched in the language shown when its pages load, so a first visit
// carries only the texts it shows.
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@convene/shared-contracts';
import { UI_NAMESPACE } from './ui-resources';
import { uiEn } from './locales/ui.en';
import { uiTranslations } from './ui-translations';
import { isolateForeign } from './isolate';
import { isLocale } from '../locale/locale-preference';

// The value types of the namespaces differ per lib; only their en/ar split matters here.
type AnyNamespaceResources = { en: Record<string, unknown>; ar?: Record<string, unknown> };

/** How to fetch one namespace's texts in each language (a dynamic import each). */
export type TranslationLoaders = Record<Locale, () => Promise<Record<string, unknown>>>;

/**
 * `namespaces` are there from the start, in English and, where given, Arabic (the shell's texts
 * are in English unless given; their Arabic is fetched when shown). `loaders` fetch a namespace
 * the first time something asks for it (`i18n.loadNamespaces`, or a component reading it), in the
 * language shown and in English, the fallback. A change of language fetches the new language's
 * texts of every namespace used so far before it shows them.
 */
export function createI18n(
  namespaces: Record<string, AnyNamespaceResources>,
  locale: Locale,
  loaders: Record<string, TranslationLoaders> = {},
): I18n {
  const all: Record<string, AnyNamespaceResources> = { [UI_NAMESPACE]: { en: uiEn }, ...namespaces };
  const load: Record<string, TranslationLoaders> = { [UI_NAMESPACE]: uiTranslations, ...loaders };
  const resources: Resource = { en: {}, ar: {} };
  for (const [namespace, { en, ar }] of Object.entries(all)) {
    resources['en'][namespace] = en;
    if (ar) resources['ar'][namespace] = ar;
  }
  const backend = {
    type: 'backend' as const,
    callbackApi: false,
    read: (language: string, namespace: string) =>
      isLocale(language) && load[namespace] ? load[namespace][language]() : Promise.resolve({}),
  };
  const instance = i18next.createInstance();
  void instance
    .use(initReactI18next)
    .use(backend)
    .init({
      resources,
      partialBundledLanguages: true,
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
