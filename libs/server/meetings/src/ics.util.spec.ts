import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { buildCalendar, foldLine, icsFileName, type IcsEvent } from './ics.util.js';

const NOW = new Date('2026-11-20T09:15:00Z');

const event = (overrides: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: 'meeting-6f1c@convene.example',
  sequence: 0,
  startsAt: new Date('2026-12-01T18:00:00Z'),
  endsAt: new Date('2026-12-01T19:30:00Z'),
  summary: 'Policing working group',
  status: 'CONFIRMED',
  createdAt: new Date('2026-11-01T08:00:00Z'),
  updatedAt: new Date('2026-11-02T08:00:00Z'),
  ...overrides,
});

/** Parses with ical.js, a real RFC 5545 parser, and returns the calendar and its events. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

function only(ics: string) {
  const { events } = parse(ics);
  expect(events).toHaveLength(1);
  return events[0];
}

const unfold = (ics: string) => ics.replace(/\r\n /g, '');

function expectWellFormedLines(ics: string) {
  expect(ics.endsWith('\r\n')).toBe(true);
  // Splitting on CRLF must leave no bare CR or LF inside a line.
  const lines = ics.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  }
  return lines;
}

describe(buildCalendar.name, () => {
  it('writes the calendar header, one event in UTC and DTSTAMP', () => {
    const ics = buildCalendar({ events: [event()], now: NOW });
    const lines = expectWellFormedLines(ics);
    expect(lines.slice(0, 4)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Convene//Meetings//EN',
      'CALSCALE:GREGORIAN',
    ]);
    expect(lines).toContain('DTSTART:20261201T180000Z');
    expect(lines).toContain('DTEND:20261201T193000Z');
    expect(lines).toContain('DTSTAMP:20261120T091500Z');
    expect(lines).not.toContainEqual(expect.stringMatching(/^METHOD|^BEGIN:VTIMEZONE|^X-WR-CALNAME|^REFRESH-INTERVAL/));
    expect(lines.at(-1)).toBe('END:VCALENDAR');

    const vevent = only(ics);
    const parsed = new ICAL.Event(vevent);
    expect(parsed.uid).toBe('meeting-6f1c@convene.example');
    expect(parsed.sequence).toBe(0);
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-12-01T18:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2026-12-01T19:30:00.000Z');
    expect(parsed.startDate.zone?.tzid).toBe('UTC');
    expect(parsed.summary).toBe('Policing working group');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(vevent.getFirstPropertyValue('created'))).toBe('2026-11-01T08:00:00Z');
    expect(String(vevent.getFirstPropertyValue('last-modified'))).toBe('2026-11-02T08:00:00Z');
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2026-11-20T09:15:00Z');
    expect(vevent.getAllSubcomponents('valarm')).toEqual([]);
  });

  it('writes the method, product id, calendar name and refresh interval when given', () => {
    const ics = buildCalendar({
      productId: '-//Example//Feed//EN',
      method: 'REQUEST',
      name: 'Policing, housing; and more',
      refreshMinutes: 60,
      events: [event()],
      now: NOW,
    });
    const lines = expectWellFormedLines(ics);
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M');
    expect(lines).toContain('X-PUBLISHED-TTL:PT60M');
    const { calendar } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Example//Feed//EN');
    // ical.js leaves X- properties unescaped; the escaped TEXT form is what clients expect.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Policing\\, housing\\; and more');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
  });

  it('round-trips text with commas, semicolons, backslashes, line breaks, Arabic and emoji', () => {
    const summary = 'Housing; rights, and \\ "appeals" — اجتماع مجموعة العمل 🏠👩‍👩‍👧';
    const description = 'Agenda:\n1. Minutes, approved;\r\n2. Casework\r3. AOB\n\nمرحبا بكم 🎉';
    const location = 'Room 2, Community Centre; 1 High St\nLondon';
    const vevent = only(buildCalendar({ events: [event({ summary, description, location })], now: NOW }));
    expect(vevent.getFirstPropertyValue('summary')).toBe(summary);
    expect(vevent.getFirstPropertyValue('description')).toBe(
      'Agenda:\n1. Minutes, approved;\n2. Casework\n3. AOB\n\nمرحبا بكم 🎉',
    );
    expect(vevent.getFirstPropertyValue('location')).toBe(location);
  });

  it('folds long lines at 75 octets without splitting a character, and unfolds to the same text', () => {
    const source = `${'Long agenda item, with commas; and more. '.repeat(4)}${'ملاحظات الاجتماع '.repeat(5)}${'🎉'.repeat(100)}`;
    const description = [...source].slice(0, 300).join('');
    expect([...description]).toHaveLength(300);
    const ics = buildCalendar({ events: [event({ description, summary: 'é'.repeat(120) })], now: NOW });
    const lines = expectWellFormedLines(ics);
    const continuations = lines.filter((line) => line.startsWith(' '));
    expect(continuations.length).toBeGreaterThan(5);
    // A fold between the two halves of a surrogate pair would leave each line with a lone surrogate,
    // which is written as U+FFFD: the emoji would be lost although unfolding the string looks fine.
    for (const line of lines) expect(line).not.toMatch(/\p{Surrogate}/u);
    expect(lines.some((line) => Buffer.byteLength(line, 'utf8') >= 72)).toBe(true);
    const vevent = only(ics);
    expect(vevent.getFirstPropertyValue('description')).toBe(description);
    expect(vevent.getFirstPropertyValue('summary')).toBe('é'.repeat(120));
  });

  it('folds a line of nothing but emoji between characters', () => {
    const ics = buildCalendar({ events: [event({ description: '🎉'.repeat(100) })], now: NOW });
    for (const line of expectWellFormedLines(ics)) expect(line).not.toMatch(/\p{Surrogate}/u);
    expect(only(ics).getFirstPropertyValue('description')).toBe('🎉'.repeat(100));
  });

  it('strips control characters so that user text cannot start a property of its own', () => {
    const ics = buildCalendar({
      events: [
        event({
          summary: 'Tea\u0000\u0007\u001b\u007f\u0085\tbreak',
          description: 'x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected',
        }),
      ],
      now: NOW,
    });
    const lines = expectWellFormedLines(ics);
    expect(lines).toContain('SUMMARY:Teabreak');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(only(ics).getFirstPropertyValue('description')).toBe('x\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected');
  });

  it('writes SEQUENCE, STATUS:CANCELLED and METHOD:CANCEL for a cancellation', () => {
    const ics = buildCalendar({ method: 'CANCEL', events: [event({ sequence: 3, status: 'CANCELLED' })], now: NOW });
    const { calendar } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const vevent = only(ics);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('writes the organizer and the attendee with a quoted CN that holds no double quote', () => {
    const ics = buildCalendar({
      method: 'REQUEST',
      events: [
        event({
          organizer: { name: 'Amira "Mimi" Haddad, Chair; Policing', email: 'amira@convene.example' },
          attendee: { name: 'Jo\nBloggs ☕ عمر', email: 'jo@convene.example', partstat: 'ACCEPTED' },
        }),
      ],
      now: NOW,
    });
    expectWellFormedLines(ics);
    expect(unfold(ics)).toContain('ORGANIZER;CN="Amira Mimi Haddad, Chair; Policing":mailto:amira@convene.example');
    const vevent = only(ics);
    const organizer = vevent.getFirstProperty('organizer');
    expect(organizer?.getParameter('cn')).toBe('Amira Mimi Haddad, Chair; Policing');
    expect(organizer?.getFirstValue()).toBe('mailto:amira@convene.example');
    const attendee = vevent.getFirstProperty('attendee');
    expect(attendee?.getParameter('cn')).toBe('JoBloggs ☕ عمر');
    expect(attendee?.getParameter('partstat')).toBe('ACCEPTED');
    expect(attendee?.getParameter('rsvp')).toBe('TRUE');
    expect(attendee?.getFirstValue()).toBe('mailto:jo@convene.example');
  });

  it('asks for a reply from an attendee who has not answered', () => {
    const vevent = only(
      buildCalendar({ events: [event({ attendee: { name: 'Jo', email: 'jo@convene.example' } })], now: NOW }),
    );
    expect(vevent.getFirstProperty('attendee')?.getParameter('partstat')).toBe('NEEDS-ACTION');
  });

  it('writes one display alarm per distinct reminder', () => {
    const vevent = only(
      buildCalendar({ events: [event({ alarmsMinutesBefore: [15, 1440, 15, 0, -5, 2.5] })], now: NOW }),
    );
    const alarms = vevent.getAllSubcomponents('valarm');
    const triggers = alarms.map((alarm) => {
      const trigger = alarm.getFirstPropertyValue('trigger');
      return trigger instanceof ICAL.Duration ? trigger.toSeconds() : null;
    });
    expect(triggers).toEqual([-1440 * 60, -15 * 60, 0]);
    for (const alarm of alarms) {
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(alarm.getFirstPropertyValue('description')).toBe('Policing working group');
    }
  });

  it('writes a web URL and leaves out anything else', () => {
    expect(
      only(
        buildCalendar({ events: [event({ url: 'https://convene.example/meetings/6f1c?tab=agenda' })], now: NOW }),
      ).getFirstPropertyValue('url'),
    ).toBe('https://convene.example/meetings/6f1c?tab=agenda');
    for (const url of ['javascript:alert(1)', 'not a url', 'https://x.example/\r\nATTACH:evil']) {
      const vevent = only(buildCalendar({ events: [event({ url })], now: NOW }));
      expect(vevent.getFirstPropertyValue('attach')).toBeNull();
      if (vevent.hasProperty('url')) expect(vevent.getFirstPropertyValue('url')).toMatch(/^https:\/\/x\.example\//);
    }
  });

  it('writes the planned zone for information and several events in one feed', () => {
    const ics = buildCalendar({
      events: [
        event({ timeZone: 'Europe/London' }),
        event({
          uid: 'second@convene.example',
          startsAt: new Date('2026-12-08T18:00:00Z'),
          endsAt: new Date('2026-12-08T19:00:00Z'),
        }),
      ],
      now: NOW,
    });
    expect(ics).toContain('X-CONVENE-TZID:Europe/London\r\n');
    const { events } = parse(ics);
    expect(events.map((vevent) => vevent.getFirstPropertyValue('uid'))).toEqual([
      'meeting-6f1c@convene.example',
      'second@convene.example',
    ]);
  });

  it('writes an empty calendar that still parses', () => {
    expect(parse(buildCalendar({ events: [], now: NOW })).events).toEqual([]);
  });
});

describe(foldLine.name, () => {
  it('leaves a line of 75 octets alone and folds at 76', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
    expect(foldLine('a'.repeat(75 + 74 + 1))).toBe(`${'a'.repeat(75)}\r\n ${'a'.repeat(74)}\r\n a`);
  });

  it('moves a multi-byte character that would cross the limit to the next line', () => {
    // 74 ASCII octets and then a 4-octet emoji: the emoji cannot fit on the first line.
    expect(foldLine(`${'a'.repeat(74)}😀b`)).toBe(`${'a'.repeat(74)}\r\n 😀b`);
    expect(foldLine(`${'a'.repeat(73)}é😀`)).toBe(`${'a'.repeat(73)}é\r\n 😀`);
    expect(foldLine(`${'a'.repeat(72)}😀`)).toBe(`${'a'.repeat(72)}\r\n 😀`);
    expect(foldLine(`${'a'.repeat(72)}€`)).toBe(`${'a'.repeat(72)}€`);
  });
});

describe(icsFileName.name, () => {
  it('makes a lower-case ASCII slug ending in .ics', () => {
    expect(icsFileName('Policing Working Group — Meeting')).toBe('policing-working-group-meeting.ics');
    expect(icsFileName('  Café & Crèche: Plan (2026)!  ')).toBe('cafe-creche-plan-2026.ics');
    expect(icsFileName('../../etc/passwd')).toBe('etc-passwd.ics');
    expect(icsFileName('Réunion\r\nX-Evil: 1')).toBe('reunion-x-evil-1.ics');
  });

  it('falls back to meeting.ics when nothing ASCII is left', () => {
    for (const title of ['', '   ', 'اجتماع', '🎉🎉', '---']) expect(icsFileName(title)).toBe('meeting.ics');
  });

  it('keeps long names short', () => {
    const name = icsFileName('word '.repeat(100));
    expect(name.length).toBeLessThanOrEqual(84);
    expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.ics$/);
  });
});
