// Web Push end to end: the real API and worker from the build, and a local push service
// (web-push-testing) standing in for the browser's, which decrypts what it is sent as a browser
// would. A person registers that service's subscription as their device; other members reply in
// their discussions; the push service holds the messages the service worker would show.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import pg from 'pg';
import webpush from 'web-push';
import type { PushMessage } from '@convene/shared-contracts';
import {
  Client,
  PrivateRedis,
  freePort,
  prepareDatabase,
  startApi,
  startWorker,
  systemEnv,
  until,
  type Proc,
} from './processes.js';

const require = createRequire(import.meta.url);
const PushServer = require('web-push-testing/src/server.js') as new (
  model: unknown,
  port: number,
) => { startServer(): void; _server: Server };
const { PushApiModel } = require('web-push-testing/src/PushApiModel.js') as { PushApiModel: new () => unknown };

const GROUP_ID = `query G($slug: String!) { workingGroup(slug: $slug) { id } }`;
const CREATE_THREAD = `mutation T($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const REPLY = `mutation R($input: ReplyInput!) { reply(input: $input) { id } }`;
const REGISTER = `mutation P($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { id endpoint } }`;
const DEVICES = `{ myPushDevices { id endpoint } }`;

interface Subscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  clientHash: string;
}

describe('Web Push through a local push service', () => {
  let redis: PrivateRedis;
  let env: Record<string, string>;
  let api: { proc: Proc; url: string };
  let worker: Proc;
  let db: pg.Client;
  let pushServer: Server;
  let pushUrl: string;
  let member: Client;
  let subscription: Subscription;

  const pushService = async <T>(path: string, body: Record<string, unknown> = {}): Promise<T> => {
    const res = await fetch(`${pushUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`push service ${path}: ${res.status} ${await res.text()}`);
    return res.headers.get('content-type')?.includes('json') ? ((await res.json()) as T) : (undefined as T);
  };
  const pushed = async (): Promise<PushMessage[]> =>
    (
      await pushService<{ data: { messages: string[] } }>('/get-notifications', {
        clientHash: subscription.clientHash,
      })
    ).data.messages.map((m) => JSON.parse(m) as PushMessage);
  const ok = <T>(result: { data?: T; errors?: { message: string }[] }): T => {
    if (result.errors || !result.data) throw new Error(result.errors?.[0]?.message ?? 'no data');
    return result.data;
  };
  /** The member opens a discussion in a group; someone else replies in it. */
  const replyTo = async (slug: string, replier: Client, texts: { title: string; reply: string }) => {
    const groupId = ok(await member.request<{ workingGroup: { id: string } }>(GROUP_ID, { slug })).workingGroup.id;
    const threadId = ok(
      await member.request<{ createThread: { id: string } }>(CREATE_THREAD, {
        input: { groupId, title: texts.title, body: 'What do we know so far?' },
      }),
    ).createThread.id;
    ok(await replier.request(REPLY, { input: { threadId, body: texts.reply } }));
    return threadId;
  };
  const pushFor = async (threadId: string): Promise<PushMessage> => {
    let found: PushMessage | undefined;
    await until(
      async () => !!(found = (await pushed()).find((m) => m.url === `/threads/${threadId}`)),
      `the push about discussion ${threadId}`,
      60,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; the worker said:\n${worker.logs.join('').slice(-3000)}`);
    });
    return found!;
  };

  beforeAll(async () => {
    const port = await freePort();
    const server = new PushServer(new PushApiModel(), port);
    server.startServer();
    pushServer = server._server;
    pushUrl = `http://localhost:${port}`;
    redis = await PrivateRedis.start();
    const keys = webpush.generateVAPIDKeys();
    env = {
      ...systemEnv('webpush', redis.url),
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      VAPID_SUBJECT: 'mailto:push-test@example.org',
    };
    prepareDatabase(env);
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    db = new pg.Client({ connectionString: env['DATABASE_URL'] });
    await db.connect();

    // The member's browser subscribes with the hub's key, and the page registers the subscription.
    member = await new Client(api.url).signIn('member@example.org');
    const { pushPublicKey } = ok(await member.request<{ pushPublicKey: string }>(`{ pushPublicKey }`));
    expect(pushPublicKey).toBe(keys.publicKey);
    subscription = (
      await pushService<{ data: Subscription }>('/subscribe', {
        userVisibleOnly: 'true',
        applicationServerKey: pushPublicKey,
      })
    ).data;
    ok(
      await member.request(REGISTER, {
        input: { endpoint: subscription.endpoint, keys: subscription.keys, label: 'Chromium on Linux' },
      }),
    );
  });
  afterAll(async () => {
    await Promise.all([api?.proc.stop(), worker?.stop()]);
    await db?.end();
    await redis?.remove();
    await new Promise((resolve) => pushServer?.close(resolve));
  });

  it('pushes a reply in a group that is not content-free with who, where and a link to the discussion', async () => {
    const admin = await new Client(api.url).signIn('admin@example.org');
    const threadId = await replyTo('health-and-social-care', admin, {
      title: 'GP registration refusals',
      reply: 'Two more surgeries asked for passports this week.',
    });
    expect(await pushFor(threadId)).toEqual({
      title: 'Health and Social Care',
      body: 'Amara Okafor replied in a discussion you follow in “Health and Social Care”',
      url: `/threads/${threadId}`,
      tag: `thread:${threadId}`,
      lang: 'en',
    });
    // The push service took it: the device counts as used, with no failures.
    const device = await db.query(`select failures from push_subscriptions where endpoint = $1`, [
      subscription.endpoint,
    ]);
    expect(device.rows).toEqual([{ failures: 0 }]);
  });

  it('pushes only that something happened and where for a content-free group', async () => {
    const convenor = await new Client(api.url).signIn('convenor@example.org');
    const texts = {
      title: 'Checkpoint on Station Road',
      reply: 'Officers were stopping people at the bus stop at 8am.',
    };
    const threadId = await replyTo('policing-and-surveillance', convenor, texts);
    const message = await pushFor(threadId);
    expect(message).toEqual({
      title: 'New activity in Policing and surveillance',
      body: 'Open Convene to read it.',
      url: `/threads/${threadId}`,
      tag: `thread:${threadId}`,
      lang: 'en',
    });
    const everything = JSON.stringify(message);
    for (const secret of ['Yusuf', 'Haddad', 'Checkpoint', 'Station Road', 'bus stop', 'replied'])
      expect(everything).not.toContain(secret);
  });

  it('removes the device once the push service says its subscription expired', async () => {
    await pushService(`/expire-subscription/${subscription.clientHash}`);
    const admin = await new Client(api.url).signIn('admin@example.org');
    await replyTo('health-and-social-care', admin, { title: 'Interpreters at A&E', reply: 'Still none at night.' });
    await until(
      async () =>
        (await db.query(`select 1 from push_subscriptions where endpoint = $1`, [subscription.endpoint])).rowCount ===
        0,
      'the expired subscription to be removed',
      60,
    );
    expect(ok(await member.request<{ myPushDevices: unknown[] }>(DEVICES)).myPushDevices).toEqual([]);
  });
});
