import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';
import { whileRedisUp } from '../redis/redis.js';
import { DEFAULT_JOB_OPTIONS, JOB_QUEUES, type JobName, type JobPayloads, type QueueName } from './jobs.js';

/** Producer side of the job queues: the only way API code puts work on BullMQ. */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  private readonly logger = new Logger(JobQueue.name);
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Adds a job; with a deterministic `jobId` a second add of the same job is a no-op in BullMQ. */
  async add<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    opts: { jobId: string; delay?: number },
  ): Promise<void> {
    await this.queue(JOB_QUEUES[name]).add(name, payload, { ...DEFAULT_JOB_OPTIONS, ...opts });
  }

  /**
   * Adds a job after the database has committed. Failure is logged, not thrown: the row that needs
   * the job is already stored and a sweep picks it up, so the user's action still succeeds.
   */
  async addAfterCommit<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    opts: { jobId: string; delay?: number },
  ): Promise<boolean> {
    try {
      await this.add(name, payload, opts);
      return true;
    } catch (error) {
      this.logger.warn(
        `Could not enqueue ${name} (${opts.jobId}); it will be swept later: ${(error as Error).message}`,
      );
      return false;
    }
  }

  /** Adds many jobs of one name in one round trip; throws when Redis refuses them. */
  async addMany<N extends JobName>(name: N, jobs: { payload: JobPayloads[N]; jobId: string }[]): Promise<void> {
    if (!jobs.length) return;
    await this.queue(JOB_QUEUES[name]).addBulk(
      jobs.map((job) => ({ name, data: job.payload, opts: { ...DEFAULT_JOB_OPTIONS, jobId: job.jobId } })),
    );
  }

  /** Like addAfterCommit for many jobs of one name, in one round trip. Returns whether they were queued. */
  async addManyAfterCommit<N extends JobName>(
    name: N,
    jobs: { payload: JobPayloads[N]; jobId: string }[],
  ): Promise<boolean> {
    if (!jobs.length) return true;
    try {
      await this.addMany(name, jobs);
      return true;
    } catch (error) {
      this.logger.warn(
        `Could not enqueue ${jobs.length} ${name} job(s); they will be swept later: ${(error as Error).message}`,
      );
      return false;
    }
  }

  /**
   * Adds jobs whose work is still owed (PostgreSQL says so) in one round trip: a job Redis lost is
   * added again, one still waiting, delayed or running is left alone (same id). For `stale` ones
   * (owed for long) the job is looked at: one that failed for good is retried, and one that
   * completed without doing the work is run again.
   */
  async requeue<N extends JobName>(
    name: N,
    jobs: { payload: JobPayloads[N]; jobId: string; stale?: boolean }[],
  ): Promise<void> {
    await this.addMany(name, jobs);
    const queue = this.queue(JOB_QUEUES[name]);
    for (const job of jobs.filter((j) => j.stale)) {
      const state = await queue.getJobState(job.jobId);
      if (state === 'failed') await (await queue.getJob(job.jobId))?.retry('failed');
      else if (state === 'completed') {
        await queue.remove(job.jobId);
        await this.add(name, job.payload, { jobId: job.jobId });
      }
    }
  }

  /** The queue; throws at once while Redis is unreachable and the queue has not started yet. */
  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      // BullMQ's first use of a connection waits for it to be ready, for as long as Redis is down:
      // a request would hang. The command connection fails fast instead, as for any command.
      if (this.redis.status !== 'ready') throw new Error(`Redis is not reachable (connection ${this.redis.status})`);
      const created = new Queue(name, { connection: this.redis, prefix: `${this.config.redisPrefix}:bull` });
      created.on('error', (error) => this.logger.warn(`Queue ${name}: ${error.message}`));
      // A queue whose start failed (Redis went away just then) would stay failed: make a new one next time.
      created.waitUntilReady().catch(() => this.queues.get(name) === created && this.queues.delete(name));
      this.queues.set(name, created);
      queue = created;
    }
    return queue;
  }

  /** Closes the queues; while Redis is away they cannot close cleanly, and are not waited for long. */
  async onModuleDestroy(): Promise<void> {
    await whileRedisUp(this.redis, Promise.all([...this.queues.values()].map((q) => q.close())), 2_000);
  }
}
