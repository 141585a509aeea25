import { describe, expect, it, jest } from '@jest/globals';
import type { JobQueue } from '@convene/server-core';
import type { NotificationsService } from '@convene/server-notifications';
import { SendEventEmailsProcessor } from './send-event-emails.processor.js';

describe(SendEventEmailsProcessor.name, () => {
  it('queues one email job per notification still owed one, in slices of 500', async () => {
    const owed = Array.from({ length: 1200 }, (_, i) => `n${i}`);
    const awaitingEmail = jest.fn<NotificationsService['awaitingEmail']>().mockResolvedValue(owed);
    const addMany = jest.fn<JobQueue['addMany']>().mockResolvedValue(undefined);
    const processor = new SendEventEmailsProcessor({ awaitingEmail } as unknown as NotificationsService, { addMany } as unknown as JobQueue);
    expect(await processor.handle({ eventId: 'e1' })).toBe(1200);
    expect(awaitingEmail).toHaveBeenCalledWith('e1');
    expect(addMany.mock.calls.map(([name, jobs]) => [name, jobs.length])).toEqual([
      ['send-notification-email', 500],
      ['send-notification-email', 500],
      ['send-notification-email', 200],
    ]);
    expect(addMany.mock.calls[2]![1].at(-1)).toEqual({ payload: { notificationId: 'n1199' }, jobId: 'notification-email-n1199' });
  });

  it('fails (to be retried) when Redis refuses a slice', async () => {
    const processor = new SendEventEmailsProcessor(
      { awaitingEmail: async () => ['n1'] } as unknown as NotificationsService,
      { addMany: async () => Promise.reject(new Error('Connection is closed.')) } as unknown as JobQueue,
    );
    await expect(processor.handle({ eventId: 'e1' })).rejects.toThrow('Connection is closed.');
  });
});
