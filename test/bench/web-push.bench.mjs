// Benchmark: a reply's Web Push, from the reply's response to the push service holding the
// decrypted message, through the real API and worker (outbox → BullMQ → fan-out → send-push job →
// web-push's encryption and VAPID signature → a local push service, web-push-testing). Prints
// latency percentiles for replies one at a time, and how long a burst of replies takes to arrive;
// asserts nothing.
//   node tools/build-server.mjs && node test/bench/web-push.bench.mjs [replies=40] [burst=40]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import webpush from 'web-push';
import { benchEnv, freshDatabase, root, startApi } from './api-bench.util.mjs';
import { freePort } from '../../libs/server/testing/src/free-port.ts';

const [replies = 40, burst = 40] = process.argv.slice(2).map(Number);
const require = createRequire(import.meta.url);
const PushServer = require('web-push-testing/src/server.js');
const { PushApiModel } = require('web-push-testing/src/PushApiModel.js');

const pushPort = await freePort();
const pushServer = new PushServer(new PushApiModel(), pushPort);
console.log = (
  (log) =>
  (...args) =>
    String(args[0]).startsWith('Server running') ? undefined : log(...args)
)(console.log);
pushServer.startServer();
const pushUrl = `http://localhost:${pushPort}`;
const keys = webpush.generateVAPIDKeys();
const env = {
  ...benchEnv({ port: 3393, database: 'convene_bench_push', prefix: 'convene-bench-push' }),
  VAPID_PUBLIC_KEY: keys.publicKey,
  VAPID_PRIVATE_KEY: keys.privateKey,
  NOTIFICATION_EMAIL_DELAY_SECONDS: '3600',
  SMTP_URL: '',
};
freshDatabase(env, 'convene_bench_push');
const { api, url } = await startApi(env);
const worker = spawn(process.execPath, [join(root, 'dist/server/apps/worker/src/main.js')], {
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) =>
  worker.stdout.on('data', (d) => String(d).includes('Convene worker started') && resolve()),
);

const post = async (path, body) =>
  (
    await fetch(`${pushUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  ).json();
async function signIn(email) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation S($input: SignInInput!) { signIn(input: $input) { id } }',
      variables: { input: { email, password: 'convene-demo-pass' } },
    }),
  });
  const cookie = res.headers.get('set-cookie').split(';')[0];
  return async (query, variables = {}) => {
    const answer = await (
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query, variables }),
      })
    ).json();
    if (answer.errors) throw new Error(answer.errors[0].message);
    return answer.data;
  };
}

try {
  const member = await signIn('member@example.org');
  const admin = await signIn('admin@example.org');
  const { data: subscription } = await post('/subscribe', {
    userVisibleOnly: 'true',
    applicationServerKey: keys.publicKey,
  });
  await member('mutation P($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { id } }', {
    input: { endpoint: subscription.endpoint, keys: subscription.keys },
  });
  const { workingGroup } = await member('query G($slug: String!) { workingGroup(slug: $slug) { id } }', {
    slug: 'health-and-social-care',
  });
  const { createThread } = await member(
    'mutation T($input: CreateThreadInput!) { createThread(input: $input) { id } }',
    {
      input: { groupId: workingGroup.id, title: 'Benchmark discussion', body: 'Replies follow.' },
    },
  );
  const reply = (i) =>
    admin('mutation R($input: ReplyInput!) { reply(input: $input) { id } }', {
      input: { threadId: createThread.id, body: `Reply ${i}` },
    });
  const received = async () =>
    (await post('/get-notifications', { clientHash: subscription.clientHash })).data.messages.length;
  const until = async (count) => {
    while ((await received()) < count) await new Promise((r) => setTimeout(r, 5));
  };

  await reply('warm-up');
  await until(1);
  const samples = [];
  for (let i = 0; i < replies; i++) {
    const before = await received();
    const started = performance.now();
    await reply(i);
    await until(before + 1);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const pct = (p) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))].toFixed(1);
  console.log(
    `reply → push at the push service, one at a time  n=${replies}  p50 ${pct(50)} ms  p95 ${pct(95)} ms  max ${samples.at(-1).toFixed(1)} ms`,
  );

  const before = await received();
  const started = performance.now();
  await Promise.all(Array.from({ length: burst }, (_, i) => reply(`burst ${i}`)));
  const answered = performance.now() - started;
  await until(before + burst);
  console.log(
    `burst of ${burst} replies: all answered in ${answered.toFixed(0)} ms, all ${burst} pushes arrived in ${(performance.now() - started).toFixed(0)} ms`,
  );
} finally {
  worker.kill();
  api.kill();
  pushServer._server.close();
}
