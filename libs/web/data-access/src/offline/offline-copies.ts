import { OFFLINE_READING_CACHE, SW_MESSAGES } from './sw-contract';

/**
 * Deletes what was kept on this device for reading offline (answers about the person's groups,
 * discussions and meetings): at sign-out, when another person signs in, when the account is
 * deleted. The worker is told too, in case an answer it is keeping lands after this.
 */
export async function forgetOfflineCopies(): Promise<void> {
  if (typeof caches === 'undefined') return;
  navigator.serviceWorker?.controller?.postMessage({ type: SW_MESSAGES.forgetPrivate });
  await caches.delete(OFFLINE_READING_CACHE).catch(() => undefined);
}
