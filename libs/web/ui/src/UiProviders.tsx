// Mantine's foundations; each component's own stylesheet comes with the module that uses it
// (apps/web/mantine-styles.plugin.ts), so a page loads the styles of its components only. The
// theme's CSS variables are written by MantineProvider (all of them, not only those that differ
// from the defaults), so the 27 KB sheet of default variables is not needed.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/global.css';
import './theme/global.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import type { i18n as I18n } from 'i18next';
import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Locale } from '@convene/shared-contracts';
import { LocaleProvider } from './locale/LocaleProvider';
import { directionOf } from './locale/locale-preference';
import { cssVariablesResolver, theme } from './theme/theme';
import { FocusFirstInvalid } from './forms/FocusFirstInvalid';

// Toasts wait in their store until this loads: no first page needs its code to be used.
const Toasts = lazy(() => import('./feedback/Toasts'));

/** The toasts' code is fetched with the first toast, and stays. */
function ToastsOnceShown() {
  const { notifications, queue } = useNotifications();
  const [shown, setShown] = useState(false);
  if (!shown && notifications.length + queue.length > 0) setShown(true);
  return shown ? (
    <Suspense>
      <Toasts />
    </Suspense>
  ) : null;
}

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
        <MantineProvider
          theme={theme}
          forceColorScheme="light"
          cssVariablesResolver={cssVariablesResolver}
          deduplicateCssVariables={false}
        >
          <ToastsOnceShown />
          <FocusFirstInvalid />
          {/* Until the texts of a language other than English have come (the first load in Arabic). */}
          <Suspense>
            <LocaleProvider initialLocale={initialLocale}>{children}</LocaleProvider>
          </Suspense>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}
