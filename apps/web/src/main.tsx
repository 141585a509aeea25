import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient, RealtimeProvider } from '@convene/web-data-access';
import { applyDocumentLocale, UiProviders } from '@convene/web-ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { i18n, initialLocale as locale } from './i18n/app-i18n';

applyDocumentLocale(locale);
const apolloClient = createApolloClient({ sendDocumentText: import.meta.env.DEV });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ApolloProvider client={apolloClient}>
      <RealtimeProvider>
        <UiProviders i18n={i18n} initialLocale={locale}>
          <App />
        </UiProviders>
      </RealtimeProvider>
    </ApolloProvider>
  </StrictMode>,
);
