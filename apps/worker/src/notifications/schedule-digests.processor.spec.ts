import { describe, expect, it, jest } from '@jest/globals';
import type { JobQueue } from '@convene/server-core';
import type { NotificationMailService } from '@convene/server-notifications';
import { ScheduleDigestsProcessor } from './schedule-digests.processor.js';

describe(ScheduleDigestsProcessor.name, () => {
  it('queues one send-digest per person due, with a job id made from the person and the slot', async () => {
    const dueDigests = jest.fn<NotificationMailService['dueDigests']>().mockResolvedValue([
      { userId: 'u1', slot: 1_700_000_000_000 },
      { userId: 'u2', slot: 1_700_003_600_000 },
    ]);
    const addManyAfterCommit = jest.fn<JobQueue['addManyAfterCommit']>().mockResolvedValue(true);
    const processor = new ScheduleDigestsProcessor(
      { dueDigests } as unknown as NotificationMailService,
      { addManyAfterCommit } as unknown as JobQueue,
    );
    expect(await processor.handle()).toBe(2);
    expect(dueDigests).toHaveBeenCalledWith(expect.any(Date));
    expect(addManyAfterCommit.mock.calls).toEqual([
      [
        'send-digest',
        [
          { payload: { userId: 'u1', slot: 1_700_000_000_000 }, jobId: 'digest-u1-1700000000000' },
          { payload: { userId: 'u2', slot: 1_700_003_600_000 }, jobId: 'digest-u2-1700003600000' },
        ],
      ],
    ]);
  });
});
