// A CPU profile of the running API, taken through its inspector while the load goes on: the same
// V8 sampling profiler, and the same .cpuprofile file, as `node --cpu-prof` writes at exit, but of
// a chosen minute instead of the process's whole life. Also the functions that cost most.

/** Profiles the process listening on `port` (--inspect) for `seconds`; returns the profile. */
export async function profileProcess(port, seconds, intervalMicros = 1000) {
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`, { signal: AbortSignal.timeout(10_000) })).json();
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
      const timer = setTimeout(() => reject(new Error(`the inspector did not answer ${method} within ${ms / 1000} s`)), ms);
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
