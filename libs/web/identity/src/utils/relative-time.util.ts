// "5 minutes ago" for Intl.RelativeTimeFormat: the largest unit that fits, counted in whole units.

export interface RelativeTime {
  value: number;
  unit: Intl.RelativeTimeFormatUnit;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** How long ago (negative) or ahead `iso` is from `now`; under a minute counts as now. */
export function relativeTime(iso: string, now: number): RelativeTime {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  if (Number.isNaN(seconds)) return { value: 0, unit: 'second' };
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return { value: Math.trunc(seconds / size), unit };
  }
  return { value: 0, unit: 'second' };
}
