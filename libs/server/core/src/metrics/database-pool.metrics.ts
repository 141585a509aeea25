import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics-registry.js';

type Connect = (callback?: Parameters<Pool['connect']>[0]) => Promise<PoolClient> | void;

/**
 * What the PostgreSQL connection pool is doing: how many connections it holds, how long each
 * request for one waited, and how many statements went out. MikroORM creates the pool; the ORM
 * configuration hands it to `instrument` (see orm-config.ts). Counting costs an integer increment
 * per statement and a clock read per checkout, so it is always on; it is served only when the
 * process has a metrics port.
 */
@Injectable()
export class DatabasePoolMetrics {
  private readonly pools = new Set<Pool>();
  private readonly acquireSeconds: Histogram;
  /** Plain numbers on the hot path, handed to the counter when it is scraped. */
  private statements = 0;
  private waits = 0;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    const livePools = () => this.livePools();
    new Gauge({
      name: 'convene_db_pool_connections',
      help: 'Connections of the PostgreSQL pool: total (open or opening), idle, and waiting (requests queued for one).',
      labelNames: ['state'] as const,
      registers,
      collect() {
        const pools = livePools();
        this.set(
          { state: 'total' },
          sum(pools, (pool) => pool.totalCount),
        );
        this.set(
          { state: 'idle' },
          sum(pools, (pool) => pool.idleCount),
        );
        this.set(
          { state: 'waiting' },
          sum(pools, (pool) => pool.waitingCount),
        );
      },
    });
    new Gauge({
      name: 'convene_db_pool_max',
      help: 'Most connections the PostgreSQL pool may open.',
      registers,
      collect() {
        this.set(sum(livePools(), maxOf));
      },
    });
    this.acquireSeconds = new Histogram({
      name: 'convene_db_pool_acquire_seconds',
      help: 'Time each request for a pooled connection took to get one (or to fail), in seconds.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    new Counter({
      name: 'convene_db_pool_acquire_waits_total',
      help: 'Requests for a connection that found the pool exhausted (no idle connection left for them, no room to open one) and queued until one was returned.',
      registers,
      collect: catchUp(() => this.waits),
    });
    new Counter({
      name: 'convene_db_statements_total',
      help: 'SQL statements sent to PostgreSQL through the pool (including BEGIN and COMMIT).',
      registers,
      collect: catchUp(() => this.statements),
    });
  }

  /** Counts what `pool` does from now on: its checkouts, and the statements of the connections it opens. */
  instrument(pool: Pool): void {
    this.pools.add(pool);
    const max = maxOf(pool);
    const connect = pool.connect as Connect;
    const timed: Connect = (callback) => {
      // The pool serves the requests already queued first, each with one idle connection; opening a
      // new connection is not waiting for one (its time is in the histogram all the same). What is
      // left is a request that will sit in the queue until someone returns a connection.
      if (pool.idleCount <= pool.waitingCount && pool.totalCount >= max) this.waits += 1;
      const started = performance.now();
      const done = () => this.acquireSeconds.observe((performance.now() - started) / 1000);
      if (typeof callback === 'function') {
        return connect.call(pool, (error, client, release) => {
          done();
          callback(error, client, release);
        });
      }
      return (connect.call(pool) as Promise<PoolClient>).then(
        (client) => {
          done();
          return client;
        },
        (error: unknown) => {
          done();
          throw error;
        },
      );
    };
    // `pool.query` takes its connection through `this.connect` as well, so it is timed too.
    pool.connect = timed as Pool['connect'];
    pool.on('connect', (client: PoolClient) => {
      const query = client.query as (...args: unknown[]) => unknown;
      const counted = (...args: unknown[]) => {
        this.statements += 1;
        return query.apply(client, args);
      };
      client.query = counted as PoolClient['query'];
    });
  }

  /** The pools still open (MikroORM makes a new one when it reconnects). */
  private livePools(): Pool[] {
    for (const pool of this.pools) if (pool.ended) this.pools.delete(pool);
    return [...this.pools];
  }
}

const maxOf = (pool: Pool) => pool.options.max ?? 10;

const sum = (pools: Pool[], value: (pool: Pool) => number) => pools.reduce((total, pool) => total + value(pool), 0);

/** A counter's scrape-time step that brings it up to a running total kept outside prom-client. */
function catchUp(total: () => number): (this: Counter) => void {
  let reported = 0;
  return function () {
    const now = total();
    if (now > reported) this.inc(now - reported);
    reported = now;
  };
}
