import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './theme/global.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Locale } from '@convene/shared-contracts';
import { LocaleProvider } from './locale/LocaleProvider';
import { directionOf } from './locale/locale-preference';
import { cssVariablesResolver, theme } from './theme/theme';
import { FocusFirstInvalid } from './forms/FocusFirstInvalid';

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
          {/* Below the page, never over the header and its buttons. */}
          <Notifications position="bottom-center" />
          <FocusFirstInvalid />
          <LocaleProvider initialLocale={initialLocale}>{children}</LocaleProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}
