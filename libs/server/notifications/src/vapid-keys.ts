// The key pair that signs Web Push messages. From the environment where it is set (always in
// production); otherwise made once and kept in the data directory, so that a restart of the hub
// (or its API and worker, started together) does not cut off every browser that subscribed.
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import { vapidKeysProblem, type AppConfig, type VapidKeys } from '@convene/server-core';

export const VAPID_KEYS = Symbol('VAPID_KEYS');

/** The keys in use, and the contact push services may write to. */
export interface WebPushIdentity extends VapidKeys {
  subject: string;
}

const FILE = 'vapid-keys.json';

export function loadVapidKeys(config: Pick<AppConfig, 'env' | 'dataDir' | 'webPush'>): WebPushIdentity {
  const subject = config.webPush.subject;
  if (config.webPush.keys) return { ...config.webPush.keys, subject };
  // loadConfig refuses to start production without keys; this is a second lock on that door.
  if (config.env === 'production') throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are required in production');
  const path = join(config.dataDir, FILE);
  const kept = readKept(path);
  if (kept) return { ...kept, subject };
  mkdirSync(config.dataDir, { recursive: true });
  const made = webpush.generateVAPIDKeys();
  // Written aside, then linked into place: the file appears whole or not at all, and when the API
  // and the worker start at once, the first link wins and the other process reads that pair.
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, JSON.stringify(made, null, 2) + '\n', { mode: 0o600 });
  try {
    linkSync(aside, path);
    return { ...made, subject };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = readKept(path);
    if (!theirs) throw new Error(`${path} holds no usable VAPID keys: remove it to make new ones`);
    return { ...theirs, subject };
  } finally {
    rmSync(aside, { force: true });
  }
}

function readKept(path: string): VapidKeys | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let keys: VapidKeys;
  try {
    keys = JSON.parse(text) as VapidKeys;
  } catch {
    throw new Error(`${path} is not JSON: remove it to make new VAPID keys`);
  }
  const problem = vapidKeysProblem(keys);
  if (problem) throw new Error(`${path}: ${problem}; remove the file to make new keys`);
  return keys;
}
