// This browser as a Web Push device: whether it can be one, its subscription (made through the
// service worker, which shows what is pushed), and forgetting it at sign-out. Every step is
// guarded: a browser without a service worker or push, or a worker not registered yet, is a
// state to show, never an error.
import type { ApolloClient } from '@apollo/client';
import { MyPushDevicesDocument, RemovePushDeviceDocument } from '../generated/graphql';

export type PushSupport = 'supported' | 'unsupported';

export function pushSupport(): PushSupport {
  return typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
    ? 'supported'
    : 'unsupported';
}

/** This browser's push subscription, when it has one (without waiting for a worker that may never come). */
export async function currentPushSubscription(): Promise<PushSubscription | null> {
  if (pushSupport() !== 'supported') return null;
  try {
    const registration = await navigator.serviceWorker.getRegistration();
    return (await registration?.pushManager.getSubscription()) ?? null;
  } catch {
    return null;
  }
}

/** The VAPID public key (base64url) as the bytes `pushManager.subscribe` takes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export type SubscribeOutcome =
  { kind: 'subscribed'; subscription: PushSubscriptionJSON } | { kind: 'denied' | 'unsupported' | 'no-worker' };

/** How long to wait for the service worker before saying it is not there. */
const WORKER_WAIT_MS = 10_000;

/** Asks permission, then subscribes through the service worker with the hub's key. */
export async function subscribeThisDevice(publicKey: string): Promise<SubscribeOutcome> {
  if (pushSupport() !== 'supported') return { kind: 'unsupported' };
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return { kind: 'denied' };
  const registration = await Promise.race([
    navigator.serviceWorker.ready,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), WORKER_WAIT_MS)),
  ]);
  if (!registration) return { kind: 'no-worker' };
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: keyBytes(publicKey),
  });
  return { kind: 'subscribed', subscription: subscription.toJSON() };
}

/**
 * Before signing out: this browser stops receiving the person's notifications (its device is
 * removed from the account and its subscription ended). Best effort, and quick: signing out never
 * waits on it for long.
 */
export async function forgetThisDevicePush(client: ApolloClient): Promise<void> {
  const forget = async () => {
    const subscription = await currentPushSubscription();
    if (!subscription) return;
    try {
      const { data } = await client.query({ query: MyPushDevicesDocument, fetchPolicy: 'network-only' });
      const own = data?.myPushDevices.find((device) => device.endpoint === subscription.endpoint);
      if (own) await client.mutate({ mutation: RemovePushDeviceDocument, variables: { id: own.id } });
    } finally {
      await subscription.unsubscribe().catch(() => false);
    }
  };
  await Promise.race([forget().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 3_000))]);
}
