import { useMutation } from '@apollo/client/react';
import type { ApolloCache } from '@apollo/client';
import {
  MarkNotificationsReadDocument,
  NotificationsDocument,
  type NotificationFieldsFragment,
} from '@convene/web-data-access';
import { useErrorMessage, useNotify } from '@convene/web-ui';
import { useCallback } from 'react';

type Marked = Pick<NotificationFieldsFragment, 'id' | 'seq' | 'readAt'>;

/**
 * Writes a read mark into the cache so every list and the bell change at once. The mutation
 * only returns the new unread count; the notifications it marked are the given ones.
 */
function markInCache(cache: ApolloCache, notifications: Marked[], unreadCount: number) {
  const readAt = new Date().toISOString();
  for (const notification of notifications) {
    const id = cache.identify({ __typename: 'Notification', id: notification.id });
    if (id) cache.modify({ id, fields: { readAt: (current) => current ?? readAt } });
  }
  cache.modify({ fields: { unreadNotificationCount: () => unreadCount } });
}

/** Marking one or all notifications read; failures show a toast and resolve to false. */
export function useMarkNotificationsRead() {
  const [mutate, { loading }] = useMutation(MarkNotificationsReadDocument);
  const notify = useNotify();
  const describeError = useErrorMessage();

  const run = useCallback(
    async (variables: { ids?: string[]; upToSeq?: number }, marked: Marked[]): Promise<boolean> => {
      try {
        await mutate({
          variables,
          // Marking all reaches notifications that only a longer list has loaded: reload those.
          refetchQueries: variables.upToSeq === undefined ? [] : [NotificationsDocument],
          update: (cache, { data }) => {
            if (data) markInCache(cache, marked, data.markNotificationsRead);
          },
        });
        return true;
      } catch (error) {
        notify.error(describeError(error));
        return false;
      }
    },
    [mutate, notify, describeError],
  );

  /** Marks one notification read (nothing to do when it already is). */
  const markRead = useCallback(
    (notification: Marked) =>
      notification.readAt ? Promise.resolve(true) : run({ ids: [notification.id] }, [notification]),
    [run],
  );

  /**
   * Marks everything up to the newest of `shown` read, including notifications that are not on
   * screen; `shown` are the ones whose cached read mark changes.
   */
  const markAllRead = useCallback(
    (shown: Marked[]) => {
      const newest = Math.max(0, ...shown.map((n) => n.seq));
      return run(
        { upToSeq: newest },
        shown.filter((n) => n.seq <= newest),
      );
    },
    [run],
  );

  return { markRead, markAllRead, marking: loading };
}
