import { describe, expect, it, jest } from '@jest/globals';
import type { NotificationsService } from '@convene/server-notifications';
import { DeliverEventProcessor } from './deliver-event.processor.js';
import type { RealtimeEmitter } from './realtime-emitter.js';

describe(DeliverEventProcessor.name, () => {
  it('signals one recipient with their sequence number', async () => {
    const fanOut = jest.fn<NotificationsService['fanOut']>().mockResolvedValue([{ recipientId: 'a', seq: 4 }]);
    const notify = jest.fn<RealtimeEmitter['notify']>();
    const notifyMany = jest.fn<RealtimeEmitter['notifyMany']>();
    const processor = new DeliverEventProcessor({ fanOut } as unknown as NotificationsService, { notify, notifyMany } as unknown as RealtimeEmitter);
    expect(await processor.handle({ eventId: 'e1' })).toBe(1);
    expect(fanOut).toHaveBeenCalledWith('e1');
    expect(notify.mock.calls).toEqual([['a', 4]]);
    expect(notifyMany).not.toHaveBeenCalled();
  });

  it('signals many recipients with one message', async () => {
    const fanOut = jest.fn<NotificationsService['fanOut']>().mockResolvedValue([
      { recipientId: 'a', seq: 4 },
      { recipientId: 'b', seq: 9 },
    ]);
    const notify = jest.fn<RealtimeEmitter['notify']>();
    const notifyMany = jest.fn<RealtimeEmitter['notifyMany']>();
    const processor = new DeliverEventProcessor({ fanOut } as unknown as NotificationsService, { notify, notifyMany } as unknown as RealtimeEmitter);
    expect(await processor.handle({ eventId: 'e1' })).toBe(2);
    expect(notifyMany.mock.calls).toEqual([[['a', 'b']]]);
    expect(notify).not.toHaveBeenCalled();
  });

  it('signals nobody when the event was already handled', async () => {
    const notify = jest.fn<RealtimeEmitter['notify']>();
    const notifyMany = jest.fn<RealtimeEmitter['notifyMany']>();
    const processor = new DeliverEventProcessor({ fanOut: async () => [] } as unknown as NotificationsService, { notify, notifyMany } as unknown as RealtimeEmitter);
    expect(await processor.handle({ eventId: 'e1' })).toBe(0);
    expect(notify).not.toHaveBeenCalled();
    expect(notifyMany).not.toHaveBeenCalled();
  });
});
