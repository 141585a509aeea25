import { describe, expect, it, jest } from '@jest/globals';
import type { JobQueue } from '@convene/server-core';
import type { NotificationsService } from '@convene/server-notifications';
import { DeliverEventProcessor } from './deliver-event.processor.js';
import type { RealtimeEmitter } from './realtime-emitter.js';

/** A fan-out that hands its rows over in the given slices, as the service does. */
function setUp(...slices: { recipientId: string; seq: number }[][]) {
  const notifications = {
    fanOut: jest.fn<NotificationsService['fanOut']>(async (_eventId, onSlice) => {
      for (const slice of slices) onSlice?.(slice);
      return slices.flat();
    }),
  };
  const realtime = { notify: jest.fn<RealtimeEmitter['notify']>(), notifyMany: jest.fn<RealtimeEmitter['notifyMany']>() };
  const jobs = { add: jest.fn<JobQueue['add']>().mockResolvedValue(undefined) };
  const processor = new DeliverEventProcessor(notifications as unknown as NotificationsService, realtime as unknown as RealtimeEmitter, jobs as unknown as JobQueue, {
    notificationEmailDelaySeconds: 30,
  });
  return { processor, notifications, realtime, jobs };
}

describe(DeliverEventProcessor.name, () => {
  it('signals one recipient with their sequence number', async () => {
    const { processor, notifications, realtime } = setUp([{ recipientId: 'a', seq: 4 }]);
    expect(await processor.handle({ eventId: 'e1' })).toBe(1);
    expect(notifications.fanOut).toHaveBeenCalledWith('e1', expect.any(Function));
    expect(realtime.notify.mock.calls).toEqual([['a', 4]]);
    expect(realtime.notifyMany).not.toHaveBeenCalled();
  });

  it('signals many recipients with one message per slice, as each slice is written', async () => {
    const { processor, realtime } = setUp(
      [
        { recipientId: 'a', seq: 4 },
        { recipientId: 'b', seq: 9 },
      ],
      [
        { recipientId: 'c', seq: 1 },
        { recipientId: 'd', seq: 2 },
      ],
    );
    expect(await processor.handle({ eventId: 'e1' })).toBe(4);
    expect(realtime.notifyMany.mock.calls).toEqual([[['a', 'b']], [['c', 'd']]]);
    expect(realtime.notify).not.toHaveBeenCalled();
  });

  it('queues the event’s emails as one job, after the email delay, with a job id made from the event', async () => {
    const { processor, jobs } = setUp([{ recipientId: 'a', seq: 4 }]);
    await processor.handle({ eventId: 'e1' });
    expect(jobs.add.mock.calls).toEqual([['send-event-emails', { eventId: 'e1' }, { jobId: 'event-emails-e1', delay: 30_000 }]]);
  });

  it('signals nobody when the event was already handled, but still queues its emails (the first run may have died first)', async () => {
    const { processor, realtime, jobs } = setUp();
    expect(await processor.handle({ eventId: 'e1' })).toBe(0);
    expect(realtime.notify).not.toHaveBeenCalled();
    expect(realtime.notifyMany).not.toHaveBeenCalled();
    expect(jobs.add).toHaveBeenCalledTimes(1);
  });
});
