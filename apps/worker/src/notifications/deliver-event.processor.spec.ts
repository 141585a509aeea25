import { describe, expect, it, jest } from '@jest/globals';
import type { JobQueue } from '@convene/server-core';
import type { Delivered, NotificationsService, OwedPush, PushDeliveryService } from '@convene/server-notifications';
import { DeliverEventProcessor } from './deliver-event.processor.js';

const delivered = (recipientId: string, seq: number) =>
  ({
    recipientId,
    seq,
    message: { seq, unreadCount: 1, notification: { id: `n-${recipientId}` } },
  }) as unknown as Delivered;

/** A fan-out that hands its rows over in the given slices, as the service does. */
function setUp(slices: Delivered[][], owedPushes: OwedPush[] = []) {
  const notifications = {
    fanOut: jest.fn<NotificationsService['fanOut']>(async (_eventId, onSlice) => {
      for (const slice of slices) onSlice?.(slice);
      return slices.flat();
    }),
    send: jest.fn<NotificationsService['send']>(),
  };
  const push = { owedForEvent: jest.fn<PushDeliveryService['owedForEvent']>().mockResolvedValue(owedPushes) };
  const jobs = {
    add: jest.fn<JobQueue['add']>().mockResolvedValue(undefined),
    addMany: jest.fn<JobQueue['addMany']>().mockResolvedValue(undefined),
  };
  const processor = new DeliverEventProcessor(
    notifications as unknown as NotificationsService,
    push as unknown as PushDeliveryService,
    jobs as unknown as JobQueue,
    { notificationEmailDelaySeconds: 30 },
  );
  return { processor, notifications, jobs };
}

describe(DeliverEventProcessor.name, () => {
  it('shows each slice to its recipients as soon as it is written', async () => {
    const first = [delivered('a', 4), delivered('b', 9)];
    const second = [delivered('c', 1)];
    const { processor, notifications } = setUp([first, second]);
    expect(await processor.handle({ eventId: 'e1' })).toBe(3);
    expect(notifications.fanOut).toHaveBeenCalledWith('e1', expect.any(Function));
    expect(notifications.send.mock.calls).toEqual([[first], [second]]);
  });

  it('queues the event’s emails as one job, after the email delay, with a job id made from the event', async () => {
    const { processor, jobs } = setUp([[delivered('a', 4)]]);
    await processor.handle({ eventId: 'e1' });
    expect(jobs.add.mock.calls).toEqual([
      ['send-event-emails', { eventId: 'e1' }, { jobId: 'event-emails-e1', delay: 30_000 }],
    ]);
  });

  it('shows nothing when the event was already delivered, but still queues its emails (the first run may have died first)', async () => {
    const { processor, notifications, jobs } = setUp([]);
    expect(await processor.handle({ eventId: 'e1' })).toBe(0);
    expect(notifications.send).not.toHaveBeenCalled();
    expect(jobs.add).toHaveBeenCalledTimes(1);
  });

  it('queues one push job per notification and device, named by both, before the emails', async () => {
    const owed = [
      { notificationId: 'n-a', subscriptionId: 'd1' },
      { notificationId: 'n-a', subscriptionId: 'd2' },
    ];
    const { processor, jobs } = setUp([[delivered('a', 4)]], owed);
    await processor.handle({ eventId: 'e1' });
    expect(jobs.addMany.mock.calls).toEqual([
      [
        'send-push',
        [
          { payload: owed[0], jobId: 'push-n-a-d1' },
          { payload: owed[1], jobId: 'push-n-a-d2' },
        ],
      ],
    ]);
  });

  it('queues no push job when no recipient has a device', async () => {
    const { processor, jobs } = setUp([[delivered('a', 4)]]);
    await processor.handle({ eventId: 'e1' });
    expect(jobs.addMany).not.toHaveBeenCalled();
  });
});
