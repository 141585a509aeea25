import { describe, expect, it, jest } from '@jest/globals';
import { jobIds, type AppConfig, type JobQueue } from '@convene/server-core';
import type { NotificationsService } from '@convene/server-notifications';
import { SweepNotificationEmailProcessor } from './sweep-notification-email.processor.js';

describe(SweepNotificationEmailProcessor.name, () => {
  it('re-queues emails older than the email delay and a minute, in batches named by what they hold', async () => {
    const strandedEmails = jest.fn<NotificationsService['strandedEmails']>().mockResolvedValue(['n1']);
    const addManyAfterCommit = jest.fn<JobQueue['addManyAfterCommit']>().mockResolvedValue(true);
    const processor = new SweepNotificationEmailProcessor(
      { strandedEmails } as unknown as NotificationsService,
      { addManyAfterCommit } as unknown as JobQueue,
      {
        notificationEmailDelaySeconds: 30,
      } as AppConfig,
    );
    const before = Date.now();
    expect(await processor.handle({})).toBe(1);
    const after = Date.now();
    const [olderThan, limit] = strandedEmails.mock.calls[0]!;
    expect(olderThan.getTime()).toBeGreaterThanOrEqual(before - 90_000);
    expect(olderThan.getTime()).toBeLessThanOrEqual(after - 90_000);
    expect(limit).toBe(500);
    expect(addManyAfterCommit.mock.calls).toEqual([
      [
        'send-notification-emails',
        [{ payload: { notificationIds: ['n1'] }, jobId: jobIds.notificationEmails(['n1']) }],
      ],
    ]);
  });

  it('re-queues every email already due, right after Redis came back', async () => {
    const strandedEmails = jest.fn<NotificationsService['strandedEmails']>().mockResolvedValue([]);
    const addManyAfterCommit = jest.fn<JobQueue['addManyAfterCommit']>().mockResolvedValue(true);
    const processor = new SweepNotificationEmailProcessor(
      { strandedEmails } as unknown as NotificationsService,
      { addManyAfterCommit } as unknown as JobQueue,
      {
        notificationEmailDelaySeconds: 30,
      } as AppConfig,
    );
    const before = Date.now();
    await processor.handle({ everything: true });
    const olderThan = strandedEmails.mock.calls[0]![0];
    expect(olderThan.getTime()).toBeGreaterThanOrEqual(before - 30_000);
    expect(olderThan.getTime()).toBeLessThanOrEqual(Date.now() - 30_000);
  });
});
