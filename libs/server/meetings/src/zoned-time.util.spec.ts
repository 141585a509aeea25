import { describe, expect, it } from '@jest/globals';
import { formatLocalDateTime, fromZoned, isTimeZone, parseLocalDateTime, toZoned } from './zoned-time.util.js';

const at = (year: number, month: number, day: number, hour: number, minute = 0) => ({ year, month, day, hour, minute });

describe(isTimeZone.name, () => {
  it('accepts IANA zones, UTC and the aliases Intl knows', () => {
    for (const zone of [
      'Europe/London',
      'America/New_York',
      'Asia/Kolkata',
      'Africa/Casablanca',
      'UTC',
      'Etc/GMT+2',
      'US/Eastern',
      'Asia/Calcutta',
    ]) {
      expect(isTimeZone(zone)).toBe(true);
    }
  });

  it('accepts every zone Intl lists', () => {
    expect(Intl.supportedValuesOf('timeZone').filter((zone) => !isTimeZone(zone))).toEqual([]);
  });

  it('refuses empty, unknown and fixed-offset zones', () => {
    for (const zone of ['', ' ', 'Mars/Base', 'Europe/Londres', '+02:00', '-0500', 'Europe/London\n'])
      expect(isTimeZone(zone)).toBe(false);
  });
});

describe(toZoned.name, () => {
  it('reads the wall clock, weekday and offset in winter and summer', () => {
    expect(toZoned(new Date('2026-01-15T18:00:00Z'), 'Europe/London')).toEqual({
      ...at(2026, 1, 15, 18),
      weekday: 4,
      offsetMinutes: 0,
    });
    expect(toZoned(new Date('2026-07-15T17:00:00Z'), 'Europe/London')).toEqual({
      ...at(2026, 7, 15, 18),
      weekday: 3,
      offsetMinutes: 60,
    });
    expect(toZoned(new Date('2026-07-15T22:00:00Z'), 'America/New_York')).toEqual({
      ...at(2026, 7, 15, 18),
      weekday: 3,
      offsetMinutes: -240,
    });
    expect(toZoned(new Date('2026-01-15T12:30:00Z'), 'Asia/Kolkata')).toEqual({
      ...at(2026, 1, 15, 18),
      weekday: 4,
      offsetMinutes: 330,
    });
  });

  it('crosses midnight and the year into the zone', () => {
    expect(toZoned(new Date('2026-12-31T23:30:00Z'), 'Asia/Tokyo')).toEqual({
      ...at(2027, 1, 1, 8, 30),
      weekday: 5,
      offsetMinutes: 540,
    });
    expect(toZoned(new Date('2026-01-01T03:00:00Z'), 'America/New_York')).toEqual({
      ...at(2025, 12, 31, 22),
      weekday: 3,
      offsetMinutes: -300,
    });
  });

  it('gives midnight as hour 0, not 24', () => {
    expect(toZoned(new Date('2026-03-01T00:00:00Z'), 'UTC').hour).toBe(0);
  });

  it('ignores seconds and milliseconds', () => {
    expect(toZoned(new Date('2026-01-15T18:00:59.999Z'), 'UTC')).toEqual({
      ...at(2026, 1, 15, 18),
      weekday: 4,
      offsetMinutes: 0,
    });
  });

  it('throws on an unknown zone', () => {
    expect(() => toZoned(new Date(), 'Mars/Base')).toThrow(RangeError);
  });
});

describe(fromZoned.name, () => {
  it('finds the instant of an ordinary wall-clock time', () => {
    expect(fromZoned(at(2026, 1, 15, 18), 'Europe/London').toISOString()).toBe('2026-01-15T18:00:00.000Z');
    expect(fromZoned(at(2026, 7, 15, 18), 'Europe/London').toISOString()).toBe('2026-07-15T17:00:00.000Z');
    expect(fromZoned(at(2026, 7, 15, 18), 'America/New_York').toISOString()).toBe('2026-07-15T22:00:00.000Z');
    expect(fromZoned(at(2026, 1, 15, 18), 'Asia/Kolkata').toISOString()).toBe('2026-01-15T12:30:00.000Z');
    expect(fromZoned(at(2026, 1, 1, 0), 'Pacific/Auckland').toISOString()).toBe('2025-12-31T11:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward by the gap', () => {
    // London skips 01:00–02:00 on 29 March 2026; 01:30 becomes 02:30 BST.
    const instant = fromZoned(at(2026, 3, 29, 1, 30), 'Europe/London');
    expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toZoned(instant, 'Europe/London')).toMatchObject({ hour: 2, minute: 30, offsetMinutes: 60 });
    // New York skips 02:00–03:00 on 8 March 2026.
    expect(fromZoned(at(2026, 3, 8, 2, 15), 'America/New_York').toISOString()).toBe('2026-03-08T07:15:00.000Z');
    // Lord Howe moves by 30 minutes.
    expect(fromZoned(at(2026, 10, 4, 2, 10), 'Australia/Lord_Howe').toISOString()).toBe('2026-10-03T15:40:00.000Z');
  });

  it('picks the first of two repeated fall-back times (still summer time)', () => {
    // London repeats 01:00–02:00 on 25 October 2026: 01:30 BST (00:30Z), then 01:30 GMT (01:30Z).
    expect(fromZoned(at(2026, 10, 25, 1, 30), 'Europe/London').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(fromZoned(at(2026, 11, 1, 1, 30), 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('is exact at the edges of a change', () => {
    expect(fromZoned(at(2026, 3, 29, 0, 59), 'Europe/London').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(fromZoned(at(2026, 3, 29, 2, 0), 'Europe/London').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(fromZoned(at(2026, 10, 25, 0, 59), 'Europe/London').toISOString()).toBe('2026-10-24T23:59:00.000Z');
    expect(fromZoned(at(2026, 10, 25, 2, 0), 'Europe/London').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('moves over a whole skipped day (Samoa, 30 December 2011)', () => {
    expect(fromZoned(at(2011, 12, 30, 12), 'Pacific/Apia').toISOString()).toBe('2011-12-30T22:00:00.000Z');
  });

  it('round-trips every hour of a year through toZoned, bar the repeated hour', () => {
    for (const zone of ['Europe/London', 'America/New_York', 'Australia/Sydney']) {
      const repeated: string[] = [];
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
        const back = fromZoned(toZoned(new Date(ms), zone), zone).getTime();
        if (back !== ms) {
          // A repeated time comes back as its first occurrence, an hour earlier.
          expect(ms - back).toBe(3_600_000);
          repeated.push(new Date(ms).toISOString());
        }
      }
      expect(repeated).toHaveLength(1);
    }
  });

  it('throws on an impossible date or time rather than rolling it over', () => {
    expect(() => fromZoned(at(2026, 2, 30, 10), 'UTC')).toThrow(RangeError);
    expect(() => fromZoned(at(2026, 13, 1, 10), 'UTC')).toThrow(RangeError);
    expect(() => fromZoned(at(2026, 1, 1, 24), 'UTC')).toThrow(RangeError);
    expect(() => fromZoned(at(2026, 1, 1, 10, 0.5), 'UTC')).toThrow(RangeError);
  });

  it('keeps two-digit years as they are', () => {
    expect(fromZoned(at(26, 3, 1, 12), 'UTC').getUTCFullYear()).toBe(26);
  });
});

describe(parseLocalDateTime.name, () => {
  it('reads YYYY-MM-DDTHH:mm', () => {
    expect(parseLocalDateTime('2026-12-01T18:00')).toEqual(at(2026, 12, 1, 18));
    expect(parseLocalDateTime('2028-02-29T00:05')).toEqual(at(2028, 2, 29, 0, 5));
    expect(parseLocalDateTime('2026-01-31T23:59')).toEqual(at(2026, 1, 31, 23, 59));
  });

  it('refuses impossible dates and times', () => {
    for (const value of [
      '2026-02-29T10:00',
      '2026-02-30T10:00',
      '2026-04-31T10:00',
      '2026-13-01T10:00',
      '2026-00-10T10:00',
      '2026-01-00T10:00',
      '2026-01-01T24:00',
      '2026-01-01T10:60',
      '0000-01-01T10:00',
      '2100-02-29T10:00',
    ]) {
      expect(parseLocalDateTime(value)).toBeNull();
    }
  });

  it('refuses other shapes', () => {
    for (const value of [
      '',
      '2026-1-01T10:00',
      '2026-01-01 10:00',
      '2026-01-01T10:00:00',
      '2026-01-01T10:00Z',
      ' 2026-01-01T10:00',
      '2026-01-01T10:00\n',
      '２０２６-01-01T10:00',
    ]) {
      expect(parseLocalDateTime(value)).toBeNull();
    }
  });
});

describe(formatLocalDateTime.name, () => {
  it('writes zero-padded YYYY-MM-DDTHH:mm that parses back', () => {
    expect(formatLocalDateTime(at(2026, 3, 9, 7, 5))).toBe('2026-03-09T07:05');
    expect(formatLocalDateTime(at(987, 12, 31, 23, 59))).toBe('0987-12-31T23:59');
    expect(parseLocalDateTime(formatLocalDateTime(at(2026, 3, 9, 7, 5)))).toEqual(at(2026, 3, 9, 7, 5));
  });
});
