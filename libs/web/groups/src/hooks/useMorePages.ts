import type { useQuery } from '@apollo/client/react';
import {
  GroupMembersDocument,
  GroupPendingRequestsDocument,
  type MembershipPageFieldsFragment,
  type WorkingGroupQuery,
  type WorkingGroupQueryVariables,
} from '@convene/web-data-access';
import { useCallback } from 'react';

type FetchMore = useQuery.Result<WorkingGroupQuery, WorkingGroupQueryVariables>['fetchMore'];
type PagedList = 'members' | 'pendingRequests';

/** The next page appended to what the group page shows; someone already shown (they moved meanwhile) once. */
function appended(
  previous: WorkingGroupQuery,
  list: PagedList,
  next: MembershipPageFieldsFragment | null,
): WorkingGroupQuery {
  const current = previous.workingGroup[list];
  if (!current || !next) return previous;
  const shown = new Set(current.nodes.map((m) => m.id));
  return {
    workingGroup: {
      ...previous.workingGroup,
      [list]: { ...next, nodes: [...current.nodes, ...next.nodes.filter((m) => !shown.has(m.id))] },
    },
  };
}

/**
 * "Show more" for the group page's member list and join requests: each loads the page after the
 * last one shown into the group page's own answer (so it stays in the cache with it).
 */
export function useMorePages(slug: string, fetchMore: FetchMore) {
  const members = useCallback(
    (after: string) =>
      fetchMore({
        query: GroupMembersDocument,
        variables: { slug, after },
        updateQuery: (previous, { fetchMoreResult }) =>
          appended(previous, 'members', fetchMoreResult.workingGroup.members),
      }),
    [fetchMore, slug],
  );
  const pendingRequests = useCallback(
    (after: string) =>
      fetchMore({
        query: GroupPendingRequestsDocument,
        variables: { slug, after },
        updateQuery: (previous, { fetchMoreResult }) =>
          appended(previous, 'pendingRequests', fetchMoreResult.workingGroup.pendingRequests),
      }),
    [fetchMore, slug],
  );
  return { members, pendingRequests };
}

export type MorePages = ReturnType<typeof useMorePages>;
