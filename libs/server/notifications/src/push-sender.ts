import { Inject, Injectable } from '@nestjs/common';
import webpush from 'web-push';
import type { PushMessage } from '@convene/shared-contracts';
import { VAPID_KEYS, type WebPushIdentity } from './vapid-keys.js';

/** What the push service answered. */
export type PushOutcome =
  | { kind: 'sent' }
  /** 404 or 410: the subscription no longer exists; nothing will reach it again. */
  | { kind: 'gone'; status: number }
  /** Refused for this message (a 4xx): sending it again would be refused again. */
  | { kind: 'refused'; status: number; message: string }
  /** Throttled, a server error or no answer: worth trying again later. */
  | { kind: 'failed'; status: number | null; message: string };

export interface PushOptions {
  /** Seconds the push service keeps the message for a device that is offline. */
  ttl: number;
  urgency: 'very-low' | 'low' | 'normal' | 'high';
  /** Replaces a message still waiting at the push service with the same topic (≤ 32 base64url characters). */
  topic?: string;
}

/** The one door to the push services (RFC 8030), through web-push: encryption and VAPID signing. */
@Injectable()
export class PushSender {
  constructor(@Inject(VAPID_KEYS) private readonly identity: WebPushIdentity) {}

  get publicKey(): string {
    return this.identity.publicKey;
  }

  async send(
    device: { endpoint: string; p256dh: string; auth: string },
    message: PushMessage,
    options: PushOptions,
  ): Promise<PushOutcome> {
    const subscription = { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } };
    const payload = Buffer.from(JSON.stringify(message), 'utf8');
    const requestOptions = {
      vapidDetails: {
        subject: this.identity.subject,
        publicKey: this.identity.publicKey,
        privateKey: this.identity.privateKey,
      },
      TTL: options.ttl,
      urgency: options.urgency,
      ...(options.topic ? { topic: options.topic } : {}),
      timeout: TIMEOUT_MS,
    };
    // web-push speaks https alone. A plain-http push service (on this machine, outside production,
    // where the endpoint check lets one through) gets the very request web-push would have sent.
    if (new URL(device.endpoint).protocol === 'http:') return this.sendPlain(subscription, payload, requestOptions);
    try {
      await webpush.sendNotification(subscription, payload, requestOptions);
      return { kind: 'sent' };
    } catch (error) {
      if (!(error instanceof webpush.WebPushError))
        return { kind: 'failed', status: null, message: (error as Error).message };
      return outcomeOf(error.statusCode, `${error.message}: ${error.body}`);
    }
  }

  private async sendPlain(
    subscription: webpush.PushSubscription,
    payload: Buffer,
    options: webpush.RequestOptions,
  ): Promise<PushOutcome> {
    const request = webpush.generateRequestDetails(subscription, payload, options);
    try {
      const res = await fetch(request.endpoint, {
        method: request.method,
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
        body: request.body ? new Uint8Array(request.body as Buffer) : null,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (res.ok) return { kind: 'sent' };
      return outcomeOf(res.status, `Received unexpected response code: ${await res.text()}`);
    } catch (error) {
      return { kind: 'failed', status: null, message: (error as Error).message };
    }
  }
}

const TIMEOUT_MS = 15_000;

function outcomeOf(status: number, message: string): PushOutcome {
  if (status === 404 || status === 410) return { kind: 'gone', status };
  if (status >= 400 && status < 500 && status !== 429)
    return { kind: 'refused', status, message: message.slice(0, 300) };
  return { kind: 'failed', status, message: message.slice(0, 300) };
}
