import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Worker, type Job } from 'bullmq';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import type { Redis } from 'ioredis';
import {
  APP_CONFIG,
  JOB_NAMES,
  JOB_QUEUES,
  JobQueue,
  QUEUE_NAMES,
  createRedis,
  whileRedisUp,
  type AppConfig,
  type JobName,
  type JobPayloads,
} from '@convene/server-core';
import { JOB_PROCESSOR, type JobHandler } from './job-processor.decorator.js';
import { buildHandlerRegistry } from './handler-registry.js';
import { JobMetrics } from './job.metrics.js';

/** Repeating jobs, scheduled idempotently by id at start-up. */
const SCHEDULES: { id: string; job: JobName; everyMs: number }[] = [
  { id: 'sweep-mail', job: 'sweep-mail', everyMs: 60_000 },
  { id: 'relay-outbox', job: 'relay-outbox', everyMs: 10_000 },
  { id: 'purge-sessions', job: 'purge-sessions', everyMs: 60 * 60_000 },
  { id: 'sweep-notification-email', job: 'sweep-notification-email', everyMs: 60_000 },
  // Digests go at a local hour: looking every five minutes sends them within five minutes of it.
  { id: 'schedule-digests', job: 'schedule-digests', everyMs: 5 * 60_000 },
  { id: 'sweep-document-text', job: 'sweep-document-text', everyMs: 10 * 60_000 },
  { id: 'purge-document-trash', job: 'purge-document-trash', everyMs: 6 * 60 * 60_000 },
  { id: 'sweep-meeting-reminders', job: 'sweep-meeting-reminders', everyMs: 15 * 60_000 },
  { id: 'purge-event-registrations', job: 'purge-event-registrations', everyMs: 6 * 60 * 60_000 },
  { id: 'purge-pitches', job: 'purge-pitches', everyMs: 6 * 60 * 60_000 },
  { id: 'purge-data-exports', job: 'purge-data-exports', everyMs: 60 * 60_000 },
];

/**
 * What Redis may have lost, rebuilt from PostgreSQL (the truth): run once at start and again each
 * time Redis comes back after being away (a restart without persistence comes back empty).
 * Undelivered events, unsent mail and notification emails, reminders of the coming days, text
 * extraction and data exports.
 */
const RECOVERY: { [N in JobName]?: JobPayloads[N] } = {
  'relay-outbox': { everything: true },
  'sweep-mail': { everything: true },
  'sweep-notification-email': { everything: true },
  'sweep-meeting-reminders': {},
  'sweep-document-text': {},
  'purge-data-exports': {},
};

/** How long a stop waits for running jobs while Redis is away (they cannot be acknowledged anyway). */
const STOP_WITHOUT_REDIS_MS = 3_000;

/** Runs one BullMQ worker per queue and dispatches each job to its one handler. */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly workers: Worker[] = [];
  private connection: Redis | null = null;
  private scheduleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly jobs: JobQueue,
    private readonly orm: MikroORM,
    private readonly metrics: JobMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const found = this.discovery.getProviders().flatMap(({ metatype, instance }) => {
      if (!metatype || !instance) return [];
      const name = this.reflector.get<string | undefined>(JOB_PROCESSOR, metatype);
      return typeof name === 'string' ? [{ name, handler: instance as JobHandler }] : [];
    });
    const registry = buildHandlerRegistry(JOB_NAMES, found);

    // Workers block on Redis: they need their own connection that retries forever.
    this.connection = createRedis(this.config, 'worker');
    for (const queue of QUEUE_NAMES) {
      const worker = new Worker(
        queue,
        (job: Job) =>
          this.metrics.measure(queue, async () => {
            const handler = registry.get(job.name as JobName);
            if (!handler || JOB_QUEUES[job.name as JobName] !== queue)
              throw new Error(`No handler for job "${job.name}" on queue "${queue}"`);
            // Each job gets its own unit of work: nothing it loads is shared with another job.
            return RequestContext.create(this.orm.em, () => handler.handle(job.data, job));
          }),
        // A job whose worker died is retried after its lock expires; allow a few such deaths
        // before giving up on it (BullMQ's default is one).
        {
          connection: this.connection,
          prefix: `${this.config.redisPrefix}:bull`,
          concurrency: 5,
          autorun: true,
          maxStalledCount: 5,
        },
      );
      worker.on('failed', (job, error) =>
        this.logger.warn(`${queue}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`),
      );
      worker.on('error', (error) => this.logger.warn(`${queue} worker: ${error.message}`));
      this.workers.push(worker);
    }
    // Redis may lose the schedules (a restart without persistence): re-assert them now and then,
    // and rebuild the rest at once whenever Redis comes back.
    let lost = false;
    this.connection.on('close', () => (lost = true));
    this.connection.on('ready', () => {
      if (!lost) return;
      lost = false;
      this.logger.log('Redis is back: rebuilding its jobs from the database');
      void this.recover();
    });
    await this.recover();
    this.scheduleTimer = setInterval(() => void this.ensureSchedules(), 30_000);
    this.scheduleTimer.unref();
    this.logger.log(`Worker running ${registry.size} job types on ${QUEUE_NAMES.length} queue(s)`);
  }

  private async recover(): Promise<void> {
    await this.ensureSchedules();
    try {
      const stamp = Date.now();
      for (const [job, data] of Object.entries(RECOVERY) as [JobName, JobPayloads[JobName]][]) {
        await this.jobs.add(job, data, { jobId: `recover-${job}-${stamp}` });
      }
    } catch (error) {
      this.logger.warn(
        `Could not queue the recovery jobs (the periodic sweeps will do it): ${(error as Error).message}`,
      );
    }
  }

  private async ensureSchedules(): Promise<void> {
    try {
      for (const schedule of SCHEDULES) {
        await this.jobs
          .queue(JOB_QUEUES[schedule.job])
          .upsertJobScheduler(schedule.id, { every: schedule.everyMs }, { name: schedule.job, data: {} });
      }
    } catch (error) {
      this.logger.warn(`Could not schedule repeating jobs (will retry): ${(error as Error).message}`);
    }
  }

  /**
   * Graceful shutdown: stop taking jobs and let active ones finish. While Redis is away no job can
   * finish (it is acknowledged in Redis) and BullMQ's close would wait for Redis: the stop is
   * bounded, and the jobs are run again from PostgreSQL's side (stalled, relayed or swept).
   */
  async onApplicationShutdown(): Promise<void> {
    if (this.scheduleTimer) clearInterval(this.scheduleTimer);
    if (this.connection) {
      const redisUp = this.connection.status === 'ready';
      await whileRedisUp(
        this.connection,
        Promise.all(this.workers.map((worker) => worker.close(!redisUp))),
        STOP_WITHOUT_REDIS_MS,
      );
    }
    this.connection?.disconnect();
  }
}
