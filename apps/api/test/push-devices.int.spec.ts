// Web Push devices through GraphQL on the real PostgreSQL: the key browsers subscribe with, a
// device registered with its checks, listed and removed by its owner alone, and push chosen per
// category beside the other channels. Sending is covered end to end in test/system/web-push.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { NotificationCategory } from '@convene/shared-contracts';
import { NotificationPreferencesService } from '@convene/server-notifications';
import { useApiHarness, type GqlClient } from './api-harness.js';
import { dataOf } from './group-personas.js';

const REGISTER = `mutation P($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { id endpoint label userAgent createdAt lastUsedAt } }`;
const DEVICES = `{ myPushDevices { id endpoint label } }`;
const REMOVE = `mutation R($id: ID!) { removePushDevice(id: $id) }`;
const SETTINGS = `{ notificationSettings { channels { category inApp email push } } }`;
const UPDATE = `mutation U($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { channels { category inApp email push } } }`;

// The P-256 public key of the tests' VAPID pair: a point of the right shape for a browser's key too.
const P256DH = 'BF0AOyaYE8g7SHgqP5ZovL24JcJwpD_clnTdCFrSKs1DI58V5UcKXoJR5-uk8AayLz-l9afMhmmTmIcPA7ECiU8';
const subscription = () => ({
  endpoint: `https://push.example.org/send/${randomBytes(12).toString('base64url')}`,
  keys: { p256dh: P256DH, auth: randomBytes(16).toString('base64url') },
});

type Channel = { category: string; inApp: boolean; email: string; push: boolean };

describe('push devices', () => {
  const api = useApiHarness();
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);
  const person = async (): Promise<GqlClient> => api.signedIn(await api.data.user());
  const devices = async (client: GqlClient) =>
    dataOf(await client.request<{ myPushDevices: { id: string; endpoint: string; label: string | null }[] }>(DEVICES))
      .myPushDevices;
  const register = async (client: GqlClient, input: Record<string, unknown>) =>
    client.request<{
      registerPushDevice: { id: string; endpoint: string; label: string | null; userAgent: string | null };
    }>(REGISTER, { input }, { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36' });

  it('gives anyone the VAPID public key browsers subscribe with', async () => {
    const result = await api.client().request<{ pushPublicKey: string }>(`{ pushPublicKey }`);
    expect(dataOf(result).pushPublicKey).toBe(process.env['VAPID_PUBLIC_KEY']);
  });

  it('registers a browser’s subscription with its name and browser, and lists it to its owner', async () => {
    const lucia = await person();
    const input = { ...subscription(), label: 'Chromium on Linux' };
    const device = dataOf(await register(lucia, input)).registerPushDevice;
    expect(device).toMatchObject({
      endpoint: input.endpoint,
      label: 'Chromium on Linux',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36',
    });
    expect(await devices(lucia)).toEqual([{ id: device.id, endpoint: input.endpoint, label: 'Chromium on Linux' }]);
    const [stored] = await sql<{ p256dh: string; auth: string; failures: number }>(
      'select p256dh, auth, failures from push_subscriptions where id = ?',
      [device.id],
    );
    expect(stored).toEqual({ p256dh: P256DH, auth: input.keys.auth, failures: 0 });
  });

  it('refuses a subscription that is not one, naming each field, and stores nothing', async () => {
    const client = await person();
    const attempts: [Record<string, unknown>, Record<string, string>][] = [
      [
        { ...subscription(), endpoint: 'ftp://push.example.org/x' },
        { endpoint: expect.any(String) as unknown as string },
      ],
      [{ ...subscription(), endpoint: 'not an address' }, { endpoint: expect.any(String) as unknown as string }],
      [
        { ...subscription(), keys: { p256dh: 'short', auth: 'not+base64url/' } },
        {
          'keys.p256dh': 'The browser’s public key must be 65 bytes long.',
          'keys.auth': 'The browser’s authentication secret must be base64url text.',
        },
      ],
      [
        // A compressed point (0x02…) is not what browsers give.
        {
          ...subscription(),
          keys: { p256dh: Buffer.alloc(65, 2).toString('base64url'), auth: randomBytes(16).toString('base64url') },
        },
        { 'keys.p256dh': 'The browser’s public key must be an uncompressed P-256 point.' },
      ],
      [{ ...subscription(), label: 'x'.repeat(101) }, { label: 'The device’s name must be at most 100 characters.' }],
    ];
    for (const [input, fields] of attempts) {
      const result = await register(client, input);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields });
    }
    expect(await devices(client)).toEqual([]);
  });

  it('shows and removes a person’s own devices only', async () => {
    const [owner, other] = await Promise.all([person(), person()]);
    const device = dataOf(await register(owner, subscription())).registerPushDevice;
    expect(await devices(other)).toEqual([]);
    const refused = await other.request(REMOVE, { id: device.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PUSH_DEVICE_NOT_FOUND' });
    expect(await devices(owner)).toHaveLength(1);

    expect(dataOf(await owner.request<{ removePushDevice: boolean }>(REMOVE, { id: device.id })).removePushDevice).toBe(
      true,
    );
    expect(await devices(owner)).toEqual([]);
    const again = await owner.request(REMOVE, { id: device.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const malformed = await owner.request(REMOVE, { id: 'not-an-id' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { id: expect.any(String) },
    });
  });

  it('moves a browser’s subscription to whoever registers it last (another person signed in on it)', async () => {
    const [first, second] = await Promise.all([person(), person()]);
    const input = subscription();
    const before = dataOf(await register(first, input)).registerPushDevice;
    const after = dataOf(
      await register(second, { ...input, keys: { ...input.keys, auth: randomBytes(16).toString('base64url') } }),
    ).registerPushDevice;
    expect(after.id).toBe(before.id);
    expect(await devices(first)).toEqual([]);
    expect((await devices(second)).map((d) => d.endpoint)).toEqual([input.endpoint]);
  });

  it('refuses the signed-out', async () => {
    const anonymous = api.client();
    for (const [query, variables] of [
      [DEVICES, {}],
      [REGISTER, { input: subscription() }],
      [REMOVE, { id: '00000000-0000-4000-8000-000000000000' }],
    ] as const) {
      const result = await anonymous.request(query, variables);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('chooses push per category, on by default for what is addressed to the person, and keeps it when a change leaves it out', async () => {
    const client = await person();
    const channels = async () =>
      new Map(
        dataOf(
          await client.request<{ notificationSettings: { channels: Channel[] } }>(SETTINGS),
        ).notificationSettings.channels.map((c) => [c.category, c]),
      );
    const defaults = await channels();
    expect(defaults.get('REPLIES')).toMatchObject({ push: true });
    expect(defaults.get('MEMBERSHIP')).toMatchObject({ push: true });
    expect(defaults.get('DISCUSSIONS')).toMatchObject({ push: false });
    expect(defaults.get('DOCUMENTS')).toMatchObject({ push: false });

    dataOf(
      await client.request(UPDATE, {
        input: { channels: [{ category: 'REPLIES', inApp: true, email: 'NONE', push: false }] },
      }),
    );
    expect((await channels()).get('REPLIES')).toEqual({ category: 'REPLIES', inApp: true, email: 'NONE', push: false });
    // A client that knows nothing of push changes the email and leaves push as it was.
    dataOf(
      await client.request(UPDATE, { input: { channels: [{ category: 'REPLIES', inApp: true, email: 'DIGEST' }] } }),
    );
    expect((await channels()).get('REPLIES')).toEqual({
      category: 'REPLIES',
      inApp: true,
      email: 'DIGEST',
      push: false,
    });
    dataOf(
      await client.request(UPDATE, {
        input: { channels: [{ category: 'DISCUSSIONS', inApp: true, email: 'DIGEST', push: true }] },
      }),
    );
    expect((await channels()).get('DISCUSSIONS')).toMatchObject({ push: true });

    const wrong = await client.request(UPDATE, {
      input: { channels: [{ category: 'REPLIES', inApp: true, email: 'NONE', push: 'yes' }] },
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('pushes only to people with a device, and keeps no notification for a push with nowhere to go', async () => {
    const [withDevice, without] = await Promise.all([api.data.user(), api.data.user()]);
    dataOf(await register(await api.signedIn(withDevice), subscription()));
    // Both want replies pushed only: no app, no email.
    for (const user of [withDevice, without]) {
      const client = await api.signedIn(user);
      dataOf(
        await client.request(UPDATE, {
          input: { channels: [{ category: 'REPLIES', inApp: false, email: 'NONE', push: true }] },
        }),
      );
    }
    const deliveries = await api.asJob(() =>
      api.app.get(NotificationPreferencesService).deliveries({
        groupId: null,
        category: NotificationCategory.REPLIES,
        involved: [withDevice.id, without.id],
        followers: [],
      }),
    );
    expect(deliveries.get(withDevice.id)).toEqual({ inApp: false, email: 'NONE', push: true });
    expect(deliveries.has(without.id)).toBe(false);
  });
});
