// What operators scrape from a running worker (WORKER_METRICS_PORT): its job runs by queue and
// outcome, what each queue holds, and its database pool.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import { JobQueue, QUEUE_NAMES } from '@convene/server-core';
import { MetricsScrape, clearRedisPrefix, freePort, openTestOrm, useTestEnvironment } from '@convene/server-testing';
import { createWorkerApp } from '../src/bootstrap.js';

const service = { service: 'worker' };

describe('worker metrics', () => {
  let orm: MikroORM;
  let worker: INestApplicationContext;
  let scrape: () => Promise<MetricsScrape>;

  beforeAll(async () => {
    const port = await freePort();
    scrape = () => MetricsScrape.of(`http://127.0.0.1:${port}/metrics`);
    const config = useTestEnvironment({ WORKER_METRICS_PORT: String(port) }, 'metrics');
    orm = await openTestOrm(config);
    await clearRedisPrefix(config);
    worker = await createWorkerApp({ logger: false });
  });
  afterAll(async () => {
    await worker?.close();
    await orm?.close();
  });

  it('counts and times the jobs it runs by queue and outcome, and counts what the queues hold', async () => {
    const notifications = worker.get(JobQueue).queue('notifications');
    const before = await scrape();
    // A reminder of a meeting that does not exist completes at once, after one look in the database;
    // a job no handler takes fails (once: it is added without the default retries); a reminder
    // for later waits in the queue.
    const reminder = { meetingId: randomUUID(), minutesBefore: 60, startsAt: Date.now() + 3 * 3600_000 };
    await notifications.add('send-meeting-reminder', reminder, { jobId: `metrics-now-${reminder.meetingId}` });
    await notifications.add('no-such-job', {}, { jobId: `metrics-unknown-${reminder.meetingId}` });
    await notifications.add('send-meeting-reminder', reminder, {
      jobId: `metrics-later-${reminder.meetingId}`,
      delay: 3600_000,
    });

    const ran = (metrics: MetricsScrape, outcome: string) =>
      metrics.values('convene_jobs_total', { ...service, queue: 'notifications', outcome })[0] ?? 0;
    let after = await scrape();
    for (let i = 0; i < 200 && ran(after, 'completed') + ran(after, 'failed') < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await scrape();
    }
    expect([ran(after, 'completed'), ran(after, 'failed')]).toEqual([1, 1]);
    expect(after.value('convene_job_duration_seconds_count', { ...service, queue: 'notifications' })).toBe(2);
    expect(after.value('convene_job_duration_seconds_sum', { ...service, queue: 'notifications' })).toBeLessThan(10);

    for (const queue of QUEUE_NAMES) {
      for (const state of ['waiting', 'active', 'delayed'])
        expect(after.values('convene_queue_jobs', { ...service, queue, state })).toEqual([expect.any(Number)]);
    }
    expect(after.value('convene_queue_jobs', { ...service, queue: 'notifications', state: 'delayed' })).toBe(1);
    expect(after.value('convene_queue_jobs', { ...service, queue: 'notifications', state: 'waiting' })).toBe(0);

    expect(after.value('convene_db_statements_total', service)).toBeGreaterThan(
      before.value('convene_db_statements_total', service),
    );
    expect(after.value('convene_db_pool_acquire_seconds_count', service)).toBeGreaterThan(0);
    expect(after.value('convene_db_pool_max', service)).toBe(10);
    expect(after.value('nodejs_eventloop_lag_p99_seconds', service)).toBeLessThan(5);
    expect(after.value('process_resident_memory_bytes', service)).toBeGreaterThan(20 * 1024 * 1024);
  });
});

describe('worker metrics at shutdown', () => {
  it('stops serving them when the worker closes', async () => {
    const port = await freePort();
    const config = useTestEnvironment({ WORKER_METRICS_PORT: String(port) }, 'metrics');
    const orm = await openTestOrm(config);
    const worker = await createWorkerApp({ logger: false });
    try {
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
    } finally {
      await worker.close();
      await orm.close();
    }
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });
});
