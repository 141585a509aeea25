import { SW_MESSAGES } from '@convene/web-data-access/offline';
import { useCallback, useEffect, useState } from 'react';

/** How often an open tab asks whether a new version was published. */
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** The worker the build writes (vite-plugin-pwa, `injectManifest`): one script for the whole site. */
const WORKER_URL = '/sw.js';

/**
 * Registers the service worker and says when a new version has installed and waits. `update()`
 * lets it take over and reloads once it has, so the page never runs half of one version and half
 * of the next. On a first visit nothing waits: the worker installs and takes over at the next load.
 * (The browser's own API: workbox-window would add 2.4 KB to every first load for the same.)
 */
export function useServiceWorkerUpdate(): { waiting: boolean; dismiss(): void; update(): void } {
  const [worker, setWorker] = useState<ServiceWorker | null>(null);

  useEffect(() => {
    const container = navigator.serviceWorker;
    if (!container || !import.meta.env.PROD) return;
    let stopped = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    let registration: ServiceWorkerRegistration | undefined;
    // A worker that installs while another runs this page is a new version; the first one is not.
    const offer = (candidate: ServiceWorker | null) => {
      if (!stopped && candidate && container.controller) setWorker(candidate);
    };
    const check = () => void registration?.update().catch(() => undefined);
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    container
      .register(WORKER_URL, { scope: '/' })
      .then((registered) => {
        registration = registered;
        offer(registered.waiting);
        registered.addEventListener('updatefound', () => {
          const installing = registered.installing;
          installing?.addEventListener('statechange', () => {
            if (installing.state === 'installed') offer(registered.waiting ?? installing);
          });
        });
        timer = setInterval(check, CHECK_EVERY_MS);
        document.addEventListener('visibilitychange', onVisible);
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  const update = useCallback(() => {
    if (!worker) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    worker.postMessage({ type: SW_MESSAGES.skipWaiting });
  }, [worker]);

  return { waiting: worker !== null, dismiss: () => setWorker(null), update };
}
