import type { PitchStatus } from '@convene/web-data-access';

/** The board's columns, in the order a pitch moves through them. */
export const PITCH_STATUSES: readonly PitchStatus[] = ['RECEIVED', 'UNDER_REVIEW', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'];

export const STATUS_COLORS: Record<PitchStatus, string> = {
  RECEIVED: 'blue',
  UNDER_REVIEW: 'yellow',
  ACCEPTED: 'teal',
  DECLINED: 'gray',
  WITHDRAWN: 'gray',
};

/** Accepted, declined and withdrawn pitches take no more replies or status changes. */
export function isClosed(status: PitchStatus): boolean {
  return status === 'ACCEPTED' || status === 'DECLINED' || status === 'WITHDRAWN';
}

/** Pitches in one column per status, each column keeping the order it was given (newest first). */
export function byStatus<T extends { status: PitchStatus }>(pitches: readonly T[]): Record<PitchStatus, T[]> {
  const columns: Record<PitchStatus, T[]> = {
    RECEIVED: [],
    UNDER_REVIEW: [],
    ACCEPTED: [],
    DECLINED: [],
    WITHDRAWN: [],
  };
  for (const pitch of pitches) columns[pitch.status].push(pitch);
  return columns;
}

/** The start of a local calendar day (`yyyy-mm-dd` from a date input) as an instant; `endOf` moves to the next day's start. */
export function dayBoundary(day: string, endOf = false): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (endOf ? 1 : 0));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
