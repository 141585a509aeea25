import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { JobQueue } from './job-queue.service.js';

const config = { redisPrefix: 'convene-unit' } as AppConfig;
/** A command connection that lost Redis: ioredis keeps reconnecting and is not ready. */
const reconnecting = { status: 'reconnecting' } as Redis;

describe(JobQueue.name, () => {
  it('refuses at once, rather than waiting for Redis, when its connection is not ready', async () => {
    const jobs = new JobQueue(config, reconnecting);
    expect(() => jobs.queue('notifications')).toThrow(/Redis is not reachable/);
    await expect(jobs.add('deliver-event', { eventId: 'e' }, { jobId: 'deliver:e' })).rejects.toThrow(
      /Redis is not reachable/,
    );
  });

  it('tells the caller of an after-commit add that the job waits for the sweep', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const jobs = new JobQueue(config, reconnecting);
    await expect(
      jobs.addManyAfterCommit('deliver-event', [{ payload: { eventId: 'e' }, jobId: 'deliver:e' }]),
    ).resolves.toBe(false);
    await expect(jobs.addAfterCommit('deliver-event', { eventId: 'e' }, { jobId: 'deliver:e' })).resolves.toBe(false);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
