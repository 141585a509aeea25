import { useApolloClient, useQuery } from '@apollo/client/react';
import { NotificationsAfterDocument, NotificationsDocument, useNotificationSocket, type NotificationFieldsFragment } from '@convene/web-data-access';
import { useNotify } from '@convene/web-ui';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotificationText } from './useNotificationText';

export const BELL_SIZE = 8;
const CATCH_UP_PAGE = 50;
const CATCH_UP_PAGES = 4;
const MAX_TOASTS = 3;

/**
 * The bell's data, kept live: the newest notifications and the unread count, brought up to date
 * on each socket signal and each (re)connect, with a toast for what is new. Mount it once.
 */
export function useNotificationFeed() {
  const client = useApolloClient();
  const { t } = useTranslation('notifications');
  const notify = useNotify();
  const describe = useNotificationText();
  const query = useQuery(NotificationsDocument, { variables: { first: BELL_SIZE } });
  const { signal, connects } = useNotificationSocket();

  // The newest sequence number this page has seen: null until the first list arrives.
  const lastSeq = useRef<number | null>(null);
  const running = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => void (alive.current = false);
  }, []);

  const announce = useCallback(
    (fresh: NotificationFieldsFragment[]) => {
      const unread = fresh.filter((n) => !n.readAt);
      if (unread.length > MAX_TOASTS) notify.info(t('toastMany', { count: unread.length }));
      else for (const n of unread) notify.info(describe(n));
    },
    [notify, t, describe],
  );

  const catchUp = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    try {
      do {
        again.current = false;
        const fresh: NotificationFieldsFragment[] = [];
        for (let page = 0; page < CATCH_UP_PAGES; page++) {
          const after = lastSeq.current ?? 0;
          const { data } = await client.query({ query: NotificationsAfterDocument, variables: { after, first: CATCH_UP_PAGE }, fetchPolicy: 'no-cache' });
          const items = (data?.notifications ?? []).filter((n) => n.seq > after);
          if (!items.length) break;
          fresh.push(...items);
          lastSeq.current = Math.max(after, ...items.map((n) => n.seq));
          if (items.length < CATCH_UP_PAGE) break;
        }
        if (fresh.length && alive.current) {
          announce(fresh);
          await client.refetchQueries({ include: [NotificationsDocument] });
        }
      } while (again.current && alive.current);
    } catch (error) {
      // The next signal or reconnect tries again.
      console.warn('Catching up on notifications failed', error);
    } finally {
      running.current = false;
    }
  }, [client, announce]);

  const ready = query.data !== undefined;
  // Read through a ref: only a signal, a reconnect or the first list should start a catch-up,
  // not each refetch of the list.
  const newestLoaded = useRef(0);
  newestLoaded.current = query.data?.notifications[0]?.seq ?? 0;
  useEffect(() => {
    if (!ready) return;
    if (lastSeq.current === null) lastSeq.current = newestLoaded.current;
    void catchUp();
  }, [ready, signal, connects, catchUp]);

  return {
    notifications: query.data?.notifications ?? [],
    unreadCount: query.data?.unreadNotificationCount ?? 0,
    loading: query.loading && !query.data,
    error: query.error,
    refetch: query.refetch,
  };
}
