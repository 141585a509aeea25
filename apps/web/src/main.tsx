import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient, RealtimeProvider } from '@convene/web-data-access';
import { discussionsResources } from '@convene/web-discussions';
import { documentsResources } from '@convene/web-documents';
import { groupsResources } from '@convene/web-groups';
import { identityResources } from '@convene/web-identity';
import { meetingsResources } from '@convene/web-meetings';
import { notificationsResources } from '@convene/web-notifications';
import { submissionsResources } from '@convene/web-submissions';
import { applyDocumentLocale, createI18n, detectInitialLocale, UiProviders } from '@convene/web-ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { appResources } from './i18n/app-resources';

const locale = detectInitialLocale();
applyDocumentLocale(locale);
const i18n = createI18n(
  {
    app: appResources,
    identity: identityResources,
    groups: groupsResources,
    notifications: notificationsResources,
    discussions: discussionsResources,
    documents: documentsResources,
    meetings: meetingsResources,
    submissions: submissionsResources,
  },
  locale,
);
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
