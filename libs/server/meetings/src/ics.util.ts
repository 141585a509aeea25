// Writes iCalendar (RFC 5545) for meeting invitations and calendar feeds. Every time is written
// in UTC, so no VTIMEZONE block is needed and no client can misread a zone; clients show the
// times in their own zone. Everything a user typed is stripped of control characters and
// escaped, so that a title cannot end a line early and inject properties of its own.

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';
export type IcsPartstat = 'ACCEPTED' | 'TENTATIVE' | 'DECLINED' | 'NEEDS-ACTION';

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsEvent {
  uid: string;
  /** Raised on every change that attendees should see, so clients replace their copy. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  /** The zone the meeting was planned in, written as X-CONVENE-TZID for information only. */
  timeZone?: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  status: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  createdAt: Date;
  updatedAt: Date;
  organizer?: IcsPerson | null;
  attendee?: (IcsPerson & { partstat?: IcsPartstat }) | null;
  alarmsMinutesBefore?: number[];
}

export interface IcsCalendarOptions {
  productId?: string;
  method?: IcsMethod;
  /** Shown by clients as the subscribed calendar's name (X-WR-CALNAME). */
  name?: string;
  /** How often a subscribing client should fetch the feed again. */
  refreshMinutes?: number;
  events: IcsEvent[];
  /** DTSTAMP: when this file was made. */
  now?: Date;
}

export const DEFAULT_PRODUCT_ID = '-//Convene//Meetings//EN';

const CRLF = '\r\n';
const FOLD_OCTETS = 75;

// C0 controls (tabs too) other than the line feed TEXT can carry escaped, DEL and C1 controls.
const isControl = (code: number) => (code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
// A lone surrogate cannot be written as UTF-8; in `u` mode a proper pair is one character and does not match.
const LONE_SURROGATE = /\p{Surrogate}/gu;

function clean(value: string): string {
  const normalized = value.replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n');
  return [...normalized].filter((char) => !isControl(char.codePointAt(0) ?? 0)).join('');
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
function text(value: string): string {
  return clean(value)
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, '\\n');
}

/** A one-line value with nothing escaped (URIs, identifiers we made): only breaks are removed. */
function oneLine(value: string): string {
  return clean(value).replace(/\n/g, '');
}

/** A quoted parameter value, which may hold anything but controls and double quotes (§3.1). */
function quotedParam(value: string): string {
  return `"${oneLine(value).replace(/"/g, '')}"`;
}

function mailto(email: string): string {
  return `mailto:${oneLine(email).replace(/[\s"]/g, '')}`;
}

/** 20261201T180000Z */
function utc(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function minutes(value: number): string {
  return `PT${value}M`;
}

const utf8Length = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/**
 * Folds a content line into physical lines of at most 75 octets of UTF-8 (§3.1), breaking only
 * between characters; each continuation starts with a space, which counts towards its 75.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > FOLD_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

function isWebUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${text(event.uid)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${utc(event.startsAt)}`,
    `DTEND:${utc(event.endsAt)}`,
    `CREATED:${utc(event.createdAt)}`,
    `LAST-MODIFIED:${utc(event.updatedAt)}`,
    `SUMMARY:${text(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${text(event.description)}`);
  if (event.location) lines.push(`LOCATION:${text(event.location)}`);
  // A URI value is not escaped, so anything that is not a plain web address is left out.
  if (event.url && isWebUrl(oneLine(event.url))) lines.push(`URL:${new URL(oneLine(event.url)).href}`);
  lines.push(`STATUS:${event.status}`);
  if (event.timeZone) lines.push(`X-CONVENE-TZID:${text(event.timeZone)}`);
  if (event.organizer) lines.push(`ORGANIZER;CN=${quotedParam(event.organizer.name)}:${mailto(event.organizer.email)}`);
  if (event.attendee) {
    const { name, email, partstat = 'NEEDS-ACTION' } = event.attendee;
    lines.push(`ATTENDEE;CN=${quotedParam(name)};ROLE=REQ-PARTICIPANT;PARTSTAT=${partstat};RSVP=TRUE:${mailto(email)}`);
  }
  const alarms = [...new Set(event.alarmsMinutesBefore ?? [])]
    .filter((value) => Number.isInteger(value) && value >= 0)
    .sort((a, b) => b - a);
  for (const before of alarms) {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `TRIGGER:${before === 0 ? minutes(0) : `-${minutes(before)}`}`,
      `DESCRIPTION:${text(event.summary)}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR, folded, with CRLF after every line (the last included). */
export function buildCalendar(options: IcsCalendarOptions): string {
  const stamp = utc(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${text(options.productId ?? DEFAULT_PRODUCT_ID)}`,
    'CALSCALE:GREGORIAN',
  ];
  if (options.method) lines.push(`METHOD:${options.method}`);
  if (options.name) lines.push(`X-WR-CALNAME:${text(options.name)}`);
  if (options.refreshMinutes && Number.isInteger(options.refreshMinutes) && options.refreshMinutes > 0) {
    // REFRESH-INTERVAL is RFC 7986; Outlook and older clients read only X-PUBLISHED-TTL.
    lines.push(
      `REFRESH-INTERVAL;VALUE=DURATION:${minutes(options.refreshMinutes)}`,
      `X-PUBLISHED-TTL:${minutes(options.refreshMinutes)}`,
    );
  }
  for (const event of options.events) lines.push(...eventLines(event, stamp));
  lines.push('END:VCALENDAR');
  return lines.map((line) => foldLine(line) + CRLF).join('');
}

const ICS_FILE_NAME_MAX = 80;

/** A plain ASCII file name for a download, 'policing-working-group-meeting.ics'; 'meeting.ics' when nothing is left. */
export function icsFileName(title: string): string {
  const slug = clean(title)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, ICS_FILE_NAME_MAX)
    .replace(/^-+|-+$/g, '');
  return `${slug || 'meeting'}.ics`;
}
