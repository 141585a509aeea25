// What the simulated people saw, per window of the run (a step's ramp, its measured minutes):
// every request's latency and outcome by operation, and how long notifications took to reach the
// bell. A request belongs to the window it started in.

/** Percentile of sorted samples (nearest rank). */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarise(samples) {
  const sorted = Float64Array.from(samples).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** The width of a timeline slot. */
export const TIMELINE_SECONDS = 15;

class Window {
  constructor(name) {
    this.name = name;
    this.startedAt = performance.now();
    this.endedAt = null;
    /** op → { kind, samples[], errors: Map(code → n) } */
    this.operations = new Map();
    /** Milliseconds from a change's response to the bell's data holding its notification. */
    this.notificationSeen = [];
    /** The same by notification type. */
    this.notificationSeenByType = new Map();
    /** Notifications seen that no change of this run explains (reminders, history). */
    this.notificationsUnexplained = 0;
    this.socketDrops = 0;
    /** Every request again, by TIMELINE_SECONDS of the window it started in: { count, errors, samples } */
    this.timeline = [];
  }

  operation(op, kind) {
    let entry = this.operations.get(op);
    if (!entry) {
      entry = { kind, samples: [], errors: new Map() };
      this.operations.set(op, entry);
    }
    return entry;
  }

  seconds() {
    return ((this.endedAt ?? performance.now()) - this.startedAt) / 1000;
  }
}

export class Recorder {
  constructor() {
    this.window = new Window('start');
    this.windows = [this.window];
  }

  /** Closes the current window and opens the next, which it returns. */
  begin(name) {
    this.window.endedAt = performance.now();
    this.window = new Window(name);
    this.windows.push(this.window);
    return this.window;
  }

  /** A request that started at `startedAt` (performance.now()) finished; `code` is null on success. */
  request(op, kind, startedAt, code) {
    const window = this.windowAt(startedAt);
    const entry = window.operation(op, kind);
    const ms = performance.now() - startedAt;
    entry.samples.push(ms);
    if (code) entry.errors.set(code, (entry.errors.get(code) ?? 0) + 1);
    const slot = Math.floor((startedAt - window.startedAt) / (TIMELINE_SECONDS * 1000));
    const bucket = (window.timeline[slot] ??= { count: 0, errors: 0, samples: [] });
    bucket.count += 1;
    bucket.samples.push(ms);
    if (code) bucket.errors += 1;
  }

  /** A notification of `type` reached the bell `ms` after the response of the change that caused it. */
  notificationSeen(changeAt, ms, type) {
    const window = this.windowAt(changeAt);
    window.notificationSeen.push(ms);
    const list = window.notificationSeenByType.get(type) ?? [];
    list.push(ms);
    window.notificationSeenByType.set(type, list);
  }

  unexplainedNotification() {
    this.window.notificationsUnexplained += 1;
  }

  socketDropped() {
    this.window.socketDrops += 1;
  }

  windowAt(at) {
    for (let i = this.windows.length - 1; i >= 0; i--) if (this.windows[i].startedAt <= at) return this.windows[i];
    return this.windows[0];
  }
}
