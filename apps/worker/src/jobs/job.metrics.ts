import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { JobQueue, METRICS_REGISTRY, QUEUE_NAMES, type QueueName } from '@convene/server-core';

/** The job states counted in each queue at scrape time. */
const COUNTED_STATES = ['waiting', 'active', 'delayed'] as const;
/** How long a scrape waits for Redis to count a queue's jobs before leaving them out. */
const COUNT_TIMEOUT_MS = 1000;

/**
 * What the worker does with its jobs: each run of a handler, counted by queue and outcome and
 * timed; and how many jobs each queue holds, counted in Redis when the metrics are scraped.
 */
@Injectable()
export class JobMetrics {
  private readonly runs: Counter<'queue' | 'outcome'>;
  private readonly duration: Histogram<'queue'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry, jobs: JobQueue) {
    const registers = [registry];
    this.runs = new Counter({
      name: 'convene_jobs_total',
      help: 'Job runs by queue and outcome (completed or failed); a retried job counts once per attempt.',
      labelNames: ['queue', 'outcome'] as const,
      registers,
    });
    this.duration = new Histogram({
      name: 'convene_job_duration_seconds',
      help: 'Time a job handler ran, completed or failed, in seconds.',
      labelNames: ['queue'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    new Gauge({
      name: 'convene_queue_jobs',
      help: 'Jobs in each queue by state, counted in Redis at scrape time (absent while Redis does not answer).',
      labelNames: ['queue', 'state'] as const,
      registers,
      async collect() {
        const counts = await Promise.all(QUEUE_NAMES.map((queue) => countJobs(jobs, queue)));
        // A queue that could not be counted shows no numbers rather than stale ones.
        this.reset();
        QUEUE_NAMES.forEach((queue, index) => {
          const count = counts[index];
          if (count) for (const state of COUNTED_STATES) this.set({ queue, state }, count[state] ?? 0);
        });
      },
    });
  }

  /** Runs one job's handler, counting and timing it whether it completes or throws. */
  async measure<T>(queue: QueueName, handle: () => Promise<T>): Promise<T> {
    const stop = this.duration.startTimer({ queue });
    try {
      const result = await handle();
      this.runs.inc({ queue, outcome: 'completed' });
      return result;
    } catch (error) {
      this.runs.inc({ queue, outcome: 'failed' });
      throw error;
    } finally {
      stop();
    }
  }
}

/** The queue's job counts, or null when Redis is down or slow: a scrape must never hang on it. */
async function countJobs(jobs: JobQueue, queue: QueueName): Promise<Record<string, number> | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), COUNT_TIMEOUT_MS)));
    return await Promise.race([jobs.queue(queue).getJobCounts(...COUNTED_STATES), timeout]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
