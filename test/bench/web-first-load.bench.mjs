// Benchmark: the web app's first load in Debian's Chromium with a cold cache, for sign-in, the
// public pitch form, an event's registration, the groups list, a group's page and a discussion —
// bytes on the wire, first and largest contentful paint, and when the first form field can be
// typed into ("—" on a page with none) — once on loopback unthrottled and once throttled as
// DevTools would (1.6 Mbps down, 750 kbps up, 150 ms round trip, CPU 4× slower). Prints figures;
// asserts nothing.
//   node tools/build-server.mjs && node node_modules/vite/bin/vite.js build --config apps/web/vite.config.ts \
//     && node test/bench/web-first-load.bench.mjs
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { benchEnv, freshDatabase, root, startApi } from './api-bench.util.mjs';

const DEMO_PASSWORD = 'convene-demo-pass';
const env = {
  ...benchEnv({ port: 3391, database: 'convene_bench_web', prefix: 'convene-bench-web' }),
  WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? join(root, 'dist/apps/web'),
  DEMO_PASSWORD,
  SMTP_URL: '',
};
freshDatabase(env, 'convene_bench_web');
const { api, url } = await startApi(env);

const THROTTLED = {
  network: { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
  cpu: 4,
};

/** A signed-in member's cookie and the ids the signed-in routes need. */
async function memberRoutes() {
  const post = (body, cookie) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const signIn = await post({
    query: 'mutation($i: SignInInput!) { signIn(input: $i) { id } }',
    variables: { i: { email: 'member@example.org', password: DEMO_PASSWORD } },
  });
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const answer = await (
    await post({ query: '{ workingGroups { slug threads(first: 1) { nodes { id } } } }' }, cookie)
  ).json();
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  const group = answer.data.workingGroups.find((g) => (g.threads?.nodes.length ?? 0) > 0);
  return { cookie, group: group.slug, thread: group.threads.nodes[0].id };
}

const member = await memberRoutes();
const ROUTES = [
  { name: 'sign-in', path: '/signin', signedIn: false },
  { name: 'pitch form', path: '/pitch/pitch-an-idea', signedIn: false },
  { name: 'event form', path: '/events/summit', signedIn: false },
  { name: 'groups', path: '/groups', signedIn: true },
  { name: 'group page', path: `/groups/${member.group}`, signedIn: true },
  { name: 'thread page', path: `/threads/${member.thread}`, signedIn: true },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});

/** One cold load of a route: a new context (empty cache), throttled or not. */
async function load(route, throttled) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  if (route.signedIn) {
    const [name, value] = member.cookie.split('=');
    await context.addCookies([{ name, value, url }]);
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
  });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', THROTTLED.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLED.cpu });
  }
  await page.addInitScript(() => {
    window.__lcp = 0;
    window.__typeable = null;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    // The first text field (the header's search counts) that is on screen and enabled, checked at
    // every frame until there is one.
    const look = () => {
      const field = [
        ...document.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea'),
      ].find((el) => !el.disabled && el.getClientRects().length > 0);
      if (field) window.__typeable = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(`${url}${route.path}`, { waitUntil: 'networkidle', timeout: 120_000 });
  await page.locator('main h1').first().waitFor({ timeout: 120_000 });
  const { fcp, lcp, typeable } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    lcp: window.__lcp || null,
    typeable: window.__typeable,
  }));
  await context.close();
  return { bytes, fcp, lcp, typeable };
}

const ms = (value) => (value == null ? '—' : `${Math.round(value)} ms`);
const kb = (value) => `${(value / 1024).toFixed(0)} KB`;
for (const throttled of [false, true]) {
  console.log(
    throttled
      ? '\nThrottled: 1.6 Mbps down, 750 kbps up, 150 ms round trip, CPU 4× slower'
      : '\nUnthrottled (loopback)',
  );
  console.log(
    `${'route'.padEnd(14)} ${'on the wire'.padStart(12)} ${'FCP'.padStart(9)} ${'LCP'.padStart(9)} ${'typeable'.padStart(9)}`,
  );
  for (const route of ROUTES) {
    const r = await load(route, throttled);
    console.log(
      `${route.name.padEnd(14)} ${kb(r.bytes).padStart(12)} ${ms(r.fcp).padStart(9)} ${ms(r.lcp).padStart(9)} ${ms(r.typeable).padStart(9)}`,
    );
  }
}

await browser.close();
api.kill();
