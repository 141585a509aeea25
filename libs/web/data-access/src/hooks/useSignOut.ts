import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { MeDocument, SignOutDocument } from '../generated/graphql';

/** Ends the session and forgets every cached result, so nothing of it stays in memory. */
export function useSignOut(): { signOut: () => Promise<void>; signingOut: boolean } {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SignOutDocument);
  const signOut = useCallback(async () => {
    try {
      await mutate();
    } finally {
      await client.clearStore();
      client.writeQuery({ query: MeDocument, data: { me: null } });
    }
  }, [client, mutate]);
  return { signOut, signingOut: loading };
}
