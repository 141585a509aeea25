import { describe, expect, it, jest } from '@jest/globals';
import type { JobQueue } from '@convene/server-core';
import type { NotificationsService } from '@convene/server-notifications';
import { DeliverEventProcessor } from './deliver-event.processor.js';
import type { RealtimeEmitter } from './realtime-emitter.js';

function setUp(delivered: { recipientId: string; seq: number }[], awaitingEmail: string[] = []) {
  const notifications = {
    fanOut: jest.fn<NotificationsService['fanOut']>().mockResolvedValue(delivered),
    awaitingEmail: jest.fn<NotificationsService['awaitingEmail']>().mockResolvedValue(awaitingEmail),
  };
  const realtime = { notify: jest.fn<RealtimeEmitter['notify']>(), notifyMany: jest.fn<RealtimeEmitter['notifyMany']>() };
  const jobs = { addManyAfterCommit: jest.fn<JobQueue['addManyAfterCommit']>().mockResolvedValue(true) };
  const processor = new DeliverEventProcessor(notifications as unknown as NotificationsService, realtime as unknown as RealtimeEmitter, jobs as unknown as JobQueue);
  return { processor, notifications, realtime, jobs };
}

describe(DeliverEventProcessor.name, () => {
  it('signals one recipient with their sequence number', async () => {
    const { processor, notifications, realtime } = setUp([{ recipientId: 'a', seq: 4 }]);
    expect(await processor.handle({ eventId: 'e1' })).toBe(1);
    expect(notifications.fanOut).toHaveBeenCalledWith('e1');
    expect(realtime.notify.mock.calls).toEqual([['a', 4]]);
    expect(realtime.notifyMany).not.toHaveBeenCalled();
  });

  it('signals many recipients with one message', async () => {
    const { processor, realtime } = setUp([
      { recipientId: 'a', seq: 4 },
      { recipientId: 'b', seq: 9 },
    ]);
    expect(await processor.handle({ eventId: 'e1' })).toBe(2);
    expect(realtime.notifyMany.mock.calls).toEqual([[['a', 'b']]]);
    expect(realtime.notify).not.toHaveBeenCalled();
  });

  it('queues the emails still owed, with job ids made from the notification ids', async () => {
    const { processor, jobs } = setUp([{ recipientId: 'a', seq: 4 }], ['n1', 'n2']);
    await processor.handle({ eventId: 'e1' });
    expect(jobs.addManyAfterCommit.mock.calls).toEqual([
      [
        'send-notification-email',
        [
          { payload: { notificationId: 'n1' }, jobId: 'notification-email-n1' },
          { payload: { notificationId: 'n2' }, jobId: 'notification-email-n2' },
        ],
      ],
    ]);
  });

  it('signals nobody when the event was already handled, but still queues emails owed from the first run', async () => {
    const { processor, realtime, jobs } = setUp([], ['n1']);
    expect(await processor.handle({ eventId: 'e1' })).toBe(0);
    expect(realtime.notify).not.toHaveBeenCalled();
    expect(realtime.notifyMany).not.toHaveBeenCalled();
    expect(jobs.addManyAfterCommit.mock.calls[0]![1]).toEqual([{ payload: { notificationId: 'n1' }, jobId: 'notification-email-n1' }]);
  });
});
