import { EventEmitter } from 'node:events';
import { describe, expect, it, jest } from '@jest/globals';
import type { Pool, PoolClient } from 'pg';
import type { Registry } from 'prom-client';
import { DatabasePoolMetrics } from './database-pool.metrics.js';
import { createMetricsRegistry } from './metrics-registry.js';

type Callback = (error: Error | undefined, client: PoolClient | undefined, release: () => void) => void;

/** Just what the metrics read of a pg Pool: its counts, its max, `connect` in both forms, and the `connect` event. */
class FakePool extends EventEmitter {
  totalCount = 0;
  idleCount = 0;
  waitingCount = 0;
  ended = false;
  readonly options = { max: 2 };
  /** How the next checkout ends, and after how long. */
  next: { error?: Error; afterMs: number } = { afterMs: 0 };
  readonly client = { query: jest.fn((...args: unknown[]) => args.length) } as unknown as PoolClient;

  connect(callback?: Callback): Promise<PoolClient> | void {
    const { error, afterMs } = this.next;
    const settled = new Promise<PoolClient>((resolve, reject) =>
      setTimeout(() => (error ? reject(error) : resolve(this.client)), afterMs),
    );
    if (!callback) return settled;
    settled.then(
      (client) => callback(undefined, client, () => undefined),
      (failure: Error) => callback(failure, undefined, () => undefined),
    );
  }
}

function instrumented() {
  const registry = createMetricsRegistry('api');
  const metrics = new DatabasePoolMetrics(registry);
  const fake = new FakePool();
  metrics.instrument(fake as unknown as Pool);
  return { registry, fake, pool: fake as unknown as Pool };
}

/** One sample of a metric, read from the registry's text as a scrape would read it. */
async function sample(
  registry: Registry,
  name: string,
  labels: Record<string, string> = {},
): Promise<number | undefined> {
  const wanted = Object.entries({ service: 'api', ...labels }).map(([key, value]) => `${key}="${value}"`);
  const line = (await registry.metrics())
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && wanted.every((label) => l.slice(0, l.indexOf('}')).includes(label)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe(DatabasePoolMetrics.name, () => {
  it('reads the pool’s connections and its max when scraped', async () => {
    const { registry, fake } = instrumented();
    Object.assign(fake, { totalCount: 2, idleCount: 1, waitingCount: 0 });
    expect(await sample(registry, 'convene_db_pool_connections', { state: 'total' })).toBe(2);
    expect(await sample(registry, 'convene_db_pool_connections', { state: 'idle' })).toBe(1);
    Object.assign(fake, { idleCount: 0, waitingCount: 3 });
    expect(await sample(registry, 'convene_db_pool_connections', { state: 'waiting' })).toBe(3);
    expect(await sample(registry, 'convene_db_pool_max')).toBe(2);
    fake.ended = true;
    expect(await sample(registry, 'convene_db_pool_connections', { state: 'total' })).toBe(0);
    expect(await sample(registry, 'convene_db_pool_max')).toBe(0);
  });

  it('times checkouts in the promise and the callback form, failed ones too', async () => {
    const { registry, fake, pool } = instrumented();
    fake.next = { afterMs: 20 };
    await expect(pool.connect()).resolves.toBe(fake.client);
    const viaCallback = await new Promise<PoolClient | undefined>((resolve) =>
      pool.connect((_error, client) => resolve(client)),
    );
    expect(viaCallback).toBe(fake.client);
    const failure = new Error('timeout exceeded when trying to connect');
    fake.next = { error: failure, afterMs: 0 };
    await expect(pool.connect()).rejects.toBe(failure);

    expect(await sample(registry, 'convene_db_pool_acquire_seconds_count')).toBe(3);
    expect(await sample(registry, 'convene_db_pool_acquire_seconds_sum')).toBeGreaterThanOrEqual(0.035);
    expect(await sample(registry, 'convene_db_pool_acquire_seconds_sum')).toBeLessThan(1);
  });

  it('counts as a wait only a checkout that finds no connection left for it and no room for another', async () => {
    const { registry, fake, pool } = instrumented();
    // Room to open a connection: not a wait.
    Object.assign(fake, { totalCount: 1, idleCount: 0, waitingCount: 0 });
    await pool.connect();
    // Full, but an idle connection that nobody ahead of it claims: not a wait.
    Object.assign(fake, { totalCount: 2, idleCount: 1, waitingCount: 0 });
    await pool.connect();
    expect(await sample(registry, 'convene_db_pool_acquire_waits_total')).toBe(0);
    // Full, and the one idle connection goes to the request queued before it: a wait.
    Object.assign(fake, { totalCount: 2, idleCount: 1, waitingCount: 1 });
    await pool.connect();
    Object.assign(fake, { totalCount: 2, idleCount: 0, waitingCount: 0 });
    await new Promise((resolve) => pool.connect(resolve));
    expect(await sample(registry, 'convene_db_pool_acquire_waits_total')).toBe(2);
  });

  it('counts the statements of every connection the pool opens, and still runs them', async () => {
    const { registry, fake } = instrumented();
    const original = fake.client.query as unknown as jest.Mock;
    fake.emit('connect', fake.client);
    expect(fake.client.query('select 1')).toBe(1);
    expect(fake.client.query('select $1', [2])).toBe(2);
    expect(original.mock.calls).toEqual([['select 1'], ['select $1', [2]]]);
    expect(original.mock.contexts).toEqual([fake.client, fake.client]);
    expect(await sample(registry, 'convene_db_statements_total')).toBe(2);
    fake.client.query('commit');
    // Scraped twice, the counter moves by what happened in between only.
    expect(await sample(registry, 'convene_db_statements_total')).toBe(3);
    expect(await sample(registry, 'convene_db_statements_total')).toBe(3);
  });
});
