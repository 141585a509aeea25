import { useApolloClient, useQuery } from '@apollo/client/react';
import { LIMITS } from '@convene/shared-contracts';
import { ThreadDocument, type ThreadQuery } from '@convene/web-data-access';
import { usePageSize } from '@convene/web-ui';
import { useCallback, useRef, useState } from 'react';

/** Posts asked for at a time: as many as one request may (about half with data saver on). */
export const POSTS_PAGE = LIMITS.discussionPageMax;

type Thread = ThreadQuery['thread'];

/**
 * A discussion and its posts, a page at a time. Later pages are merged into the first page's
 * result, so everything shown stays in one cached list; `refresh` brings all of it up to date
 * (after a live change) without dropping the pages already shown.
 */
export function useThreadPosts(id: string) {
  const client = useApolloClient();
  const first = usePageSize(POSTS_PAGE);
  // From the server on each visit: the read position and what is new must be today's, not the
  // cache's from an earlier visit. Changes after that come through the cache.
  const query = useQuery(ThreadDocument, {
    variables: { id, first },
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'cache-first',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  /** What is shown now, read from the cache (effects of the page may run before a render caught up). */
  const current = useCallback(
    () => client.readQuery({ query: ThreadDocument, variables: { id, first } })?.thread,
    [client, id, first],
  );

  const write = useCallback(
    (thread: Thread) => client.writeQuery({ query: ThreadDocument, variables: { id, first }, data: { thread } }),
    [client, id, first],
  );

  /** Fetches the pages after `thread`'s last one until `enough` says so; returns the merged thread. */
  const extend = useCallback(
    async (thread: Thread, enough: (merged: Thread) => boolean): Promise<Thread> => {
      let merged = thread;
      while (merged.posts.hasNextPage && merged.posts.endCursor && !enough(merged)) {
        const { data } = await client.query({
          query: ThreadDocument,
          variables: { id, first, after: merged.posts.endCursor },
          fetchPolicy: 'network-only',
        });
        if (!data) break;
        const page = data.thread.posts;
        merged = { ...merged, posts: { ...page, nodes: [...merged.posts.nodes, ...page.nodes] } };
      }
      return merged;
    },
    [client, id, first],
  );

  const loadMore = useCallback(async () => {
    const thread = current();
    if (!thread) return;
    setLoadingMore(true);
    try {
      const shown = thread.posts.nodes.length;
      write(await extend(thread, (merged) => merged.posts.nodes.length > shown));
    } finally {
      setLoadingMore(false);
    }
  }, [current, extend, write]);

  /** Loads pages until the post is among those shown (or there are none left); true if it is. */
  const reveal = useCallback(
    async (postId: string): Promise<boolean> => {
      const thread = current();
      if (!thread) return false;
      const has = (t: Thread) => t.posts.nodes.some((p) => p.id === postId);
      if (has(thread)) return true;
      const merged = await extend(thread, has);
      write(merged);
      return has(merged);
    },
    [current, extend, write],
  );

  // One refresh at a time; a change that arrives during one asks for another after it.
  const running = useRef<Promise<Thread | undefined> | null>(null);
  const again = useRef(false);
  /** Fetches everything shown again; resolves to the discussion as it now is. */
  const refresh = useCallback((): Promise<Thread | undefined> => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const run = async () => {
      let fresh: Thread | undefined;
      do {
        again.current = false;
        const shown = fresh?.posts.nodes.length ?? current()?.posts.nodes.length ?? 0;
        const { data } = await client.query({
          query: ThreadDocument,
          variables: { id, first },
          fetchPolicy: 'network-only',
        });
        if (!data) return fresh;
        // Written order only grows at the end: as many posts as were shown cover every post shown.
        fresh = await extend(data.thread, (t) => t.posts.nodes.length >= shown);
        if (fresh !== data.thread) write(fresh);
      } while (again.current);
      return fresh;
    };
    running.current = run()
      .catch((error: unknown) => {
        console.warn('Refreshing the discussion failed', error);
        return undefined;
      })
      .finally(() => void (running.current = null));
    return running.current;
  }, [client, id, first, current, extend, write]);

  return {
    thread: query.data?.thread,
    loading: query.loading && !query.data,
    error: query.error,
    retry: query.refetch,
    loadingMore,
    loadMore,
    reveal,
    refresh,
  };
}
