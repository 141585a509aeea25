// A CPU profile of the running API, taken through its inspector while the load goes on: the same
// V8 sampling profiler, and the same .cpuprofile file, as `node --cpu-prof` writes at exit, but of
// a chosen minute instead of the process's whole life. Also the functions that cost most.

/** Profiles the process listening on `port` (--inspect) for `seconds`; returns the profile. */
export async function profileProcess(port, seconds, intervalMicros = 1000) {
  const [target] = await (
    await fetch(`http://127.0.0.1:${port}/json/list`, { signal: AbortSignal.timeout(10_000) })
  ).json();
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('could not reach the inspector')), 10_000);
    socket.onopen = () => (clearTimeout(timer), resolve());
    socket.onerror = () => (clearTimeout(timer), reject(new Error('could not reach the inspector')));
  });
  let id = 0;
  const waiting = new Map();
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    const done = waiting.get(message.id);
    if (!done) return;
    waiting.delete(message.id);
    if (message.error) done.reject(new Error(message.error.message));
    else done.resolve(message.result);
  };
  // A process too busy to answer its inspector within this gets no profile; the run goes on.
  const send = (method, params = {}, ms = 30_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the inspector did not answer ${method} within ${ms / 1000} s`)),
        ms,
      );
      waiting.set(++id, {
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: intervalMicros });
    await send('Profiler.start');
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const { profile } = await send('Profiler.stop', {}, 60_000);
    await send('Profiler.disable');
    return profile;
  } finally {
    socket.close();
  }
}

const META = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/**
 * Self time per function (name, file and line), the most expensive first, with the shares of
 * idle time, garbage collection and V8's own work ("(program)").
 */
export function topFunctions(profile, count = 10) {
  const self = new Map();
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const micros = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    micros.set(id, (micros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  let total = 0;
  const meta = {};
  for (const [id, us] of micros) {
    const { callFrame } = byNode.get(id);
    total += us;
    const name = callFrame.functionName || '(anonymous)';
    if (META.has(name)) {
      meta[name] = (meta[name] ?? 0) + us;
      continue;
    }
    const file = callFrame.url ? shortPath(callFrame.url) : '(native)';
    const key = `${name} ${file}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + us);
  }
  const busy = total - (meta['(idle)'] ?? 0);
  const rows = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([fn, us]) => ({ fn, selfMs: us / 1000, shareOfBusy: us / busy }));
  return {
    seconds: total / 1e6,
    busyShare: busy / total,
    gcShare: (meta['(garbage collector)'] ?? 0) / busy,
    programShare: (meta['(program)'] ?? 0) / busy,
    rows,
  };
}

function shortPath(url) {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + '/node_modules/'.length);
  const dist = path.indexOf('/dist/server/');
  if (dist >= 0) return path.slice(dist + '/dist/server/'.length);
  return path.startsWith('node:') ? path : path.split('/').slice(-2).join('/');
}

/** Self time grouped by where the code comes from: a package, the project's own code, Node's. */
export function byPackage(profile) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const { callFrame } = byNode.get(profile.samples[i]);
    if (callFrame.functionName === '(idle)') continue;
    const us = profile.timeDeltas[i] ?? 0;
    busy += us;
    const where = origin(callFrame);
    totals.set(where, (totals.get(where) ?? 0) + us);
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([where, us]) => ({ where, share: us / busy }));
}

/**
 * Each sample charged to the nearest of the project's own functions on its stack (the code that
 * asked for the work, whatever library did it), or, with none, to the package at the top of the
 * stack (the HTTP and GraphQL layers, timers): which parts of a request cost most.
 */
export function nearestOwn(profile, count = 14) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map();
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const leaf = byNode.get(profile.samples[i]);
    if (leaf.callFrame.functionName === '(idle)') continue;
    const us = profile.timeDeltas[i] ?? 0;
    busy += us;
    let key = null;
    let outermost = null;
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const { callFrame } = byNode.get(id);
      if (callFrame.url.includes('/dist/server/')) {
        key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.slice(callFrame.url.indexOf('/dist/server/') + 13)}:${callFrame.lineNumber + 1}`;
        break;
      }
      if (callFrame.url.includes('/node_modules/')) outermost = callFrame;
    }
    // Work resumed after an await has no caller of ours on its stack: it goes to the outermost library frame.
    key ??= outermost
      ? `(resumed in) ${origin(outermost)} ${outermost.functionName || '(anonymous)'}`
      : `(no library or own code) ${origin(leaf.callFrame)}`;
    totals.set(key, (totals.get(key) ?? 0) + us);
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([fn, us]) => ({ fn, share: us / busy }));
}

function origin({ url }) {
  if (url.includes('/node_modules/')) {
    const rest = url.slice(url.lastIndexOf('/node_modules/') + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.includes('/dist/server/')) return 'convene (own code)';
  if (url.startsWith('node:')) return 'node: built-ins';
  return '(V8, GC, native)';
}

/** Prints where a profile's time went: by origin, the top functions, and the project's functions that asked for it. */
export function printProfile(profile, title) {
  const top = topFunctions(profile, 15);
  const packages = byPackage(profile);
  const own = nearestOwn(profile);
  console.log(
    `${title}: ${top.seconds.toFixed(1)} s sampled, busy ${(100 * top.busyShare).toFixed(0)}%, garbage collection ${(100 * top.gcShare).toFixed(0)}% of busy`,
  );
  console.log('  self time by origin: ' + packages.map((p) => `${p.where} ${(100 * p.share).toFixed(1)}%`).join(', '));
  console.log('  functions with the most self time:');
  for (const row of top.rows) console.log(`    ${(100 * row.shareOfBusy).toFixed(1).padStart(5)}%  ${row.fn}`);
  console.log(
    "  time charged to the project's nearest own function on the stack (with the library work it asked for):",
  );
  for (const row of own) console.log(`    ${(100 * row.share).toFixed(1).padStart(5)}%  ${row.fn}`);
}
