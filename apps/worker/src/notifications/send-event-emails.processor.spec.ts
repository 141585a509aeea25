import { describe, expect, it, jest } from '@jest/globals';
import { jobIds, type JobQueue } from '@convene/server-core';
import type { NotificationsService } from '@convene/server-notifications';
import { SendEventEmailsProcessor } from './send-event-emails.processor.js';

describe(SendEventEmailsProcessor.name, () => {
  it('queues the emails still owed in jobs of 50 notifications, added 500 jobs at a time', async () => {
    const owed = Array.from({ length: 50 * 1200 + 7 }, (_, i) => `n${i}`);
    const awaitingEmail = jest.fn<NotificationsService['awaitingEmail']>().mockResolvedValue(owed);
    const addMany = jest.fn<JobQueue['addMany']>().mockResolvedValue(undefined);
    const processor = new SendEventEmailsProcessor(
      { awaitingEmail } as unknown as NotificationsService,
      { addMany } as unknown as JobQueue,
    );
    expect(await processor.handle({ eventId: 'e1' })).toBe(owed.length);
    expect(awaitingEmail).toHaveBeenCalledWith('e1');
    expect(addMany.mock.calls.map(([name, jobs]) => [name, jobs.length])).toEqual([
      ['send-notification-emails', 500],
      ['send-notification-emails', 500],
      ['send-notification-emails', 201],
    ]);
    const jobs = addMany.mock.calls.flatMap(([, batch]) => batch);
    expect(jobs.flatMap((job) => (job.payload as { notificationIds: string[] }).notificationIds)).toEqual(owed);
    expect(jobs.at(-1)!.payload).toEqual({ notificationIds: owed.slice(-7) });
    // Named by what it holds: the same batch is the same job, another batch another.
    expect(new Set(jobs.map((job) => job.jobId)).size).toBe(jobs.length);
    expect(jobs[0]!.jobId).toBe(jobIds.notificationEmails(owed.slice(0, 50)));
  });

  it('fails (to be retried) when Redis refuses a slice', async () => {
    const processor = new SendEventEmailsProcessor(
      { awaitingEmail: async () => ['n1'] } as unknown as NotificationsService,
      { addMany: async () => Promise.reject(new Error('Connection is closed.')) } as unknown as JobQueue,
    );
    await expect(processor.handle({ eventId: 'e1' })).rejects.toThrow('Connection is closed.');
  });
});
