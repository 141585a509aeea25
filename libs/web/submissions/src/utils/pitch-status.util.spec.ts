import { describe, expect, it } from '@jest/globals';
import type { PitchStatus } from '@convene/web-data-access';
import { byStatus, dayBoundary, isClosed } from './pitch-status.util';

describe('pitch-status.util', () => {
  it('puts each pitch in its status column, keeping the order given', () => {
    const columns = byStatus([
      { id: 'a', status: 'RECEIVED' as const },
      { id: 'b', status: 'ACCEPTED' as const },
      { id: 'c', status: 'RECEIVED' as const },
    ]);
    expect(columns.RECEIVED.map((p) => p.id)).toEqual(['a', 'c']);
    expect(columns.ACCEPTED.map((p) => p.id)).toEqual(['b']);
    expect(columns.UNDER_REVIEW).toEqual([]);
    expect(columns.DECLINED).toEqual([]);
    expect(columns.WITHDRAWN).toEqual([]);
  });

  it('treats accepted, declined and withdrawn pitches as closed', () => {
    const statuses: PitchStatus[] = ['RECEIVED', 'UNDER_REVIEW', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'];
    expect(statuses.filter(isClosed)).toEqual(['ACCEPTED', 'DECLINED', 'WITHDRAWN']);
  });

  it('turns a date input into the start of that local day, or of the next one for an end', () => {
    const start = dayBoundary('2026-03-05');
    const end = dayBoundary('2026-03-05', true);
    expect(start && new Date(start).getDate()).toBe(5);
    expect(start && new Date(start).getHours()).toBe(0);
    expect(end && new Date(end).getDate()).toBe(6);
    expect(dayBoundary('')).toBeNull();
    expect(dayBoundary('5 March')).toBeNull();
  });
});
