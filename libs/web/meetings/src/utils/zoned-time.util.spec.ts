import { describe, expect, it } from '@jest/globals';
import {
  addMinutesLocal,
  addMonths,
  dayKeyOf,
  minutesBetweenLocal,
  monthWeeks,
  queryRange,
  weekDays,
} from './zoned-time.util';

describe('zoned-time.util', () => {
  it('puts an instant on its day in the named zone', () => {
    // 23:30 UTC on 3 December is already 4 December in Amman, still the 3rd in London.
    expect(dayKeyOf('2026-12-03T23:30:00Z', 'Europe/London')).toBe('2026-12-03');
    expect(dayKeyOf('2026-12-03T23:30:00Z', 'Asia/Amman')).toBe('2026-12-04');
    expect(dayKeyOf('2026-12-04T03:00:00Z', 'America/Los_Angeles')).toBe('2026-12-03');
  });

  it('lays a month out in whole weeks from Monday', () => {
    const weeks = monthWeeks('2026-12-17');
    expect(weeks[0]?.[0]).toBe('2026-11-30');
    expect(weeks.at(-1)?.[6]).toBe('2027-01-03');
    expect(weeks).toHaveLength(5);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('gives the week of a day, Monday to Sunday, across a month end', () => {
    expect(weekDays('2027-01-01')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('moves by months from the first of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-01');
  });

  it('asks for a range wide enough for any zone', () => {
    expect(queryRange('2026-12-01', '2026-12-31')).toEqual({
      from: '2026-11-29T12:00:00.000Z',
      to: '2027-01-02T12:00:00.000Z',
    });
  });

  it('does wall-clock arithmetic on local date-times', () => {
    expect(addMinutesLocal('2026-12-31T23:30', 90)).toBe('2027-01-01T01:00');
    expect(minutesBetweenLocal('2026-03-29T00:30', '2026-03-29T02:00')).toBe(90);
    expect(minutesBetweenLocal('2026-03-29T02:00', 'nonsense')).toBeNull();
  });
});
