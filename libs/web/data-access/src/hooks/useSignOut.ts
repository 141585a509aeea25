import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { SignOutDocument } from '../generated/graphql';

/**
 * Ends the session, then forgets every cached result (nothing of it stays in memory) and
 * refetches what is on screen, so `me` turns null everywhere.
 */
export function useSignOut(): { signOut: () => Promise<void>; signingOut: boolean } {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SignOutDocument);
  const signOut = useCallback(async () => {
    try {
      await mutate();
    } finally {
      await client.resetStore().catch(() => undefined);
    }
  }, [client, mutate]);
  return { signOut, signingOut: loading };
}
