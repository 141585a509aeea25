import { describe, expect, it } from '@jest/globals';
import type { JobQueue, QueueName } from '@convene/server-core';
import { createMetricsRegistry } from '@convene/server-core';
import { JobMetrics } from './job.metrics.js';

/** A JobQueue whose queues answer `getJobCounts` as each test says (or never). */
function jobQueue(counts: (queue: QueueName) => Promise<Record<string, number>>): JobQueue {
  return { queue: (name: QueueName) => ({ getJobCounts: () => counts(name) }) } as unknown as JobQueue;
}

const queueLines = async (registry: ReturnType<typeof createMetricsRegistry>) =>
  (await registry.metrics()).split('\n').filter((line) => line.startsWith('convene_queue_jobs{'));

describe(JobMetrics.name, () => {
  it('counts a handler’s run as completed or failed, and times it', async () => {
    const registry = createMetricsRegistry('worker');
    const metrics = new JobMetrics(
      registry,
      jobQueue(async () => ({})),
    );
    await expect(metrics.measure('mail', async () => 'sent')).resolves.toBe('sent');
    const failure = new Error('SMTP refused');
    await expect(metrics.measure('mail', () => Promise.reject(failure))).rejects.toBe(failure);
    const text = await registry.metrics();
    expect(text).toContain('convene_jobs_total{queue="mail",outcome="completed",service="worker"} 1');
    expect(text).toContain('convene_jobs_total{queue="mail",outcome="failed",service="worker"} 1');
    expect(text).toContain('convene_job_duration_seconds_count{service="worker",queue="mail"} 2');
  });

  it('reports each queue’s waiting, active and delayed jobs at scrape time', async () => {
    const registry = createMetricsRegistry('worker');
    new JobMetrics(
      registry,
      jobQueue(async (queue) => ({ waiting: queue.length, active: 0, delayed: 2 })),
    );
    const lines = await queueLines(registry);
    expect(lines).toHaveLength(9);
    expect(lines).toContain('convene_queue_jobs{queue="mail",state="waiting",service="worker"} 4');
    expect(lines).toContain('convene_queue_jobs{queue="maintenance",state="delayed",service="worker"} 2');
  });

  it('leaves out, within a second, the queues Redis does not count', async () => {
    const registry = createMetricsRegistry('worker');
    let answers: (queue: QueueName) => Promise<Record<string, number>> = async () => ({
      waiting: 1,
      active: 1,
      delayed: 1,
    });
    new JobMetrics(
      registry,
      jobQueue((queue) => answers(queue)),
    );
    expect(await queueLines(registry)).toHaveLength(9);
    // Now one queue hangs and another fails: their numbers go rather than stay stale.
    answers = (queue) =>
      queue === 'mail'
        ? new Promise(() => undefined)
        : queue === 'notifications'
          ? Promise.reject(new Error('Redis is not reachable'))
          : Promise.resolve({ waiting: 5, active: 0, delayed: 0 });
    const started = Date.now();
    const lines = await queueLines(registry);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(lines).toEqual([
      'convene_queue_jobs{queue="maintenance",state="waiting",service="worker"} 5',
      'convene_queue_jobs{queue="maintenance",state="active",service="worker"} 0',
      'convene_queue_jobs{queue="maintenance",state="delayed",service="worker"} 0',
    ]);
  });
});
