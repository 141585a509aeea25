import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  NotificationsAfterDocument,
  NotificationsDocument,
  useRealtimeEvent,
  useRealtimeStatus,
  type NotificationFieldsFragment,
} from '@convene/web-data-access';
import { SOCKET_EVENTS } from '@convene/shared-contracts';
import { useNotify } from '@convene/web-ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { markReadInCache, showInCache, toFragment } from './notification-cache';
import { NotificationStream } from './notification-stream';
import { useNotificationText } from './useNotificationText';

export const BELL_SIZE = 8;
const MAX_TOASTS = 3;

/**
 * The bell's data, kept live: the newest notifications and the unread count. Socket messages
 * carry each new notification, written into the cache as it comes (with a toast) without a
 * request; a missed message, a (re)connect and a tab shown again fetch what came after the last
 * one shown. Read marks made in another tab arrive the same way. Mount it once.
 */
export function useNotificationFeed() {
  const client = useApolloClient();
  const { t } = useTranslation('notifications');
  const notify = useNotify();
  const describe = useNotificationText();
  const query = useQuery(NotificationsDocument, { variables: { first: BELL_SIZE } });
  const { connects } = useRealtimeStatus();

  // The latest toast helpers, for a stream made once; no toasts once the bell is gone.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);
  const announce = useRef<(fresh: NotificationFieldsFragment[]) => void>(() => undefined);
  announce.current = (fresh) => {
    if (!mounted.current) return;
    const unread = fresh.filter((n) => !n.readAt);
    if (unread.length > MAX_TOASTS) notify.info(t('toastMany', { count: unread.length }));
    else for (const n of unread) notify.info(describe(n));
  };
  const [stream] = useState(
    () =>
      new NotificationStream<NotificationFieldsFragment>({
        show: (fresh, unreadCount) => {
          showInCache(client.cache, fresh, unreadCount);
          if (fresh.length) announce.current(fresh);
        },
        fetchAfter: async (after, first) => {
          try {
            const { data } = await client.query({
              query: NotificationsAfterDocument,
              variables: { after, first },
              fetchPolicy: 'no-cache',
            });
            return data ? { notifications: data.notifications, unreadCount: data.unreadNotificationCount } : null;
          } catch (error) {
            console.warn('Catching up on notifications failed', error);
            return null;
          }
        },
      }),
  );

  useRealtimeEvent(SOCKET_EVENTS.notification, (message) =>
    stream.receive({ ...message, notification: toFragment(message.notification) }),
  );
  useRealtimeEvent(SOCKET_EVENTS.notificationsRead, (message) => markReadInCache(client.cache, message));

  // Messages continue from the newest notification of the first list. Each (re)connect catches up
  // on what was said while the socket was away (or before it first connected).
  const ready = query.data !== undefined;
  const newestLoaded = useRef(0);
  newestLoaded.current = query.data?.notifications[0]?.seq ?? 0;
  useEffect(() => {
    if (!ready || !connects) return;
    stream.start(newestLoaded.current);
    void stream.catchUp();
  }, [ready, connects, stream]);

  // A hidden tab may be throttled or lose messages: it catches up when it is shown again.
  useEffect(() => {
    const shown = () => {
      if (document.visibilityState === 'visible') void stream.catchUp();
    };
    document.addEventListener('visibilitychange', shown);
    return () => document.removeEventListener('visibilitychange', shown);
  }, [stream]);

  return {
    notifications: query.data?.notifications ?? [],
    unreadCount: query.data?.unreadNotificationCount ?? 0,
    loading: query.loading && !query.data,
    error: query.error,
    refetch: query.refetch,
  };
}
