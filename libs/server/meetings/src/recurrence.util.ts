// Expands a repeating meeting into its occurrences. Repetition is counted in the meeting's own
// time zone, not in UTC: a group that meets at 18:00 in London keeps meeting at 18:00 after the
// clocks change, so its UTC time moves by an hour twice a year.
import { RecurrenceFrequency } from '@convene/shared-contracts';
import {
  daysInMonth,
  fromZoned,
  isTimeZone,
  toZoned,
  type LocalDateTime,
  type ZonedDateTime,
} from './zoned-time.util.js';

export interface RecurrenceRule {
  frequency: RecurrenceFrequency;
  /** Every n weeks or every n months, 1–12. */
  interval: number;
  /** How many occurrences in all, the first included. */
  count?: number | null;
  /** Occurrences starting after this instant are left out. */
  until?: Date | null;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

export const RECURRENCE_INTERVAL_MAX = 12;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ORDINALS = ['1st', '2nd', '3rd', '4th'];
/** Stands for "the last such weekday of the month". */
const LAST = -1;

function checkRule(rule: RecurrenceRule): void {
  if (!Number.isInteger(rule.interval) || rule.interval < 1 || rule.interval > RECURRENCE_INTERVAL_MAX) {
    throw new RangeError(
      `A recurrence interval must be a whole number from 1 to ${RECURRENCE_INTERVAL_MAX}, not ${rule.interval}.`,
    );
  }
  if (rule.count != null && (!Number.isInteger(rule.count) || rule.count < 1)) {
    throw new RangeError(`A recurrence count must be a whole number of at least 1, not ${rule.count}.`);
  }
}

/**
 * Which weekday of its month a date is: 1–4, or LAST. A 5th weekday only exists in some months,
 * so it is read as "the last"; a 4th that happens to be the last stays the 4th, which every month has.
 */
function weekdayPosition(local: ZonedDateTime): number {
  const nth = Math.ceil(local.day / 7);
  return nth === 5 ? LAST : nth;
}

function nthWeekdayOfMonth(year: number, month: number, weekday: number, position: number): number {
  const weekdayOfFirst = weekdayOf(year, month, 1);
  const firstMatch = 1 + ((weekday - weekdayOfFirst + 7) % 7);
  if (position !== LAST) return firstMatch + 7 * (position - 1);
  const length = daysInMonth(year, month);
  return firstMatch + 7 * Math.floor((length - firstMatch) / 7);
}

function weekdayOf(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDay();
}

function addDays(local: LocalDateTime, days: number): LocalDateTime {
  const date = new Date(0);
  date.setUTCFullYear(local.year, local.month - 1, local.day + days);
  return { ...local, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The occurrences of a series, starting with `first` itself, each at the first's local start time
 * in `zone` and lasting as long. Ends after `rule.count` occurrences, before the first that starts
 * after `rule.until`, or at `max`, whichever comes first. `first` is always included (when max
 * allows), as DTSTART is in RFC 5545: it is the meeting the series was made from.
 */
export function expandRecurrence(first: Occurrence, zone: string, rule: RecurrenceRule, max: number): Occurrence[] {
  checkRule(rule);
  if (!Number.isInteger(max) || max < 0)
    throw new RangeError(`The most occurrences to expand must be a whole number, not ${max}.`);
  if (!isTimeZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
  const duration = first.endsAt.getTime() - first.startsAt.getTime();
  const local = toZoned(first.startsAt, zone);
  const position = weekdayPosition(local);
  const limit = Math.min(max, rule.count ?? Infinity);

  const localStart = (index: number): LocalDateTime => {
    if (rule.frequency === RecurrenceFrequency.WEEKLY) return addDays(local, 7 * rule.interval * index);
    const months = local.month - 1 + rule.interval * index;
    const year = local.year + Math.floor(months / 12);
    const month = (months % 12) + 1;
    return { ...local, year, month, day: nthWeekdayOfMonth(year, month, local.weekday, position) };
  };

  const occurrences: Occurrence[] = [];
  for (let index = 0; occurrences.length < limit; index += 1) {
    const startsAt = index === 0 ? first.startsAt : fromZoned(localStart(index), zone);
    if (index > 0 && rule.until && startsAt.getTime() > rule.until.getTime()) break;
    occurrences.push({ startsAt, endsAt: new Date(startsAt.getTime() + duration) });
  }
  return occurrences;
}

/** A rule's parts, for words in any language (see `rulePattern`). */
export interface RulePattern {
  frequency: RecurrenceFrequency;
  interval: number;
  /** 0 Sunday … 6 Saturday, read in the series' zone. */
  weekday: number;
  /** Monthly rules: which such weekday of the month, 1–4, or -1 for the last; null for weekly ones. */
  position: number | null;
}

/** The rule's parts: how often, on which weekday and (monthly) which one of the month, `first` read in `zone`. */
export function rulePattern(rule: RecurrenceRule, first: Date, zone: string): RulePattern {
  checkRule(rule);
  const local = toZoned(first, zone);
  return {
    frequency: rule.frequency,
    interval: rule.interval,
    weekday: local.weekday,
    position: rule.frequency === RecurrenceFrequency.WEEKLY ? null : weekdayPosition(local),
  };
}

/** The rule in English, e.g. 'Every 2 weeks' or 'Monthly on the last Friday', the weekday read in `zone`. */
export function describeRule(rule: RecurrenceRule, first: Date, zone: string): string {
  checkRule(rule);
  if (rule.frequency === RecurrenceFrequency.WEEKLY)
    return rule.interval === 1 ? 'Every week' : `Every ${rule.interval} weeks`;
  const local = toZoned(first, zone);
  const position = weekdayPosition(local);
  const which = `the ${position === LAST ? 'last' : ORDINALS[position - 1]} ${WEEKDAYS[local.weekday]}`;
  return rule.interval === 1 ? `Monthly on ${which}` : `Every ${rule.interval} months on ${which}`;
}
