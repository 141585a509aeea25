import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { MeDocument, type ViewerFieldsFragment } from '../generated/graphql';

export type Viewer = ViewerFieldsFragment;

export interface ViewerState {
  /** The signed-in person, or null when signed out (or not known yet). */
  viewer: Viewer | null;
  /** True only until the first answer arrives. */
  loading: boolean;
  error: unknown;
  refetch: () => void;
}

/** The signed-in person, from the `me` query. */
export function useViewer(): ViewerState {
  const { data, loading, error, refetch } = useQuery(MeDocument);
  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  return { viewer: data?.me ?? null, loading: loading && !data, error, refetch: retry };
}
