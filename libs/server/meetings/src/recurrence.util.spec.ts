import { RecurrenceFrequency } from '@convene/shared-contracts';
import { describe, expect, it } from '@jest/globals';
import { describeRule, expandRecurrence, type Occurrence, type RecurrenceRule } from './recurrence.util.js';
import { toZoned } from './zoned-time.util.js';

const HOUR = 3_600_000;
const weekly: RecurrenceRule = { frequency: RecurrenceFrequency.WEEKLY, interval: 1 };
const monthly: RecurrenceRule = { frequency: RecurrenceFrequency.MONTHLY_BY_WEEKDAY, interval: 1 };

/** A meeting starting at `iso` and lasting `minutes`. */
const meeting = (iso: string, minutes = 90): Occurrence => ({
  startsAt: new Date(iso),
  endsAt: new Date(new Date(iso).getTime() + minutes * 60_000),
});
const starts = (occurrences: Occurrence[]) =>
  occurrences.map((occurrence) => occurrence.startsAt.toISOString().slice(0, 16));
const localDays = (occurrences: Occurrence[], zone: string) =>
  occurrences.map((occurrence) => {
    const { month, day } = toZoned(occurrence.startsAt, zone);
    return `${month}-${day}`;
  });

function expectWallClock(occurrences: Occurrence[], zone: string, hour: number, minute: number, weekday: number) {
  for (const occurrence of occurrences)
    expect(toZoned(occurrence.startsAt, zone)).toMatchObject({ hour, minute, weekday });
}

function expectDuration(occurrences: Occurrence[], ms: number) {
  for (const occurrence of occurrences) expect(occurrence.endsAt.getTime() - occurrence.startsAt.getTime()).toBe(ms);
}

describe(expandRecurrence.name, () => {
  describe('WEEKLY', () => {
    it('keeps a London 18:00 meeting at 18:00 when the clocks go forward (18:00Z, then 17:00Z)', () => {
      const occurrences = expandRecurrence(meeting('2026-03-12T18:00:00Z'), 'Europe/London', weekly, 100).slice(0, 6);
      expect(starts(occurrences)).toEqual([
        '2026-03-12T18:00',
        '2026-03-19T18:00',
        '2026-03-26T18:00',
        '2026-04-02T17:00',
        '2026-04-09T17:00',
        '2026-04-16T17:00',
      ]);
      expectWallClock(occurrences, 'Europe/London', 18, 0, 4);
      expectDuration(occurrences, 1.5 * HOUR);
    });

    it('keeps a London 18:00 meeting at 18:00 when the clocks go back (17:00Z, then 18:00Z)', () => {
      const occurrences = expandRecurrence(
        meeting('2026-10-08T17:00:00Z'),
        'Europe/London',
        { ...weekly, count: 5 },
        100,
      );
      expect(starts(occurrences)).toEqual([
        '2026-10-08T17:00',
        '2026-10-15T17:00',
        '2026-10-22T17:00',
        '2026-10-29T18:00',
        '2026-11-05T18:00',
      ]);
      expectWallClock(occurrences, 'Europe/London', 18, 0, 4);
      expectDuration(occurrences, 1.5 * HOUR);
    });

    it('keeps a whole year of a weekly London meeting at 18:00 on Thursdays', () => {
      const occurrences = expandRecurrence(
        meeting('2026-01-01T18:00:00Z'),
        'Europe/London',
        { ...weekly, count: 53 },
        100,
      );
      expect(occurrences).toHaveLength(53);
      expectWallClock(occurrences, 'Europe/London', 18, 0, 4);
      expect(new Set(occurrences.map((occurrence) => occurrence.startsAt.getUTCHours()))).toEqual(new Set([17, 18]));
    });

    it("follows New York's own change dates, weeks apart from London's", () => {
      const spring = expandRecurrence(
        meeting('2026-02-23T23:00:00Z'),
        'America/New_York',
        { ...weekly, count: 4 },
        100,
      );
      expect(starts(spring)).toEqual(['2026-02-23T23:00', '2026-03-02T23:00', '2026-03-09T22:00', '2026-03-16T22:00']);
      expectWallClock(spring, 'America/New_York', 18, 0, 1);

      const autumn = expandRecurrence(
        meeting('2026-10-26T22:00:00Z'),
        'America/New_York',
        { ...weekly, count: 2 },
        100,
      );
      expect(starts(autumn)).toEqual(['2026-10-26T22:00', '2026-11-02T23:00']);
      expectWallClock(autumn, 'America/New_York', 18, 0, 1);
    });

    it('repeats every 2 weeks on the same weekday', () => {
      const occurrences = expandRecurrence(
        meeting('2026-01-06T10:00:00Z', 60),
        'Europe/London',
        { ...weekly, interval: 2, count: 4 },
        100,
      );
      expect(starts(occurrences)).toEqual([
        '2026-01-06T10:00',
        '2026-01-20T10:00',
        '2026-02-03T10:00',
        '2026-02-17T10:00',
      ]);
      expectDuration(occurrences, HOUR);
    });

    it('moves an occurrence that falls in the spring-forward gap to just after it, and returns the next week', () => {
      const occurrences = expandRecurrence(
        meeting('2026-03-22T01:30:00Z', 30),
        'Europe/London',
        { ...weekly, count: 3 },
        100,
      );
      expect(starts(occurrences)).toEqual(['2026-03-22T01:30', '2026-03-29T01:30', '2026-04-05T00:30']);
      expect(occurrences.map((occurrence) => toZoned(occurrence.startsAt, 'Europe/London').hour)).toEqual([1, 2, 1]);
    });

    it('crosses the year and a leap day', () => {
      const occurrences = expandRecurrence(meeting('2027-12-23T09:00:00Z'), 'UTC', { ...weekly, count: 11 }, 100);
      expect(starts(occurrences).slice(1, 3)).toEqual(['2027-12-30T09:00', '2028-01-06T09:00']);
      expect(starts(occurrences).slice(-2)).toEqual(['2028-02-24T09:00', '2028-03-02T09:00']);
    });
  });

  describe('MONTHLY_BY_WEEKDAY', () => {
    it('keeps a meeting on the 2nd Tuesday at 18:00 London time for a year', () => {
      const occurrences = expandRecurrence(
        meeting('2026-01-13T18:00:00Z'),
        'Europe/London',
        { ...monthly, count: 12 },
        100,
      );
      expect(localDays(occurrences, 'Europe/London')).toEqual([
        '1-13',
        '2-10',
        '3-10',
        '4-14',
        '5-12',
        '6-9',
        '7-14',
        '8-11',
        '9-8',
        '10-13',
        '11-10',
        '12-8',
      ]);
      expectWallClock(occurrences, 'Europe/London', 18, 0, 2);
      expect(occurrences.map((occurrence) => occurrence.startsAt.getUTCHours())).toEqual([
        18, 18, 18, 17, 17, 17, 17, 17, 17, 17, 18, 18,
      ]);
      expectDuration(occurrences, 1.5 * HOUR);
    });

    it('reads a 5th weekday as the last of every month', () => {
      const occurrences = expandRecurrence(meeting('2026-01-30T12:00:00Z'), 'UTC', { ...monthly, count: 12 }, 100);
      expect(localDays(occurrences, 'UTC')).toEqual([
        '1-30',
        '2-27',
        '3-27',
        '4-24',
        '5-29',
        '6-26',
        '7-31',
        '8-28',
        '9-25',
        '10-30',
        '11-27',
        '12-25',
      ]);
      expectWallClock(occurrences, 'UTC', 12, 0, 5);
    });

    it('keeps a 4th weekday the 4th even when it is also the last, unlike the 5th', () => {
      const occurrences = expandRecurrence(meeting('2026-02-27T12:00:00Z'), 'UTC', { ...monthly, count: 6 }, 100);
      expect(localDays(occurrences, 'UTC')).toEqual(['2-27', '3-27', '4-24', '5-22', '6-26', '7-24']);
    });

    it('steps every n months across the year on the last weekday', () => {
      const occurrences = expandRecurrence(
        meeting('2026-01-30T12:00:00Z'),
        'UTC',
        { ...monthly, interval: 3, count: 5 },
        100,
      );
      expect(starts(occurrences)).toEqual([
        '2026-01-30T12:00',
        '2026-04-24T12:00',
        '2026-07-31T12:00',
        '2026-10-30T12:00',
        '2027-01-29T12:00',
      ]);
    });

    it("reads the weekday in the meeting's zone, not in UTC", () => {
      // 23:30Z on Tuesday 13 January is 08:30 on Wednesday 14 January (2nd Wednesday) in Tokyo.
      const occurrences = expandRecurrence(
        meeting('2026-01-13T23:30:00Z'),
        'Asia/Tokyo',
        { ...monthly, count: 3 },
        100,
      );
      expect(localDays(occurrences, 'Asia/Tokyo')).toEqual(['1-14', '2-11', '3-11']);
      expectWallClock(occurrences, 'Asia/Tokyo', 8, 30, 3);
    });
  });

  describe('limits', () => {
    const first = meeting('2026-01-06T10:00:00Z');

    it('stops at count, the first included', () => {
      expect(expandRecurrence(first, 'UTC', { ...weekly, count: 3 }, 100)).toHaveLength(3);
      expect(expandRecurrence(first, 'UTC', { ...weekly, count: 1 }, 100)).toEqual([first]);
    });

    it('stops at max, even below count', () => {
      expect(expandRecurrence(first, 'UTC', { ...weekly, count: 10 }, 4)).toHaveLength(4);
      expect(expandRecurrence(first, 'UTC', weekly, 7)).toHaveLength(7);
      expect(expandRecurrence(first, 'UTC', weekly, 0)).toEqual([]);
    });

    it('leaves out occurrences starting after until, keeping one that starts exactly at it', () => {
      expect(
        starts(expandRecurrence(first, 'UTC', { ...weekly, until: new Date('2026-01-20T10:00:00Z') }, 100)),
      ).toEqual(['2026-01-06T10:00', '2026-01-13T10:00', '2026-01-20T10:00']);
      expect(
        starts(expandRecurrence(first, 'UTC', { ...weekly, until: new Date('2026-01-20T09:59:00Z') }, 100)),
      ).toEqual(['2026-01-06T10:00', '2026-01-13T10:00']);
    });

    it('stops at whichever of count, until and max comes first', () => {
      const until = new Date('2026-03-01T00:00:00Z');
      expect(expandRecurrence(first, 'UTC', { ...weekly, count: 5, until }, 100)).toHaveLength(5);
      expect(expandRecurrence(first, 'UTC', { ...weekly, count: 50, until }, 100)).toHaveLength(8);
      expect(expandRecurrence(first, 'UTC', { ...weekly, count: 50, until }, 2)).toHaveLength(2);
      expect(expandRecurrence(first, 'UTC', { ...weekly, count: null, until: null }, 3)).toHaveLength(3);
    });

    it('always starts with the first meeting itself, as it is', () => {
      const odd = { startsAt: new Date('2026-01-06T10:00:30.500Z'), endsAt: new Date('2026-01-06T11:00:00Z') };
      expect(expandRecurrence(odd, 'UTC', { ...weekly, until: new Date('2026-01-01T00:00:00Z') }, 100)).toEqual([odd]);
    });

    it('refuses an interval outside 1–12, a count below 1, a bad max and an unknown zone', () => {
      for (const interval of [0, 13, 1.5, Number.NaN])
        expect(() => expandRecurrence(first, 'UTC', { ...weekly, interval }, 10)).toThrow(RangeError);
      expect(() => expandRecurrence(first, 'UTC', { ...weekly, count: 0 }, 10)).toThrow(RangeError);
      expect(() => expandRecurrence(first, 'UTC', weekly, Infinity)).toThrow(RangeError);
      expect(() => expandRecurrence(first, 'UTC', weekly, -1)).toThrow(RangeError);
      expect(() => expandRecurrence(first, 'Mars/Base', weekly, 10)).toThrow(RangeError);
    });
  });
});

describe(describeRule.name, () => {
  it('describes weekly rules', () => {
    expect(describeRule(weekly, new Date('2026-01-06T10:00:00Z'), 'UTC')).toBe('Every week');
    expect(describeRule({ ...weekly, interval: 2 }, new Date('2026-01-06T10:00:00Z'), 'UTC')).toBe('Every 2 weeks');
  });

  it('describes monthly rules with the position and weekday of the first meeting', () => {
    expect(describeRule(monthly, new Date('2026-01-13T18:00:00Z'), 'Europe/London')).toBe('Monthly on the 2nd Tuesday');
    expect(describeRule(monthly, new Date('2026-01-01T18:00:00Z'), 'Europe/London')).toBe(
      'Monthly on the 1st Thursday',
    );
    expect(describeRule(monthly, new Date('2026-01-21T18:00:00Z'), 'Europe/London')).toBe(
      'Monthly on the 3rd Wednesday',
    );
    expect(describeRule(monthly, new Date('2026-02-27T12:00:00Z'), 'UTC')).toBe('Monthly on the 4th Friday');
    expect(describeRule({ ...monthly, interval: 3 }, new Date('2026-01-30T12:00:00Z'), 'UTC')).toBe(
      'Every 3 months on the last Friday',
    );
  });

  it('reads the weekday in the given zone', () => {
    expect(describeRule(monthly, new Date('2026-01-13T23:30:00Z'), 'Asia/Tokyo')).toBe('Monthly on the 2nd Wednesday');
    expect(describeRule(monthly, new Date('2026-01-13T23:30:00Z'), 'Europe/London')).toBe('Monthly on the 2nd Tuesday');
  });
});
