import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, InputCheck, stripControlCharacters, type AppConfig, type Viewer } from '@convene/server-core';
import { PushSubscriptionRepository, type PushDeviceRow } from './push-subscription.repository.js';
import { PushSender } from './push-sender.js';
import { notificationsErrors } from './notifications.errors.js';

export type PushDevice = PushDeviceRow;

/** What a browser's `PushSubscription.toJSON()` gives, and the name it goes by. */
export interface PushDeviceInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  label?: string | null;
}

/** More than this many devices for one person: the least recently used goes. */
export const MAX_PUSH_DEVICES = 20;
const ENDPOINT_MAX = 1000;
const LABEL_MAX = 100;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** The browsers where a person turned notifications on: listed, added and removed by that person alone. */
@Injectable()
export class PushDevicesService {
  constructor(
    private readonly subscriptions: PushSubscriptionRepository,
    private readonly sender: PushSender,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'env'>,
  ) {}

  /** The key browsers subscribe with (`applicationServerKey`). */
  publicKey(): string {
    return this.sender.publicKey;
  }

  list(viewer: Viewer): Promise<PushDevice[]> {
    return this.subscriptions.ofUser(viewer.userId);
  }

  async register(viewer: Viewer, input: PushDeviceInput, userAgent: string | null): Promise<PushDevice> {
    const check = new InputCheck();
    const endpoint = this.endpoint(check, input.endpoint);
    const p256dh = key(check, 'keys.p256dh', input.keys?.p256dh, 65, 'The browser’s public key');
    const auth = key(check, 'keys.auth', input.keys?.auth, 16, 'The browser’s authentication secret');
    if (p256dh && Buffer.from(p256dh, 'base64url')[0] !== 4)
      check.fail('keys.p256dh', 'The browser’s public key must be an uncompressed P-256 point.');
    const label = check.text('label', input.label, { required: false, max: LABEL_MAX, label: 'The device’s name' });
    check.done();
    const device = await this.subscriptions.register(viewer.userId, {
      endpoint,
      p256dh,
      auth,
      label: label || null,
      userAgent: userAgent ? stripControlCharacters(userAgent).slice(0, 300) : null,
    });
    await this.subscriptions.keepNewest(viewer.userId, MAX_PUSH_DEVICES);
    return device;
  }

  /** Removes one of the viewer's devices; another person's is not found, as one that never was. */
  async remove(viewer: Viewer, id: string): Promise<void> {
    const check = new InputCheck();
    const deviceId = check.uuid('id', id, 'Device');
    check.done();
    if (!(await this.subscriptions.removeOwn(viewer.userId, deviceId))) throw notificationsErrors.pushDeviceNotFound();
  }

  /** An https URL of a push service (plain http too outside production, for a push service on this machine). */
  private endpoint(check: InputCheck, value: string | null | undefined): string {
    const endpoint = (value ?? '').trim();
    const secureOnly = this.config.env === 'production';
    const problem = 'Give the push service’s address from the browser’s subscription.';
    if (!endpoint) {
      check.fail('endpoint', problem);
      return '';
    }
    if (endpoint.length > ENDPOINT_MAX) {
      check.fail('endpoint', `The push service’s address must be at most ${ENDPOINT_MAX} characters.`);
      return '';
    }
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      check.fail('endpoint', problem);
      return '';
    }
    const allowed = secureOnly ? ['https:'] : ['https:', 'http:'];
    if (!allowed.includes(url.protocol) || url.username || url.password || url.hash)
      check.fail('endpoint', secureOnly ? 'The push service’s address must start with https://.' : problem);
    return endpoint;
  }
}

/** A base64url key of an exact length once decoded; answers it without padding. */
function key(check: InputCheck, field: string, value: string | null | undefined, bytes: number, label: string): string {
  const text = (value ?? '').trim();
  if (!BASE64URL.test(text)) {
    check.fail(field, `${label} must be base64url text.`);
    return '';
  }
  const unpadded = text.replace(/=+$/, '');
  if (Buffer.from(unpadded, 'base64url').length !== bytes) {
    check.fail(field, `${label} must be ${bytes} bytes long.`);
    return '';
  }
  return unpadded;
}
