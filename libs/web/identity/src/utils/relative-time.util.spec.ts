import { describe, expect, it } from '@jest/globals';
import { relativeTime } from './relative-time.util';

const now = Date.parse('2026-03-10T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe(relativeTime.name, () => {
  it.each([
    [10, { value: 0, unit: 'second' }],
    [59, { value: 0, unit: 'second' }],
    [60, { value: -1, unit: 'minute' }],
    [5 * 60 + 30, { value: -5, unit: 'minute' }],
    [2 * 3600, { value: -2, unit: 'hour' }],
    [26 * 3600, { value: -1, unit: 'day' }],
    [9 * 24 * 3600, { value: -1, unit: 'week' }],
    [45 * 24 * 3600, { value: -1, unit: 'month' }],
    [400 * 24 * 3600, { value: -1, unit: 'year' }],
  ])('counts %i seconds ago in the largest whole unit', (seconds, expected) => {
    expect(relativeTime(ago(seconds), now)).toEqual(expected);
  });

  it('counts ahead as positive', () => {
    expect(relativeTime(ago(-3 * 3600), now)).toEqual({ value: 3, unit: 'hour' });
  });

  it('treats an unreadable date as now', () => {
    expect(relativeTime('not a date', now)).toEqual({ value: 0, unit: 'second' });
  });
});
