import { describe, expect, it } from '@jest/globals';
import { DigestFrequency } from '@convene/shared-contracts';
import { latestDigestSlot, zonedHourToInstant } from './digest-schedule.util.js';

const daily = (hour: number, timeZone: string) => ({ frequency: DigestFrequency.DAILY, hour, weekday: 1, timeZone });

describe('latestDigestSlot', () => {
  it('is today at the hour when the hour has passed, in the person’s zone', () => {
    // 10:30 in London in winter (UTC+0): today's 08:00.
    expect(latestDigestSlot(new Date('2026-01-15T10:30:00Z'), daily(8, 'Europe/London')).toISOString()).toBe(
      '2026-01-15T08:00:00.000Z',
    );
  });

  it('is yesterday at the hour when today’s has not come yet', () => {
    expect(latestDigestSlot(new Date('2026-01-15T07:59:59Z'), daily(8, 'Europe/London')).toISOString()).toBe(
      '2026-01-14T08:00:00.000Z',
    );
  });

  it('follows summer time and zones ahead of and behind UTC', () => {
    expect(latestDigestSlot(new Date('2026-07-15T12:00:00Z'), daily(8, 'Europe/London')).toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
    // 08:00 in Beirut (UTC+3 in summer) is 05:00 UTC.
    expect(latestDigestSlot(new Date('2026-07-15T04:00:00Z'), daily(8, 'Asia/Beirut')).toISOString()).toBe(
      '2026-07-14T05:00:00.000Z',
    );
    // 20:00 in Los Angeles (UTC-7 in summer) on the 14th is 03:00 UTC on the 15th.
    expect(latestDigestSlot(new Date('2026-07-15T04:00:00Z'), daily(20, 'America/Los_Angeles')).toISOString()).toBe(
      '2026-07-15T03:00:00.000Z',
    );
  });

  it('finds the chosen weekday for weekly digests', () => {
    // 2026-01-15 is a Thursday; the latest Monday 08:00 London is the 12th.
    const weekly = { frequency: DigestFrequency.WEEKLY, hour: 8, weekday: 1, timeZone: 'Europe/London' };
    expect(latestDigestSlot(new Date('2026-01-15T10:00:00Z'), weekly).toISOString()).toBe('2026-01-12T08:00:00.000Z');
    // On Monday before 08:00 it is the Monday before.
    expect(latestDigestSlot(new Date('2026-01-12T07:00:00Z'), weekly).toISOString()).toBe('2026-01-05T08:00:00.000Z');
  });

  it('lands just after the gap when the hour is skipped by the clocks going forward', () => {
    // London skipped 01:00–02:00 on 2026-03-29: a 01:00 digest goes at 02:00 BST = 01:00 UTC.
    expect(zonedHourToInstant(2026, 3, 29, 1, 'Europe/London').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // The hour repeated when the clocks went back is taken the first time: 01:00 BST = 00:00 UTC.
    expect(zonedHourToInstant(2026, 10, 25, 1, 'Europe/London').toISOString()).toBe('2026-10-25T00:00:00.000Z');
  });
});
