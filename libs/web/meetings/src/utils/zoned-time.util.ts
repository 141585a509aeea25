// Dates of meetings as people read them: in a named IANA zone, with calendar days as plain
// 'YYYY-MM-DD' keys so month and week grids never depend on the browser's own zone.

/** The Intl locale for the app's language: British English reads "Thu 3 Dec, 18:00". */
export function intlLocale(locale: string): string {
  return locale === 'ar' ? 'ar' : 'en-GB';
}

const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsCache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, format);
  }
  return format;
}

/** The calendar day of an instant in a zone, as 'YYYY-MM-DD'. */
export function dayKeyOf(instant: Date | string, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** Whether a zone name is one this browser knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Every zone the browser knows, with the given ones (such as the viewer's) included. */
export function timeZoneNames(...include: string[]): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC', ...include.filter(Boolean)])].sort();
}

/** The browser's own zone (a visitor without an account). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

// ---- plain calendar days ----

function toUtcDate(key: string): Date {
  const [year, month, day] = key.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

function fromUtcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(key: string, days: number): string {
  const date = toUtcDate(key);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtcDate(date);
}

/** 0 = Monday … 6 = Sunday. */
function weekdayIndex(key: string): number {
  return (toUtcDate(key).getUTCDay() + 6) % 7;
}

export function startOfWeek(key: string): string {
  return addDays(key, -weekdayIndex(key));
}

export function startOfMonth(key: string): string {
  return `${key.slice(0, 7)}-01`;
}

export function addMonths(key: string, months: number): string {
  const date = toUtcDate(startOfMonth(key));
  date.setUTCMonth(date.getUTCMonth() + months);
  return fromUtcDate(date);
}

/** The seven days of the week that holds a day, Monday first. */
export function weekDays(key: string): string[] {
  const first = startOfWeek(key);
  return Array.from({ length: 7 }, (_, index) => addDays(first, index));
}

/** The weeks (Monday first) that cover the month of a day; days of other months included. */
export function monthWeeks(key: string): string[][] {
  const first = startOfMonth(key);
  const month = first.slice(0, 7);
  const weeks: string[][] = [];
  let monday = startOfWeek(first);
  while (weeks.length === 0 || monday.slice(0, 7) === month) {
    weeks.push(weekDays(monday));
    monday = addDays(monday, 7);
  }
  return weeks;
}

/**
 * An instant range safely covering calendar days in any zone (a day and a half either side):
 * what to ask the API for, before placing each meeting on its day in the viewer's zone.
 */
export function queryRange(firstDay: string, lastDay: string): { from: string; to: string } {
  const from = toUtcDate(firstDay).getTime() - 36 * 3600_000;
  const to = toUtcDate(addDays(lastDay, 1)).getTime() + 36 * 3600_000;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** Noon UTC of a day: formats a plain day with Intl without slipping into the next or previous one. */
export function dayAsDate(key: string): Date {
  return new Date(toUtcDate(key).getTime() + 12 * 3600_000);
}

// ---- local date-times typed into forms ('YYYY-MM-DDTHH:mm') ----

const LOCAL_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** A local date-time moved by some minutes, as plain arithmetic on the wall clock. */
export function addMinutesLocal(local: string, minutes: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return local;
  const [, y, mo, d, h, mi] = match.map(Number);
  const date = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, (mi ?? 0) + minutes));
  return date.toISOString().slice(0, 16);
}

/** Minutes from one local date-time to another (negative when the second is earlier). */
export function minutesBetweenLocal(start: string, end: string): number | null {
  if (!LOCAL_PATTERN.test(start) || !LOCAL_PATTERN.test(end)) return null;
  const a = Date.parse(`${start}:00Z`);
  const b = Date.parse(`${end}:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.round((b - a) / 60_000);
}

/** The next whole hour from now, as a local date-time in a zone, a week ahead by default. */
export function suggestedStartLocal(timeZone: string, daysAhead = 7, now = new Date()): string {
  const later = new Date(now.getTime() + daysAhead * 86_400_000);
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(later)
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T18:00`;
}
