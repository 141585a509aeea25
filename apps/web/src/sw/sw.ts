/// <reference lib="webworker" />
// The service worker: the app shell kept on the device, the pages a person last read kept for
// reading offline, and Web Push shown as notifications.
//
// - The shell (index.html, its scripts and styles, icons, the offline page) is precached when a
//   version installs. A new version waits until the person accepts "reload to update": one version
//   runs at a time, never a mix.
// - Other scripts and styles (a feature's pages) are kept as they are first loaded: their names
//   carry their content's hash, so a kept copy is never stale.
// - The answers of the reading queries (a discussion, a meeting, the groups and calendar around
//   them) are kept from the network, and given back only when the network cannot be reached. They
//   are private: the page deletes them when the person signs out, and this worker deletes them
//   as soon as an answer says nobody is signed in.
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import {
  OFFLINE_READING_CACHE,
  READING_OPERATIONS,
  SW_MESSAGES,
  type PushPayload,
} from '@convene/web-data-access/offline';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

const API_PATHS = /^\/(graphql|api|health|socket\.io|metrics)(\/|$)/;
/** The header a kept answer carries when it is given back offline (when it was kept). */
const OFFLINE_COPY_HEADER = 'X-Convene-Offline-Copy';

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every page of the app is the same shell; the router inside it draws the page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [API_PATHS] }));

registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin &&
    url.pathname.startsWith('/assets/') &&
    (request.destination === 'script' || request.destination === 'style'),
  new CacheFirst({
    cacheName: 'convene-assets',
    plugins: [new ExpirationPlugin({ maxEntries: 150, maxAgeSeconds: 60 * 24 * 60 * 60 })],
  }),
);

registerRoute(({ url }) => url.origin === self.location.origin && url.pathname === '/graphql', readingQuery, 'POST');

// A navigation that fails outside the app (a file's address, say) lands on the offline page.
setCatchHandler(async ({ request }) => {
  if (request.destination === 'document') return (await matchPrecache('/offline.html')) ?? Response.error();
  return Response.error();
});

interface GraphQLBody {
  operationName?: string;
  variables?: Record<string, unknown>;
}

/**
 * A reading query goes to the network; its answer is kept for reading offline, and given back
 * (marked as a kept copy) only when the network cannot be reached. Anything else passes as sent.
 */
async function readingQuery({ request }: { request: Request }): Promise<Response> {
  const body = (await request
    .clone()
    .json()
    .catch(() => null)) as GraphQLBody | null;
  const operation = body?.operationName;
  if (!operation || !READING_OPERATIONS.has(operation)) return fetch(request);
  const key = new Request(
    `/offline-reading/${encodeURIComponent(operation)}?variables=${encodeURIComponent(JSON.stringify(body.variables ?? {}))}`,
  );
  let answer: Response;
  try {
    answer = await fetch(request);
  } catch (error) {
    const kept = await (await caches.open(OFFLINE_READING_CACHE)).match(key);
    if (kept) return kept;
    throw error;
  }
  if (answer.ok) await keep(operation, key, answer.clone());
  return answer;
}

async function keep(operation: string, key: Request, answer: Response): Promise<void> {
  const text = await answer.text();
  let parsed: { data?: Record<string, unknown> | null; errors?: unknown[] };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return;
  }
  // Nobody signed in (signed out elsewhere, the session ended): nothing private stays.
  if (operation === 'Me' && parsed.data && parsed.data['me'] === null) {
    await caches.delete(OFFLINE_READING_CACHE);
    return;
  }
  if (!parsed.data || parsed.errors?.length) return;
  const headers = new Headers({ 'Content-Type': 'application/json', [OFFLINE_COPY_HEADER]: new Date().toISOString() });
  await (await caches.open(OFFLINE_READING_CACHE)).put(key, new Response(text, { headers }));
}

self.addEventListener('message', (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === SW_MESSAGES.skipWaiting) void self.skipWaiting();
  if (type === SW_MESSAGES.forgetPrivate) event.waitUntil(caches.delete(OFFLINE_READING_CACHE));
});

self.addEventListener('push', (event) => {
  const payload = readPush(event.data);
  if (!payload) return;
  event.waitUntil(
    self.registration.showNotification(payload.title, {
      body: payload.body,
      tag: payload.tag,
      data: { url: payload.url },
      icon: '/icons/icon-192.png',
      badge: '/icons/badge-96.png',
      lang: payload.lang,
      dir: payload.lang === 'ar' ? 'rtl' : 'ltr',
    }),
  );
});

function readPush(data: PushMessageData | null): PushPayload | null {
  try {
    const payload = data?.json() as Partial<PushPayload> | undefined;
    if (!payload || typeof payload.title !== 'string') return null;
    return {
      title: payload.title,
      body: typeof payload.body === 'string' ? payload.body : '',
      url: typeof payload.url === 'string' && payload.url.startsWith('/') ? payload.url : '/notifications',
      tag: typeof payload.tag === 'string' ? payload.tag : undefined,
      lang: typeof payload.lang === 'string' ? payload.lang : undefined,
    };
  } catch {
    return null;
  }
}

// A tap opens the page it is about: in a window of the app already open (its router moves there),
// or in a new one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = (event.notification.data as { url?: string } | null)?.url ?? '/notifications';
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window' });
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        open.postMessage({ type: SW_MESSAGES.navigate, url: path });
        await open.focus();
        return;
      }
      await self.clients.openWindow(new URL(path, self.location.origin).href);
    })(),
  );
});
