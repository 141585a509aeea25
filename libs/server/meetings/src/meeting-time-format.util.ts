// Meeting times written out for people (in mail), in their own zone and language, with the zone named.

/** e.g. "Thursday 3 December 2026, 18:00–20:00 (Europe/London)". */
export function formatWhen(startsAt: Date, endsAt: Date, zone: string, locale: string): string {
  const lang = locale === 'ar' ? 'ar' : 'en-GB';
  const sameDay =
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(startsAt) ===
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(endsAt);
  const day = new Intl.DateTimeFormat(lang, {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(lang, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const range = sameDay
    ? `${day.format(startsAt)}, ${time.format(startsAt)}–${time.format(endsAt)}`
    : `${day.format(startsAt)} ${time.format(startsAt)} – ${day.format(endsAt)} ${time.format(endsAt)}`;
  return `${range} (${zone})`;
}
