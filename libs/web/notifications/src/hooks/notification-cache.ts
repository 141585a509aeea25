import type { ApolloCache, Reference } from '@apollo/client';
import { NotificationFieldsFragmentDoc, type NotificationFieldsFragment } from '@convene/web-data-access';
import type { NotificationView, NotificationsReadMessage } from '@convene/shared-contracts';

/** A notification from a socket message, as the cache holds one fetched with `NotificationFields`. */
export function toFragment(view: NotificationView): NotificationFieldsFragment {
  return {
    __typename: 'Notification',
    ...view,
    group: view.group && { __typename: 'GroupReference', ...view.group },
    actor: view.actor && { __typename: 'User', ...view.actor },
  };
}

/** The arguments a cached list was asked with, from its store name: `notifications({"first":8})`. */
function listArgs(storeFieldName: string): { first?: number; after?: number } {
  const open = storeFieldName.indexOf('(');
  if (open < 0) return {};
  try {
    return JSON.parse(storeFieldName.slice(open + 1, -1)) as { first?: number; after?: number };
  } catch {
    return {};
  }
}

/**
 * Puts new notifications at the top of every cached list (the bell, the centre at whatever length
 * it was opened) and sets the unread count: every view of them changes at once, with no request.
 */
export function showInCache(cache: ApolloCache, fresh: NotificationFieldsFragment[], unreadCount: number): void {
  const refs = fresh
    .map((data) => cache.writeFragment({ fragment: NotificationFieldsFragmentDoc, data }))
    .filter((ref): ref is Reference => !!ref);
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      unreadNotificationCount: () => unreadCount,
      notifications(existing: readonly Reference[] = [], { storeFieldName, readField }) {
        const { first, after } = listArgs(storeFieldName);
        if (after != null || !refs.length) return existing;
        const known = new Set(existing.map((ref) => readField<string>('id', ref)));
        const merged = [...refs.filter((ref) => !known.has(readField<string>('id', ref))), ...existing];
        merged.sort((a, b) => (readField<number>('seq', b) ?? 0) - (readField<number>('seq', a) ?? 0));
        return merged.slice(0, first ?? merged.length);
      },
    },
  });
}

/** Read marks made elsewhere (another tab, another device): the same notifications read here. */
export function markReadInCache(cache: ApolloCache, message: NotificationsReadMessage): void {
  const ids = new Set(message.ids);
  const marked = new Set<string>();
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      unreadNotificationCount: () => message.unreadCount,
      notifications(existing: readonly Reference[] = [], { readField }) {
        for (const ref of existing) {
          const id = readField<string>('id', ref);
          const seq = readField<number>('seq', ref);
          if (id && (ids.has(id) || (message.upToSeq != null && seq != null && seq <= message.upToSeq))) marked.add(id);
        }
        return existing;
      },
    },
  });
  const readAt = new Date().toISOString();
  for (const id of marked) {
    const entry = cache.identify({ __typename: 'Notification', id });
    if (entry) cache.modify({ id: entry, fields: { readAt: (current) => current ?? readAt } });
  }
}
