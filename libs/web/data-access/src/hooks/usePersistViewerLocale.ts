import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { UpdateViewerLocaleDocument } from '../generated/graphql';
import type { Viewer } from './useViewer';

/** Saves a language chosen in the header to the signed-in person's profile. */
export function usePersistViewerLocale(): (viewer: Viewer, locale: string) => Promise<void> {
  const [mutate] = useMutation(UpdateViewerLocaleDocument);
  return useCallback(
    async (viewer: Viewer, locale: string) => {
      await mutate({
        variables: {
          input: {
            displayName: viewer.displayName,
            timeZone: viewer.timeZone,
            locale,
          },
        },
      });
    },
    [mutate],
  );
}
