// Wall-clock time in an IANA time zone, with nothing but Intl. A meeting is stored as a UTC
// instant plus the zone it was planned in; these turn one into the other. Local times are plain
// objects (not Dates) so that nobody mistakes a wall-clock time for an instant.

export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface ZonedDateTime extends LocalDateTime {
  /** 0 = Sunday */
  weekday: number;
  /** Minutes ahead of UTC: 60 for BST, -300 for EST. */
  offsetMinutes: number;
}

const DAY_MS = 86_400_000;

// Building a DateTimeFormat costs far more than formatting with one, and a recurrence expansion
// formats hundreds of times in the same zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // en-US with h23 gives ASCII digits and 00–23 hours (hour12: false can print midnight as 24).
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * True for a named IANA zone (or an alias Intl knows, such as 'US/Eastern'). Fixed offsets such as
 * '+02:00', which Intl also accepts, are refused: they have no daylight saving rules, so a weekly
 * meeting planned in one would drift for everyone who lives in a real zone.
 */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidLocal(local: LocalDateTime): boolean {
  const { year, month, day, hour, minute } = local;
  return (
    [year, month, day, hour, minute].every(Number.isInteger) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59
  );
}

// The wall-clock fields read as if they were UTC. Date.UTC maps years 0–99 to 1900–1999, so the
// year is set separately.
function wallClockAsUtc(year: number, month: number, day: number, hour: number, minute: number, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** The wall-clock time, weekday and UTC offset at `instant` in `zone`. */
export function toZoned(instant: Date, zone: string): ZonedDateTime {
  // The formatter drops milliseconds; compare the offset against the instant truncated the same way.
  const seconds = Math.floor(instant.getTime() / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(seconds)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = parts;
  const asUtc = wallClockAsUtc(year, month, day, hour, minute, second);
  return {
    year,
    month,
    day,
    hour,
    minute,
    weekday: new Date(wallClockAsUtc(year, month, day, 0, 0)).getUTCDay(),
    // Rounded because old local mean times have offsets in seconds (London was -0:01:15).
    offsetMinutes: Math.round((asUtc - seconds) / 60_000),
  };
}

function sameWallClock(a: LocalDateTime, b: LocalDateTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

/**
 * The instant at which clocks in `zone` show `local`. Daylight saving leaves some wall-clock
 * times missing and others repeated; like Temporal's 'compatible' choice (and most calendar
 * apps), a missing time moves forward by the length of the gap (01:30 on the London spring-forward
 * night is 02:30 BST), and a repeated time means its first occurrence (01:30 BST, not GMT).
 */
export function fromZoned(local: LocalDateTime, zone: string): Date {
  if (!isValidLocal(local)) throw new RangeError(`Not a valid local date and time: ${JSON.stringify(local)}`);
  const asUtc = wallClockAsUtc(local.year, local.month, local.day, local.hour, local.minute);
  // No zone has changed its offset twice within two days, so the offsets a day either side are
  // the only ones this wall-clock time can have.
  const offsetBefore = toZoned(new Date(asUtc - DAY_MS), zone).offsetMinutes * 60_000;
  const offsetAfter = toZoned(new Date(asUtc + DAY_MS), zone).offsetMinutes * 60_000;
  // Larger offset first: the earlier instant, which is the first of two repeated times.
  const candidates = [...new Set([offsetBefore, offsetAfter])].sort((a, b) => b - a).map((offset) => asUtc - offset);
  const match = candidates.find((candidate) => sameWallClock(toZoned(new Date(candidate), zone), local));
  // In a gap no instant matches; reading the time with the offset from before the change lands
  // after the gap, as far past the missing time as the gap is long.
  return new Date(match ?? asUtc - offsetBefore);
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Reads 'YYYY-MM-DDTHH:mm' (an HTML datetime-local value); null when malformed or out of range. */
export function parseLocalDateTime(value: string): LocalDateTime | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const local = { year, month, day, hour, minute };
  return isValidLocal(local) ? local : null;
}

/** 'YYYY-MM-DDTHH:mm', the form parseLocalDateTime reads. */
export function formatLocalDateTime(local: LocalDateTime): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}`;
}
