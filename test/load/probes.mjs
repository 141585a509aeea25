// What the machine's processes do during the load, sampled every few seconds: the API's and the
// worker's own metrics (their /metrics endpoints: CPU, memory, event-loop delay, database pool,
// statements, sockets, jobs), Redis's INFO, PostgreSQL's counters and (on this machine) the CPU
// and memory of its processes from /proc, and the load generator's own.
import { readFileSync, readdirSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import pg from 'pg';

const TICKS_PER_SECOND = 100;
/**
 * Event-loop delay is sampled every 5 ms here and in the API and worker (prom-client); the
 * readings include that interval, which is taken off: what is left is the delay.
 */
const LOOP_RESOLUTION_SECONDS = 0.005;
const delay = (seconds) => (seconds == null ? null : Math.max(0, seconds - LOOP_RESOLUTION_SECONDS));

/** Prometheus text → Map(`name{labels}` and bare `name` → summed value). */
export function parseMetrics(text) {
  const values = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    const series = line.slice(0, space);
    const value = Number(line.slice(space + 1));
    if (!Number.isFinite(value)) continue;
    values.set(series, value);
    const name = series.split('{')[0];
    values.set(name, (values.get(name) ?? 0) + value);
  }
  return values;
}

/** The value of the one series of `name` whose labels include every `label="value"` given. */
function series(metrics, name, ...labels) {
  let sum = null;
  for (const [key, value] of metrics) {
    if (!key.startsWith(`${name}{`) || !labels.every((l) => key.includes(l))) continue;
    sum = (sum ?? 0) + value;
  }
  return sum ?? metrics.get(name) ?? null;
}

function processSample(scraped) {
  if (!scraped) return null;
  const { metrics, at } = scraped;
  return {
    at,
    cpuSeconds: metrics.get('process_cpu_seconds_total') ?? null,
    rssBytes: metrics.get('process_resident_memory_bytes') ?? null,
    lagP99: delay(metrics.get('nodejs_eventloop_lag_p99_seconds')),
    lagMax: delay(metrics.get('nodejs_eventloop_lag_max_seconds')),
    statements: metrics.get('convene_db_statements_total') ?? null,
    poolWaits: metrics.get('convene_db_pool_acquire_waits_total') ?? null,
    acquireSum: metrics.get('convene_db_pool_acquire_seconds_sum') ?? null,
    acquireCount: metrics.get('convene_db_pool_acquire_seconds_count') ?? null,
    poolWaiting: series(metrics, 'convene_db_pool_connections', 'state="waiting"'),
    poolTotal: series(metrics, 'convene_db_pool_connections', 'state="total"'),
    sockets: metrics.get('convene_socket_connections') ?? null,
    jobsCompleted: series(metrics, 'convene_jobs_total', 'outcome="completed"'),
    jobsFailed: series(metrics, 'convene_jobs_total', 'outcome="failed"'),
    jobsWaiting: series(metrics, 'convene_queue_jobs', 'state="waiting"'),
  };
}

function cpuTicks(pid, withChildren = false) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime, stime (and cutime, cstime: children that ended)
  return Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
}

function parentOf(pid) {
  return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
}

function pssBytes(pid) {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds of PostgreSQL's server and all its processes (live and ended), and their memory. */
function postgresSample(postmasterPid) {
  let ticks = cpuTicks(postmasterPid, true);
  let pss = pssBytes(postmasterPid);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (parentOf(name) !== postmasterPid) continue;
      ticks += cpuTicks(name);
      pss += pssBytes(name);
    } catch {
      // ended meanwhile
    }
  }
  return { cpuSeconds: ticks / TICKS_PER_SECOND, rssBytes: pss };
}

export class Probes {
  /**
   * @param {{ apiMetricsUrls: string[], workerMetricsUrl: string | null, redisUrl: string | null, databaseUrl: string | null, local: boolean }} options
   */
  constructor({ apiMetricsUrls, workerMetricsUrl, redisUrl, databaseUrl, local }) {
    this.apiMetricsUrls = apiMetricsUrls;
    this.workerMetricsUrl = workerMetricsUrl;
    this.redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true }) : null;
    this.redis?.on('error', () => undefined);
    this.db = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : null;
    this.local = local;
    this.postmasterPid = null;
    this.samples = [];
    this.loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_SECONDS * 1000 });
  }

  async open() {
    this.loop.enable();
    await this.redis?.connect();
    if (this.db) {
      await this.db.connect();
      if (this.local) {
        const {
          rows: [row],
        } = await this.db.query(`select setting from pg_settings where name = 'data_directory'`);
        try {
          this.postmasterPid = Number(readFileSync(`${row.setting}/postmaster.pid`, 'utf8').split('\n')[0]);
        } catch {
          this.postmasterPid = null;
        }
      }
    }
    await this.sample();
    this.timer = setInterval(() => void this.sample(), 5000);
  }

  /** `{ metrics, at }`: `at` is when the answer came, close to when the process read its counters. */
  async scrape(url) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
      return response.ok ? { metrics: parseMetrics(await response.text()), at: performance.now() } : null;
    } catch {
      return null;
    }
  }

  async sample() {
    const at = performance.now();
    const [apis, worker, redis, postgres] = await Promise.all([
      Promise.all(this.apiMetricsUrls.map((url) => this.scrape(url))),
      this.workerMetricsUrl ? this.scrape(this.workerMetricsUrl) : null,
      this.redisInfo(),
      this.postgresCounters(),
    ]);
    const cpu = process.cpuUsage();
    const now = performance.now();
    const sample = {
      at,
      apis: apis.map(processSample),
      worker: processSample(worker),
      redis,
      postgres: { at: now, ...postgres, ...(this.postmasterPid ? safe(() => postgresSample(this.postmasterPid)) : {}) },
      generator: {
        at: now,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        rssBytes: process.memoryUsage.rss(),
        lagP99: delay(this.loop.percentile(99) / 1e9),
        lagMax: delay(this.loop.max / 1e9),
      },
    };
    this.loop.reset();
    this.samples.push(sample);
    return sample;
  }

  async redisInfo() {
    if (!this.redis) return null;
    try {
      const info = await this.redis.info();
      const field = (name) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
      return {
        at: performance.now(),
        cpuSeconds: field('used_cpu_sys') + field('used_cpu_user'),
        rssBytes: field('used_memory_rss'),
        commands: field('total_commands_processed'),
        clients: field('connected_clients'),
      };
    } catch {
      return null;
    }
  }

  async postgresCounters() {
    if (!this.db) return null;
    try {
      const {
        rows: [row],
      } = await this.db.query(
        `select xact_commit + xact_rollback as transactions, numbackends as backends from pg_stat_database where datname = current_database()`,
      );
      return { transactions: Number(row.transactions), backends: Number(row.backends) };
    } catch {
      return null;
    }
  }

  /** Samples taken within [from, to] (performance.now()), one taken now if none. */
  async between(from, to) {
    let inside = this.samples.filter((s) => s.at >= from - 2500 && s.at <= to + 2500);
    if (inside.length < 2) inside = [...inside, await this.sample()];
    return inside;
  }

  async close() {
    clearInterval(this.timer);
    this.loop.disable();
    this.redis?.disconnect();
    await this.db?.end().catch(() => undefined);
  }
}

function safe(read) {
  try {
    return read();
  } catch {
    return {};
  }
}

/** What one window's samples say: rates from counters, highs from gauges. */
export function usage(samples) {
  const seconds = (samples.at(-1).at - samples[0].at) / 1000;
  /** Per second of a counter of one source, between the first and last samples that have it (each at its own time). */
  const rate = (source, field) => {
    const having = samples.map(source).filter((v) => v?.[field] != null && Number.isFinite(v[field]));
    if (having.length < 2) return null;
    const [a, b] = [having[0], having.at(-1)];
    return b.at > a.at ? ((b[field] - a[field]) * 1000) / (b.at - a.at) : null;
  };
  /** The highest reading of a gauge after the first sample. */
  const most = (source, field) => {
    const values = samples
      .slice(1)
      .map((s) => source(s)?.[field])
      .filter((v) => v != null && Number.isFinite(v));
    return values.length ? Math.max(...values) : null;
  };
  const node = (source) => {
    const having = samples.map(source).filter((v) => v?.acquireCount != null);
    const acquired = having.length > 1 ? having.at(-1).acquireCount - having[0].acquireCount : 0;
    return {
      cpuPercent: mul(rate(source, 'cpuSeconds'), 100),
      rssMiB: mul(most(source, 'rssBytes'), 1 / 1024 / 1024),
      lagP99Ms: mul(most(source, 'lagP99'), 1000),
      lagMaxMs: mul(most(source, 'lagMax'), 1000),
      statementsPerSecond: rate(source, 'statements'),
      poolWaitsPerSecond: rate(source, 'poolWaits'),
      poolWaitingMax: most(source, 'poolWaiting'),
      meanAcquireMs: acquired > 0 ? ((having.at(-1).acquireSum - having[0].acquireSum) / acquired) * 1000 : null,
    };
  };
  const apis = samples[0].apis.map((_, i) => node((s) => s.apis[i]));
  const worker = node((s) => s.worker);
  return {
    seconds,
    api: apis,
    worker,
    redis: {
      cpuPercent: mul(
        rate((s) => s.redis, 'cpuSeconds'),
        100,
      ),
      rssMiB: mul(
        most((s) => s.redis, 'rssBytes'),
        1 / 1024 / 1024,
      ),
      commandsPerSecond: rate((s) => s.redis, 'commands'),
    },
    postgres: {
      cpuPercent: mul(
        rate((s) => s.postgres, 'cpuSeconds'),
        100,
      ),
      rssMiB: mul(
        most((s) => s.postgres, 'rssBytes'),
        1 / 1024 / 1024,
      ),
      transactionsPerSecond: rate((s) => s.postgres, 'transactions'),
      backends: most((s) => s.postgres, 'backends'),
    },
    generator: node((s) => s.generator),
    /** Statements sent by the API instances and by the worker. */
    statementsPerSecond: {
      api: apis.reduce(
        (sum, a) => (a.statementsPerSecond == null || sum == null ? null : sum + a.statementsPerSecond),
        0,
      ),
      worker: worker.statementsPerSecond,
    },
    sockets: most((s) => ({ n: s.apis.reduce((m, p) => m + (p?.sockets ?? 0), 0) }), 'n'),
    jobsPerSecond: rate((s) => s.worker, 'jobsCompleted'),
    jobsWaitingMax: most((s) => s.worker, 'jobsWaiting'),
  };
}

const mul = (value, factor) => (value == null ? null : value * factor);
