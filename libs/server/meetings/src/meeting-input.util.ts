// Reads and checks what people type for a meeting: local date-times in a named zone become UTC
// instants, and every field is bounded. Shared by meetings, polls and events.
import { InputCheck, InputError, stripControlCharacters } from '@convene/server-core';
import { LIMITS, REMINDER_CHOICES } from '@convene/shared-contracts';
import { meetingsErrors } from './meetings.errors.js';
import { fromZoned, isTimeZone, parseLocalDateTime } from './zoned-time.util.js';

export interface MeetingPlaceInput {
  location?: string | null;
  accessibilityNotes?: string | null;
  onlineUrl?: string | null;
}

export interface MeetingPlace {
  location: string;
  accessibilityNotes: string;
  onlineUrl: string | null;
}

/** Multi-line text: control characters other than line breaks and tabs are dropped. */
export function longText(
  check: InputCheck,
  field: string,
  value: string | null | undefined,
  max: number,
  label: string,
): string {
  const text = stripControlCharacters(value ?? '').trim();
  if (text.length > max) check.fail(field, `${label} must be at most ${max.toLocaleString('en')} characters.`);
  return text;
}

export function readPlace(check: InputCheck, input: MeetingPlaceInput): MeetingPlace {
  const location = longText(check, 'location', input.location, LIMITS.meetingLocationMax, 'The address');
  const accessibilityNotes = longText(
    check,
    'accessibilityNotes',
    input.accessibilityNotes,
    LIMITS.meetingAccessibilityMax,
    'Accessibility notes',
  );
  const onlineUrl = readUrl(check, 'onlineUrl', input.onlineUrl);
  return { location, accessibilityNotes, onlineUrl };
}

/** An http(s) link, or null when left empty. */
export function readUrl(check: InputCheck, field: string, value: string | null | undefined): string | null {
  const raw = (value ?? '').trim();
  if (!raw) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || raw.length > LIMITS.meetingUrlMax) {
    check.fail(field, 'Enter a full link starting with https://.');
    return null;
  }
  return url.toString();
}

export function readTimeZone(value: string | null | undefined, field = 'timeZone'): string {
  const zone = (value ?? '').trim();
  if (!zone || zone.length > LIMITS.timeZoneMax || !isTimeZone(zone)) throw meetingsErrors.unknownTimeZone(field);
  return zone;
}

/**
 * A start and end typed as local date-times ('2026-12-03T18:00') in `zone`. Throws a coded error
 * for an end before the start or a meeting longer than the limit; with `future`, for a start in
 * the past.
 */
export function readTimes(
  input: { startsAt: string; endsAt: string },
  zone: string,
  options: { future: boolean; now?: Date; fields?: { start: string; end: string } },
): { startsAt: Date; endsAt: Date } {
  const fields = options.fields ?? { start: 'startsAt', end: 'endsAt' };
  const start = parseLocalDateTime((input.startsAt ?? '').trim());
  const end = parseLocalDateTime((input.endsAt ?? '').trim());
  if (!start || !end) {
    const problems: Record<string, string> = {};
    if (!start) problems[fields.start] = 'Enter a date and time, like 2026-12-03T18:00.';
    if (!end) problems[fields.end] = 'Enter a date and time, like 2026-12-03T20:00.';
    throw new InputError(problems);
  }
  const startsAt = fromZoned(start, zone);
  const endsAt = fromZoned(end, zone);
  if (endsAt.getTime() <= startsAt.getTime()) throw meetingsErrors.endBeforeStart(fields.end);
  if (endsAt.getTime() - startsAt.getTime() > LIMITS.meetingDurationMaxDays * 86_400_000)
    throw meetingsErrors.tooLong(LIMITS.meetingDurationMaxDays, fields.end);
  const now = (options.now ?? new Date()).getTime();
  if (options.future && startsAt.getTime() <= now) throw meetingsErrors.startInPast(fields.start);
  // A year typed wrong (2099 for 2026) is refused rather than kept as a meeting nobody will see.
  if (startsAt.getTime() > now + LIMITS.meetingAheadMaxDays * 86_400_000)
    throw meetingsErrors.tooFarAhead(LIMITS.meetingAheadMaxDays, fields.start);
  return { startsAt, endsAt };
}

/** Reminder offsets in minutes, from the offered choices: at most a few, distinct, largest first. */
export function readReminders(check: InputCheck, value: number[] | null | undefined, fallback: number[]): number[] {
  if (value == null) return fallback;
  const minutes = [...new Set(value)].sort((a, b) => b - a);
  if (minutes.length > LIMITS.remindersMax)
    check.fail('reminderMinutes', `Choose at most ${LIMITS.remindersMax} reminders.`);
  const choices: readonly number[] = REMINDER_CHOICES;
  if (minutes.some((m) => !choices.includes(m)))
    check.fail('reminderMinutes', `Reminders can go ${choices.join(', ')} minutes before the meeting.`);
  return minutes;
}
