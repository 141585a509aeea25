// When a person's digest is due: the latest daily or weekly slot, at a local hour in their time
// zone, that is not after a given moment. Works across daylight-saving changes without a library.
import { DigestFrequency } from '@convene/shared-contracts';

export interface DigestSchedule {
  frequency: DigestFrequency;
  /** 0–23, local time. */
  hour: number;
  /** 1 = Monday … 7 = Sunday, for weekly digests. */
  weekday: number;
  timeZone: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The wall-clock date and time in a time zone at an instant. */
function localParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => {
    const part = parts.find((p) => p.type === type);
    // Every part asked for above is in the answer.
    if (!part) throw new Error(`No ${type} in the date and time in ${timeZone}`);
    return Number(part.value);
  };
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant a local wall-clock hour happens in a zone. An hour skipped by a spring-forward
 * change falls on the first instant after the gap; a repeated autumn hour, on its first occurrence.
 */
export function zonedHourToInstant(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  // The zone's offsets half a day either side cover both sides of any change near that hour.
  const before = wall - offsetAt(new Date(wall - 12 * HOUR), timeZone);
  const after = wall - offsetAt(new Date(wall + 12 * HOUR), timeZone);
  const candidates = [before, after].filter((t) => {
    const p = localParts(new Date(t), timeZone);
    return p.year === year && p.month === month && p.day === day && p.hour === hour;
  });
  if (candidates.length) return new Date(Math.min(...candidates));
  // In a gap the wall time does not exist; the later reading lands just after it.
  return new Date(Math.max(before, after));
}

/** The latest digest slot at or before `now`. */
export function latestDigestSlot(now: Date, schedule: DigestSchedule): Date {
  const today = localParts(now, schedule.timeZone);
  // Walk back day by day (at most 8) to the newest local date whose slot is not after now.
  for (let back = 0; back <= 8; back++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day) - back * DAY);
    const isoWeekday = ((date.getUTCDay() + 6) % 7) + 1;
    if (schedule.frequency === DigestFrequency.WEEKLY && isoWeekday !== schedule.weekday) continue;
    const slot = zonedHourToInstant(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      schedule.hour,
      schedule.timeZone,
    );
    if (slot.getTime() <= now.getTime()) return slot;
  }
  throw new Error('unreachable: a slot exists within eight days');
}
