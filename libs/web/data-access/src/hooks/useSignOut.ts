import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { SignOutDocument } from '../generated/graphql';
import { forgetOfflineCopies } from '../offline/offline-copies';

/**
 * Ends the session, then forgets every cached result (nothing of it stays in memory, nor on the
 * device for reading offline) and refetches what is on screen, so `me` turns null everywhere.
 */
export function useSignOut(): { signOut: () => Promise<void>; signingOut: boolean } {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SignOutDocument);
  const signOut = useCallback(async () => {
    try {
      // While still signed in: this browser's device leaves the account, so no push follows the person
      // out. Fetched when needed (no first load carries it); signing out goes on without it if it can't be.
      await import('../push/push-device')
        .then(({ forgetThisDevicePush }) => forgetThisDevicePush(client))
        .catch(() => undefined);
      await mutate();
    } finally {
      await forgetOfflineCopies();
      await client.resetStore().catch(() => undefined);
    }
  }, [client, mutate]);
  return { signOut, signingOut: loading };
}
