// The capacity load test: simulated members (and anonymous visitors) driving the real hub in
// steps of members online, each step measured and judged, the first failing one profiled, and a
// report (Markdown table, chart, JSON) written at the end.
//
//   node tools/build-server.mjs && node test/load/run.mjs [options]      (or: npm run load -- [options])
//
//   --steps=250,500,1000,2000,3000  members online in each step
//   --step-seconds=120              measured time per step, after the step's members signed in and settled
//   --think=5-30                    seconds each member waits between actions
//   --visitors=0.01                 anonymous visitors (event registrations, pitches) per member online per minute
//   --profile-seconds=60            CPU profiles of the API and the worker at the first failing step (0: none)
//   --settle-seconds=15             after a step's sign-ins, before measuring
//   --ramp-seconds=300              the longest a step's sign-ins may take (those not signed in fail the step)
//   --grace-seconds=30              after the last step, for late notifications, before counting the lost
//   --scale=1 --people=N            the generated network (N defaults to 2,500, or more if a step needs more)
//   --out=DIR                       where the report goes (default dist/load/<date>)
//   --keep-going                    go on after a step that collapsed (errors over 5 %, reads slower than 15 s)
//   --smoke                         100 members for 30 s on a small network, thinking 2–8 s; exits 1 unless
//                                   every request succeeded and every notification arrived
//   --json=FILE                     the results as JSON too
// Against a hub that runs elsewhere (nothing is started here; see README "Capacity"):
//   --url=ORIGIN --manifest=network.json [--metrics=URL,…] [--worker-metrics=URL] [--redis-url=…] [--database-url=…]
//   [--people-from=N]   this generator's people start at the manifest's N-th (for several generators)
//   --generate-only --database-url=… --data-dir=…   (re)creates that database with the generated network, writes network.json
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLAPSE, LIMITS } from './criteria.mjs';
import { NotificationLedger, delivers } from './ledger.mjs';
import { REQUEST_TIMEOUT_MS } from './browser.mjs';
import { Member } from './member.mjs';
import { Probes, usage } from './probes.mjs';
import { profileProcess, topFunctions } from './profile.mjs';
import { Recorder, TIMELINE_SECONDS, summarise } from './recorder.mjs';
import { prepareNetwork, startHub } from './hub.mjs';
import { writeReport } from './report.mjs';
import { sleep } from './random.mjs';
import { visit } from './visitor.mjs';
import pg from 'pg';

const root = join(import.meta.dirname, '../..');

// ── options ──
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [key, ...value] = a.replace(/^--/, '').split('=');
    return [key, value.length ? value.join('=') : 'true'];
  }),
);
const smoke = args.has('smoke');
const option = (name, fallback) => args.get(name) ?? fallback;
const numbers = (text) => text.split(',').map(Number);
const steps = numbers(option('steps', smoke ? '100' : '250,500,1000,2000,3000'));
const stepSeconds = Number(option('step-seconds', smoke ? 30 : 120));
const [thinkMin, thinkMax] = option('think', smoke ? '2-8' : '5-30')
  .split('-')
  .map(Number);
const visitorsPerMemberMinute = Number(option('visitors', smoke ? 0.05 : 0.01));
const profileSeconds = Number(option('profile-seconds', smoke ? 0 : 60));
const settleSeconds = Number(option('settle-seconds', smoke ? 5 : 15));
const graceSeconds = Number(option('grace-seconds', smoke ? 10 : 30));
const scale = Number(option('scale', smoke ? 0.02 : 1));
const people = Number(option('people', smoke ? 150 : Math.max(2500, Math.max(...steps))));
const peopleFrom = Number(option('people-from', 0));
const remote = args.get('url') ?? null;
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const outDir = option('out', join(root, 'dist/load', smoke ? `smoke-${stamp}` : stamp));
mkdirSync(outDir, { recursive: true });
const say = (message) => console.log(`load: ${message}`);
const names = smoke
  ? { database: 'convene_load_smoke', prefix: 'convene-load-smoke', redisDb: 10 }
  : { database: 'convene_load', prefix: 'convene-load', redisDb: 11 };

// ── the hub and its network ──
let hub = null;
let manifest;
let databaseUrl = args.get('database-url') ?? null;
let redisUrl = args.get('redis-url') ?? null;
if (args.has('generate-only')) {
  if (!databaseUrl || !args.get('data-dir')) throw new Error('--generate-only needs --database-url and --data-dir');
  manifest = await prepareNetwork({ databaseUrl, dataDir: args.get('data-dir'), scale, people, log: say });
  writeFileSync(join(outDir, 'network.json'), JSON.stringify(manifest));
  say(`network generated in ${manifest.generatedInSeconds.toFixed(0)} s; manifest: ${join(outDir, 'network.json')}`);
  process.exit(0);
}
if (remote) {
  if (!args.get('manifest')) throw new Error('--url needs --manifest (the network.json written by --generate-only)');
  manifest = JSON.parse(readFileSync(args.get('manifest'), 'utf8'));
} else {
  databaseUrl = `postgres://postgres@127.0.0.1:5432/${names.database}`;
  redisUrl = `redis://127.0.0.1:6379/${names.redisDb}`;
  const dataDir = join(root, '.data', names.database);
  say(`generating the network (${people} people, scale ${scale}) in ${names.database}…`);
  manifest = await prepareNetwork({ databaseUrl, dataDir, scale, people, log: (m) => say(`  ${m}`) });
  say(`network ready in ${manifest.generatedInSeconds.toFixed(0)} s: ${JSON.stringify(manifest.counts)}`);
  hub = await startHub({
    databaseUrl,
    redisUrl,
    redisPrefix: names.prefix,
    dataDir,
    outDir,
    inspect: profileSeconds > 0,
  });
  say(`hub on ${hub.origin} (API pid ${hub.api.pid}, worker pid ${hub.worker.pid})`);
}
const available = manifest.people.length - peopleFrom;
if (Math.max(...steps) > available)
  throw new Error(
    `the network has ${available} people for this generator: not enough for ${Math.max(...steps)} online`,
  );

const recorder = new Recorder();
const run = {
  id: `${stamp.replace(/\D/g, '')}-${peopleFrom}`,
  /** Where this generator's members are numbered from (their addresses), apart from another's. */
  indexOffset: peopleFrom,
  origin: hub?.origin ?? remote,
  recorder,
  ledger: new NotificationLedger(recorder),
  network: manifest,
  groupsById: new Map(manifest.groups.map((g) => [g.id, g])),
  peopleById: new Map(manifest.people.map((p) => [p.id, p])),
  password: manifest.password,
  think: [thinkMin, thinkMax],
  coverAll: smoke,
  stopped: false,
  log: (message) => say(message),
};
const probes = new Probes({
  apiMetricsUrls: hub ? [hub.apiMetricsUrl] : (args.get('metrics')?.split(',') ?? []),
  workerMetricsUrl: hub?.workerMetricsUrl ?? args.get('worker-metrics') ?? null,
  redisUrl,
  databaseUrl,
  local: Boolean(hub),
});
await probes.open();
const db = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : null;
await db?.connect();

// People in a shuffled order (Fisher–Yates), convenors among them as in the network. Several
// generators loading one hub each take their own people (--people-from).
const queue = manifest.people.slice(peopleFrom);
for (let i = queue.length - 1; i > 0; i--) {
  const j = Math.floor(Math.random() * (i + 1));
  [queue[i], queue[j]] = [queue[j], queue[i]];
}
run.ownPeople = new Set(queue.map((p) => p.id));
const members = [];
/** Members signed in whose socket is up. */
const onlineCount = () => members.filter((m) => !m.stopped && m.browser.socket?.connected).length;
let visitors = 0;
/** Visitors on a public page now. */
const visiting = new Set();

const RAMP_LIMIT_SECONDS = Number(option('ramp-seconds', 300));

/**
 * Brings the number of members online up to `target`, sixteen sign-ins at a time, for at most
 * RAMP_LIMIT_SECONDS: a hub that can't sign people in faster than that has failed the step anyway.
 * Returns how many could not sign in or connect (refused or not reached in time).
 */
async function rampTo(target) {
  const fresh = [];
  while (members.length + fresh.length < target)
    fresh.push(new Member(run, queue[members.length + fresh.length], members.length + fresh.length));
  const deadline = performance.now() + RAMP_LIMIT_SECONDS * 1000;
  let next = 0;
  let started = 0;
  const starter = async () => {
    while (next < fresh.length && performance.now() < deadline) {
      const member = fresh[next++];
      if (await member.start()) {
        started++;
        void member.live(Infinity);
      } else {
        await member.stop();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, fresh.length) }, starter));
  // Those not reached in time stay offline.
  await Promise.all(fresh.slice(next).map((member) => member.stop()));
  members.push(...fresh);
  return fresh.length - started;
}

/** How many of a Poisson process with this mean arrive in one draw (at most 50). */
function poisson(mean) {
  const roll = Math.random();
  let n = 0;
  let p = Math.exp(-mean);
  let sum = p;
  while (roll > sum && n < 50) {
    n++;
    p *= mean / n;
    sum += p;
  }
  return n;
}

/** Anonymous visitors arriving at random, in proportion to the members online (a few at least in a smoke run). */
const arrivals = setInterval(() => {
  if (run.stopped) return;
  let n = poisson((visitorsPerMemberMinute * onlineCount()) / 60);
  if (smoke && visitors < 4 && members.length) n = Math.max(n, 1);
  for (let i = 0; i < n && visiting.size < 500; i++) {
    const visitor = visit(run, visitors++).finally(() => visiting.delete(visitor));
    visiting.add(visitor);
  }
}, 1000);

/**
 * Notifications that should have reached online members in `window` and did not: written for
 * someone online throughout and never on their bell (with the database at hand), and deliveries
 * the rules make certain (a mention, a join request to a group's convenors…) that were never
 * written — or, without the database, never shown.
 */
async function lostIn(window, graceEnd) {
  const online = new Map(
    members.filter((m) => m.onlineThrough(window.startedAt, graceEnd)).map((m) => [m.person.id, m]),
  );
  const expected = run.ledger.expected.filter(
    (e) => e.at >= window.startedAt && e.at < window.endedAt && online.has(e.recipientId),
  );
  /**
   * Each expected delivery takes one notification of its recipient's, each at most once: in the
   * order the changes were sent, the earliest that fits (two replies to one person in one thread
   * must not both claim the later notification).
   */
  const unmet = (candidates) => {
    const used = new Set();
    const missing = [];
    for (const list of candidates.values()) list.sort((a, b) => a.createdAt - b.createdAt);
    for (const e of [...expected].sort((a, b) => a.sentAt - b.sentAt)) {
      const found = (candidates.get(e.recipientId) ?? []).find((n) => !used.has(n.id) && delivers(n, e));
      if (found) used.add(found.id);
      else
        missing.push({
          recipientId: e.recipientId,
          type: e.type,
          groupId: e.groupId,
          subjectId: e.subjectId,
          at: new Date(e.wall).toISOString(),
        });
    }
    return missing;
  };
  if (!db) {
    const shown = new Map(
      [...online].map(([id, m]) => [
        id,
        m.shown.map((n) => ({
          id: n.id,
          type: n.type,
          groupId: n.group?.id,
          subjectId: n.contentFree ? null : n.subjectId,
          createdAt: Date.parse(n.createdAt),
        })),
      ]),
    );
    const missing = unmet(shown);
    return {
      online: online.size,
      rows: null,
      notShown: null,
      neverWritten: null,
      lost: missing.length,
      missing: missing.slice(0, 20),
    };
  }
  const wall = (at) => new Date(performance.timeOrigin + at);
  // From a little before the window: a change sent just before it whose answer came inside it
  // may have been written before that answer.
  const { rows } = await db.query(
    `select id, recipient_id, type, group_id, subject_id, created_at, created_at >= $2 and created_at < $3 as in_window from notifications
     where in_app and created_at >= $1 and created_at < $4 and recipient_id = any($5::uuid[])`,
    [
      wall(window.startedAt - REQUEST_TIMEOUT_MS),
      wall(window.startedAt),
      wall(window.endedAt),
      wall(graceEnd),
      [...online.keys()],
    ],
  );
  const inWindow = rows.filter((r) => r.in_window);
  const notShown = inWindow.filter((r) => !online.get(r.recipient_id).seen.has(r.id)).length;
  const written = new Map();
  for (const r of rows) {
    const list = written.get(r.recipient_id) ?? [];
    list.push({
      id: r.id,
      type: r.type,
      groupId: r.group_id,
      subjectId: r.subject_id,
      createdAt: r.created_at.getTime(),
    });
    written.set(r.recipient_id, list);
  }
  const missing = unmet(written);
  return {
    online: online.size,
    rows: inWindow.length,
    notShown,
    neverWritten: missing.length,
    lost: notShown + missing.length,
    missing: missing.slice(0, 20),
  };
}

/** `judge` for a step, with its members counted in. */
function judged(step) {
  const verdict = judge(step.window, step.resources);
  if (step.signedIn < step.members) {
    verdict.failures.unshift(`only ${step.signedIn} of ${step.members} members signed in and connected`);
    verdict.passed = false;
  }
  return verdict;
}

/** The figures of one measured window, and whether it passes (what was lost is counted at the end). */
function judge(window, resources) {
  const operations = [...window.operations].map(([op, entry]) => ({
    op,
    kind: entry.kind,
    ...summarise(entry.samples),
    errors: Object.fromEntries(entry.errors),
    rps: entry.samples.length / window.seconds(),
  }));
  operations.sort((a, b) => b.count - a.count);
  const requests = operations.reduce((n, o) => n + o.count, 0);
  const errors = operations.reduce((n, o) => n + Object.values(o.errors).reduce((a, b) => a + b, 0), 0);
  const all = (kind) =>
    summarise([...window.operations.values()].filter((e) => e.kind === kind).flatMap((e) => e.samples));
  const seen = summarise(window.notificationSeen);
  const seenByType = Object.fromEntries(
    [...window.notificationSeenByType].map(([type, samples]) => [type, summarise(samples)]),
  );
  const failures = [];
  for (const o of operations) {
    if (o.kind === 'read' && (o.p95 > LIMITS.readP95 || o.p99 > LIMITS.readP99))
      failures.push(`${o.op} p95 ${o.p95.toFixed(0)} / p99 ${o.p99.toFixed(0)} ms`);
    if (o.kind === 'write' && o.p99 > LIMITS.writeP99) failures.push(`${o.op} p99 ${o.p99.toFixed(0)} ms`);
  }
  if (requests && errors / requests > LIMITS.errorShare)
    failures.push(`errors ${((100 * errors) / requests).toFixed(3)} %`);
  if (seen.count && seen.p99 > LIMITS.seenP99) failures.push(`notification seen p99 ${seen.p99.toFixed(0)} ms`);
  const collapsed = (requests && errors / requests > COLLAPSE.errorShare) || all('read').p99 > COLLAPSE.readP99;
  const timeline = window.timeline.map((b) => ({
    rps: b.count / TIMELINE_SECONDS,
    p95: summarise(b.samples).p95,
    errors: b.errors,
  }));
  return {
    timeline,
    requests,
    rps: requests / window.seconds(),
    errors,
    reads: all('read'),
    writes: all('write'),
    seen,
    seenByType,
    operations,
    resources,
    failures,
    passed: failures.length === 0,
    collapsed,
    unexplained: window.notificationsUnexplained,
    socketDrops: window.socketDrops,
  };
}

// ── the steps ──
const results = [];
let profiled = null;
let workerProfiled = null;
for (const target of steps) {
  say(`step ${target}: signing in ${target - members.length} more members…`);
  const ramp = recorder.begin(`ramp ${target}`);
  const rampStarted = performance.now();
  const refused = await rampTo(target);
  await sleep(settleSeconds * 1000);
  const signIn = summarise(ramp.operations.get('SignIn')?.samples ?? []);
  const measured = recorder.begin(`step ${target}`);
  const from = performance.now();
  say(
    `step ${target}: ${onlineCount()} members signed in in ${((from - rampStarted) / 1000).toFixed(0)} s (sign-in p50 ${signIn.p50.toFixed(0)} ms); measuring ${stepSeconds} s…`,
  );
  // A line every timeline slot while measuring, to watch the load as it goes.
  for (let slot = 0; slot * TIMELINE_SECONDS < stepSeconds; slot++) {
    await sleep(Math.min(TIMELINE_SECONDS, stepSeconds - slot * TIMELINE_SECONDS) * 1000);
    const bucket = measured.timeline[slot];
    const latest = probes.samples.at(-1);
    if (bucket)
      say(
        `  ${(slot + 1) * TIMELINE_SECONDS} s: ${(bucket.count / TIMELINE_SECONDS).toFixed(0)} req/s, p95 ${summarise(bucket.samples).p95.toFixed(0)} ms, ${bucket.errors} errors; API connections waiting ${latest?.apis[0]?.poolWaiting ?? '–'}`,
      );
  }
  recorder.begin(`after ${target}`);
  const to = performance.now();
  const resources = usage(await probes.between(from, to));
  const online = onlineCount();
  // Judged now to decide on profiling and going on; judged again at the end, once every request
  // still running when the window closed has finished (their times belong to the window).
  const step = {
    members: target,
    signedIn: online,
    refused,
    signInP50: signIn.p50,
    signInP99: signIn.p99,
    window: measured,
    resources,
  };
  const result = { ...step, ...judged(step) };
  results.push(result);
  say(
    `step ${target}: ${result.rps.toFixed(0)} req/s, reads p95 ${result.reads.p95.toFixed(0)} p99 ${result.reads.p99.toFixed(0)} ms, writes p99 ${result.writes.p99.toFixed(0)} ms, ` +
      `errors ${result.errors}, notifications seen p99 ${result.seen.p99.toFixed(0)} ms (${result.seen.count}), API CPU ${resources.api.map((a) => a?.cpuPercent?.toFixed(0)).join(' + ')} % — ${result.passed ? 'so far PASS' : `FAIL: ${result.failures.slice(0, 4).join('; ')}`}`,
  );
  if (!result.passed && !profiled && profileSeconds > 0 && hub?.inspectorPort) {
    say(`step ${target}: profiling the API and the worker for ${profileSeconds} s at ${onlineCount()} members…`);
    recorder.begin(`profile ${target}`);
    // Both at once, over the same seconds: they share the two cores with PostgreSQL.
    const take = async (name, port) => {
      try {
        const profile = await profileProcess(port, profileSeconds);
        writeFileSync(join(outDir, `${name}-${target}.cpuprofile`), JSON.stringify(profile));
        return { members: target, file: `${name}-${target}.cpuprofile`, ...topFunctions(profile, 10) };
      } catch (error) {
        say(`step ${target}: no ${name} profile: ${error.message}`);
        return { members: target, failed: error.message };
      }
    };
    [profiled, workerProfiled] = await Promise.all([
      take('api', hub.inspectorPort),
      hub.workerInspectorPort ? take('worker', hub.workerInspectorPort) : null,
    ]);
  }
  if (result.collapsed && !args.has('keep-going')) {
    say(`step ${target} collapsed: the steps stop here`);
    break;
  }
}

// ── what was lost ──
// Members stay online a while longer, so that what was written late still reaches their bells;
// whatever no bell shows by then is lost.
recorder.begin('grace');
await sleep(graceSeconds * 1000);
const graceEnd = performance.now();
for (const [i, result] of results.entries()) {
  const { window, ...step } = result;
  const loss = await lostIn(window, graceEnd);
  const final = { ...step, ...judged(result), loss };
  if (loss.lost > 0) {
    final.failures.push(`${loss.lost} notifications lost`);
    final.passed = false;
  }
  results[i] = final;
  say(
    `step ${final.members}: reads p95 ${final.reads.p95.toFixed(0)} p99 ${final.reads.p99.toFixed(0)} ms, errors ${final.errors}, ` +
      `${loss.lost} notifications lost of ${loss.rows ?? '?'} written for ${loss.online} members online throughout — ${final.passed ? 'PASS' : 'FAIL'}`,
  );
  for (const m of loss.missing)
    say(
      `  never written: ${m.type} for ${m.recipientId} (group ${m.groupId}, subject ${m.subjectId ?? '–'}, change at ${m.at})`,
    );
}

// ── the end ──
run.stopped = true;
clearInterval(arrivals);
recorder.begin('end');
await Promise.all(members.map((m) => m.stop()));
// Visitors half-way through a form leave it; those already sending it are answered before the hub stops.
await Promise.allSettled(visiting);
await probes.close();
await db?.end();
await hub?.stop();

// Capacity: the last step of the passing ones from the first (none passed: below the first step).
let capacity = 0;
for (const r of results) {
  if (!r.passed) break;
  capacity = r.members;
}
// Every request of the run, the sign-ins and the minutes between steps included.
const wholeRun = new Map();
for (const window of recorder.windows) {
  for (const [op, entry] of window.operations) {
    const total = wholeRun.get(op) ?? { op, count: 0, errors: {} };
    total.count += entry.samples.length;
    for (const [code, n] of entry.errors) total.errors[code] = (total.errors[code] ?? 0) + n;
    wholeRun.set(op, total);
  }
}
const report = {
  when: new Date().toISOString(),
  target: hub ? 'this machine' : remote,
  options: {
    steps,
    stepSeconds,
    think: [thinkMin, thinkMax],
    visitorsPerMemberMinute,
    settleSeconds,
    graceSeconds,
    scale,
    people,
  },
  network: { counts: manifest.counts, generatedInSeconds: manifest.generatedInSeconds },
  visitors,
  results,
  capacity,
  profile: profiled,
  workerProfile: workerProfiled,
  unmatchedNotifications: run.ledger.unmatched(),
  wholeRun: [...wholeRun.values()].sort((a, b) => b.count - a.count),
};
await writeReport(report, outDir);
if (args.get('json')) writeFileSync(args.get('json'), JSON.stringify(report, null, 2));
say(`capacity: ${report.capacity} members online (the last step that passed in a row from the first)`);
say(`report: ${join(outDir, 'report.md')} and ${join(outDir, 'report.html')}`);
// A smoke run says by its exit code whether everything it did succeeded and arrived.
const clean =
  report.wholeRun.every((o) => Object.keys(o.errors).length === 0) && results.every((r) => r.loss.lost === 0);
process.exit(smoke && !clean ? 1 : 0);
