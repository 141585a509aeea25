import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { MeDocument } from '../generated/graphql';
import type { Viewer } from './useViewer';

/**
 * After sign in or sign up: drop anything cached for a previous visitor and store the new
 * viewer, so guards and the shell see the session at once without another request.
 */
export function useRememberViewer(): (viewer: Viewer) => Promise<void> {
  const client = useApolloClient();
  return useCallback(
    async (viewer: Viewer) => {
      await client.clearStore();
      client.writeQuery({ query: MeDocument, data: { me: viewer } });
    },
    [client],
  );
}
