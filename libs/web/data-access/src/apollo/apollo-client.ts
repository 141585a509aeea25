// The one Apollo Client of the web app. Cookies carry the session, so requests stay on the
// same origin; the preflight header satisfies the API's CSRF prevention for every operation.
// Operations go out as persisted documents: their hash, not their text.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { getOperationAST, type DocumentNode } from 'graphql';
import { ErrorCode } from '@convene/shared-contracts';
import { MeDocument } from '../generated/graphql';

export const GRAPHQL_PATH = '/graphql';

/**
 * UNAUTHENTICATED reasons about what was just typed (a wrong password, a missing or wrong
 * two-factor code), which say nothing about the session.
 */
const CREDENTIAL_REASONS = new Set(['INVALID_CREDENTIALS', 'TWO_FACTOR_CODE_NEEDED', 'TWO_FACTOR_CODE_INVALID']);

export interface ApolloClientOptions {
  /**
   * Send each operation's text with its hash (development): the API then checks that the two
   * agree, and runs an operation edited since it loaded the manifest.
   */
  sendDocumentText?: boolean;
}

/**
 * The hash codegen put on a generated document: sha256 of the text this client sends for it, which
 * libs/web/data-access/src/generated/persisted-documents.json holds for the API.
 */
function persistedDocumentHash(document: DocumentNode): string {
  const meta = '__meta__' in document ? document.__meta__ : undefined;
  if (meta && typeof meta === 'object' && 'hash' in meta && typeof meta.hash === 'string') return meta.hash;
  throw new Error(
    `${getOperationAST(document)?.name?.value ?? 'An operation'} is not a generated document: the API knows only the operations in libs/web/*/src/graphql`,
  );
}

export function createApolloClient({ sendDocumentText = false }: ApolloClientOptions = {}): ApolloClient {
  const cache = new InMemoryCache();

  // When the session has ended (expired or revoked elsewhere), forget the viewer so the
  // route guard sends the person back to sign in instead of showing a broken page. When the
  // person's role needs two-factor sign-in that is not on yet, mark the viewer so the guard
  // sends them to set it up.
  const sessionLink = new ErrorLink(({ error, operation }) => {
    if (operation.operationName === 'Me' || !CombinedGraphQLErrors.is(error)) return;
    const sessionEnded = error.errors.some(
      (e) =>
        e.extensions?.['code'] === ErrorCode.Unauthenticated &&
        !CREDENTIAL_REASONS.has(String(e.extensions?.['reason'])),
    );
    if (sessionEnded) {
      cache.writeQuery({ query: MeDocument, data: { me: null } });
      return;
    }
    if (error.errors.some((e) => e.extensions?.['reason'] === 'TWO_FACTOR_SETUP_REQUIRED')) {
      cache.updateQuery({ query: MeDocument }, (data) =>
        data?.me ? { me: { ...data.me, twoFactorSetupRequired: true } } : data,
      );
    }
  });

  const httpLink = new HttpLink({
    uri: GRAPHQL_PATH,
    credentials: 'same-origin',
    headers: { 'apollo-require-preflight': 'true' },
  });

  // Only the hash goes out. Should the API not know it (a tab older than the running release), the
  // link asks once more with the text, which a production API refuses with DOCUMENT_NOT_ALLOWED.
  const persistedLink = new PersistedQueryLink({ generateHash: persistedDocumentHash });
  const withTextLink = new ApolloLink((operation, forward) => {
    operation.setContext(({ http }: { http?: Record<string, unknown> }) => ({ http: { ...http, includeQuery: true } }));
    return forward(operation);
  });

  return new ApolloClient({
    cache,
    link: ApolloLink.from([sessionLink, persistedLink, ...(sendDocumentText ? [withTextLink] : []), httpLink]),
  });
}
