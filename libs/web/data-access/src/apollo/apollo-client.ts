// The one Apollo Client of the web app. Cookies carry the session, so requests stay on the
// same origin; the preflight header satisfies the API's CSRF prevention for every operation.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { ErrorCode } from '@convene/shared-contracts';
import { MeDocument } from '../generated/graphql';

export const GRAPHQL_PATH = '/graphql';

export function createApolloClient(): ApolloClient {
  const cache = new InMemoryCache();

  // When the session has ended (expired or revoked elsewhere), forget the viewer so the
  // route guard sends the person back to sign in instead of showing a broken page.
  const sessionLink = new ErrorLink(({ error, operation }) => {
    if (operation.operationName === 'Me' || !CombinedGraphQLErrors.is(error)) return;
    // A wrong password while signing in is UNAUTHENTICATED too, but says nothing about the session.
    const sessionEnded = error.errors.some(
      (e) => e.extensions?.['code'] === ErrorCode.Unauthenticated && e.extensions?.['reason'] !== 'INVALID_CREDENTIALS',
    );
    if (sessionEnded) {
      cache.writeQuery({ query: MeDocument, data: { me: null } });
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
