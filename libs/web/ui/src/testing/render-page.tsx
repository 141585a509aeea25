// Component tests of the web's pages (Testing Library in jsdom): a page rendered as the app renders
// it — theme, direction, translations in the language asked for, toasts, a router at a given
// address — with Apollo's MockedProvider answering the GraphQL operations the test lists.
import type { MockedResponse } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { notifications } from '@mantine/notifications';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Locale } from '@convene/shared-contracts';
import { createI18n } from '../i18n/create-i18n';
import { UI_NAMESPACE, uiResources } from '../i18n/ui-resources';
import { UiProviders } from '../UiProviders';

type Resources = { en: Record<string, unknown>; ar: Record<string, unknown> };

export interface RenderPageOptions {
  /** The route pattern the page is mounted at, e.g. `/pitch/:slug`. */
  route: string;
  /** The address opened, e.g. `/pitch/pitch-an-idea`. */
  at: string;
  /** The feature namespaces the page reads, by name (e.g. `{ submissions: submissionsResources }`). */
  namespaces: Record<string, Resources>;
  /** The GraphQL answers, in the order the page asks. */
  mocks: MockedResponse[];
  locale?: Locale;
}

export function renderPage(page: ReactElement, options: RenderPageOptions): RenderResult {
  const locale = options.locale ?? 'en';
  // Toasts live in a store of their own, outside the page: none may carry over from a test before.
  notifications.clean();
  notifications.cleanQueue();
  const i18n = createI18n({ [UI_NAMESPACE]: uiResources, ...options.namespaces }, locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';
  return render(
    <MockedProvider mocks={options.mocks}>
      <UiProviders i18n={i18n} initialLocale={locale}>
        <MemoryRouter initialEntries={[options.at]}>
          <Routes>
            <Route path={options.route} element={page} />
          </Routes>
        </MemoryRouter>
      </UiProviders>
    </MockedProvider>,
  );
}
