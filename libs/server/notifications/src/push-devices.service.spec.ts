import { describe, expect, it, jest } from '@jest/globals';
import { InputError, strictMock, type AppConfig, type Viewer } from '@convene/server-core';
import { NetworkRole } from '@convene/shared-contracts';
import { PushDevicesService } from './push-devices.service.js';
import type { PushSubscriptionRepository } from './push-subscription.repository.js';
import type { PushSender } from './push-sender.js';

const viewer = { userId: 'u-1', networkRole: NetworkRole.MEMBER } as Viewer;
const keys = {
  p256dh: 'BF0AOyaYE8g7SHgqP5ZovL24JcJwpD_clnTdCFrSKs1DI58V5UcKXoJR5-uk8AayLz-l9afMhmmTmIcPA7ECiU8',
  auth: 'AAECAwQFBgcICQoLDA0ODw',
};

function setUp(env: AppConfig['env']) {
  const register = jest.fn<PushSubscriptionRepository['register']>(async (_userId, device) => ({
    id: 'd-1',
    endpoint: device.endpoint,
    label: device.label,
    userAgent: device.userAgent,
    createdAt: new Date(),
    lastUsedAt: new Date(),
  }));
  const keepNewest = jest.fn<PushSubscriptionRepository['keepNewest']>().mockResolvedValue(undefined);
  const service = new PushDevicesService(
    strictMock<PushSubscriptionRepository>('subscriptions', { register, keepNewest }),
    strictMock<PushSender>('sender', {}),
    { env },
  );
  return { service, register, keepNewest };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).fields;
};

describe(PushDevicesService.name, () => {
  it('takes a plain-http push service outside production only (a push service on this machine, for tests)', async () => {
    const local = { endpoint: 'http://localhost:8090/notify/abc', keys };
    const test = setUp('test');
    await expect(test.service.register(viewer, local, null)).resolves.toMatchObject({ endpoint: local.endpoint });
    const production = setUp('production');
    expect(await refusal(production.service.register(viewer, local, null))).toEqual({
      endpoint: 'The push service’s address must start with https://.',
    });
    expect(production.register).not.toHaveBeenCalled();
  });

  it('stores keys without padding, the name trimmed and the browser’s own name without control characters, keeping the newest devices', async () => {
    const { service, register, keepNewest } = setUp('production');
    await service.register(
      viewer,
      {
        endpoint: 'https://push.example.org/x',
        keys: { ...keys, auth: `${keys.auth}==` },
        label: '  Firefox on Android ',
      },
      'Mozilla/5.0\u0000 (Android)',
    );
    expect(register).toHaveBeenCalledWith('u-1', {
      endpoint: 'https://push.example.org/x',
      p256dh: keys.p256dh,
      auth: keys.auth,
      label: 'Firefox on Android',
      userAgent: 'Mozilla/5.0 (Android)',
    });
    expect(keepNewest).toHaveBeenCalledWith('u-1', 20);
  });

  it('refuses an address with credentials in it, and one too long, by field', async () => {
    const { service } = setUp('production');
    expect(
      await refusal(service.register(viewer, { endpoint: 'https://user:secret@push.example.org/x', keys }, null)),
    ).toHaveProperty('endpoint');
    expect(
      await refusal(service.register(viewer, { endpoint: `https://push.example.org/${'x'.repeat(1000)}`, keys }, null)),
    ).toEqual({ endpoint: 'The push service’s address must be at most 1000 characters.' });
  });
});
