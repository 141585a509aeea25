import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { forgetOfflineCopies } from '../offline/offline-copies';
import type { Viewer } from './useViewer';

/**
 * After sign in or sign up: drop anything cached for a previous visitor (a session may have
 * ended without signing out), here and in the copies kept for reading offline, and refetch what is on screen, starting with `me`, so the shell
 * and guards see the new session.
 */
export function useRememberViewer(): (viewer: Viewer) => Promise<void> {
  const client = useApolloClient();
  return useCallback(
    async (_viewer: Viewer) => {
      await forgetOfflineCopies();
      // A refetch failing (an invitation that is now used, say) must not undo the sign-in.
      await client.resetStore().catch(() => undefined);
    },
    [client],
  );
}
