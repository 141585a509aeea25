import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { loadVapidKeys } from './vapid-keys.js';

const subject = 'mailto:hub@example.org';
const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'convene-vapid-'));
  dirs.push(dir);
  return dir;
};

describe(loadVapidKeys.name, () => {
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('uses the keys of the environment when given', () => {
    const keys = { publicKey: 'pub', privateKey: 'priv' };
    expect(loadVapidKeys({ env: 'production', dataDir: '/nonexistent', webPush: { keys, subject } })).toEqual({
      ...keys,
      subject,
    });
  });

  it('outside production makes a pair once, keeps it in the data directory for the owner alone, and reads it back after a restart', () => {
    const dir = dataDir();
    const first = loadVapidKeys({ env: 'development', dataDir: dir, webPush: { keys: null, subject } });
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(first.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(dir, 'vapid-keys.json')).mode & 0o777).toBe(0o600);
    const again = loadVapidKeys({ env: 'development', dataDir: dir, webPush: { keys: null, subject } });
    expect(again).toEqual(first);
    expect(JSON.parse(readFileSync(join(dir, 'vapid-keys.json'), 'utf8'))).toEqual({
      publicKey: first.publicKey,
      privateKey: first.privateKey,
    });
  });

  it('refuses to make keys in production, and a kept file that holds no usable keys', () => {
    expect(() => loadVapidKeys({ env: 'production', dataDir: dataDir(), webPush: { keys: null, subject } })).toThrow(
      /required in production/,
    );
    const dir = dataDir();
    writeFileSync(join(dir, 'vapid-keys.json'), JSON.stringify({ publicKey: 'short', privateKey: 'short' }));
    expect(() => loadVapidKeys({ env: 'test', dataDir: dir, webPush: { keys: null, subject } })).toThrow(
      /VAPID_PUBLIC_KEY must be a P-256 public key/,
    );
  });
});
