// Mantine's foundations; each component's own stylesheet comes with the module that uses it
// (apps/web/mantine-styles.plugin.ts), so a page loads the styles of its components only.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import './theme/global.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import type { i18n as I18n } from 'i18next';
import { lazy, Suspense, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Locale } from '@convene/shared-contracts';
import { LocaleProvider } from './locale/LocaleProvider';
import { directionOf } from './locale/locale-preference';
import { cssVariablesResolver, theme } from './theme/theme';
import { FocusFirstInvalid } from './forms/FocusFirstInvalid';

// Toasts wait in their store until this loads: no first page needs its code to be used.
const Toasts = lazy(() => import('./feedback/Toasts'));

export interface UiProvidersProps {
  i18n: I18n;
  initialLocale: Locale;
  children: ReactNode;
}

/** Theme, direction, translations and toasts for everything below. */
export function UiProviders({ i18n, initialLocale, children }: UiProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(initialLocale)} detectDirection={false}>
        <MantineProvider theme={theme} forceColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
          <Suspense>
            <Toasts />
          </Suspense>
          <FocusFirstInvalid />
          <LocaleProvider initialLocale={initialLocale}>{children}</LocaleProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}
