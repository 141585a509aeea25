// The one Apollo Client of the web app. Cookies carry the session, so requests stay on the
// same origin; the preflight header satisfies the API's CSRF prevention for every operation.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { ErrorCode } from '@convene/shared-contracts';
import { MeDocument } from '../generated/graphql';

export const GRAPHQL_PATH = '/graphql';

/**
 * UNAUTHENTICATED reasons about what was just typed (a wrong password, a missing or wrong
 * two-factor code), which say nothing about the session.
 */
const CREDENTIAL_REASONS = new Set(['INVALID_CREDENTIALS', 'TWO_FACTOR_CODE_NEEDED', 'TWO_FACTOR_CODE_INVALID']);

export function createApolloClient(): ApolloClient {
  const cache = new InMemoryCache();

  // When the session has ended (expired or revoked elsewhere), forget the viewer so the
  // route guard sends the person back to sign in instead of showing a broken page. When the
  // person's role needs two-factor sign-in that is not on yet, mark the viewer so the guard
  // sends them to set it up.
  const sessionLink = new ErrorLink(({ error, operation }) => {
    if (operation.operationName === 'Me' || !CombinedGraphQLErrors.is(error)) return;
    const sessionEnded = error.errors.some(
      (e) => e.extensions?.['code'] === ErrorCode.Unauthenticated && !CREDENTIAL_REASONS.has(String(e.extensions?.['reason'])),
    );
    if (sessionEnded) {
      cache.writeQuery({ query: MeDocument, data: { me: null } });
      return;
    }
    if (error.errors.some((e) => e.extensions?.['reason'] === 'TWO_FACTOR_SETUP_REQUIRED')) {
      cache.updateQuery({ query: MeDocument }, (data) => (data?.me ? { me: { ...data.me, twoFactorSetupRequired: true } } : data));
    }
  });

  const httpLink = new HttpLink({
    uri: GRAPHQL_PATH,
    credentials: 'same-origin',
    headers: { 'apollo-require-preflight': 'true' },
  });

  return new ApolloClient({
    cache,
    link: ApolloLink.from([sessionLink, httpLink]),
  });
}
