import { useLocale } from '@convene/web-ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dayAsDate, dayKeyOf, intlLocale } from '../utils/zoned-time.util';

function safeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  }
}

export interface MeetingTime {
  timeZone: string;
  /** "Thu 3 Dec, 18:00–20:00", or with both dates when it ends on another day. */
  range: (startsAt: string, endsAt: string) => string;
  /** "18:00–20:00" on one day; "22:00–01:00 (next day)"; with the end's date when it is later still. */
  hours: (startsAt: string, endsAt: string) => string;
  /** The same, with the zone named: "Thu 3 Dec, 18:00–20:00 (Europe/London)". */
  rangeWithZone: (startsAt: string, endsAt: string) => string;
  /** "18:00". */
  time: (iso: string) => string;
  /** "Thu 3 Dec 2026" for an instant. */
  date: (iso: string) => string;
  /** "Thu 3 Dec, 18:00" (the year too when it is not this year). */
  dateTime: (iso: string) => string;
  /** "Thursday 3 December" for a plain day. */
  longDay: (key: string) => string;
  /** "Thu 3" for a plain day. */
  shortDay: (key: string) => string;
  /** "Mon" for a plain day. */
  weekday: (key: string) => string;
  /** "3" for a plain day. */
  dayNumber: (key: string) => string;
  /** "December 2026" for a plain day. */
  month: (key: string) => string;
  /** The day of an instant in this zone. */
  dayOf: (iso: string) => string;
}

/** Formats meeting times in one zone (the viewer's, the meeting's, or a visitor's) and the current language. */
export function useMeetingTime(timeZone: string): MeetingTime {
  const { locale } = useLocale();
  const { t } = useTranslation('meetings');
  return useMemo(() => {
    const lang = intlLocale(locale);
    const day = safeFormat(lang, { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
    const year = safeFormat(lang, { timeZone, year: 'numeric' });
    // Between a date and a time: the Arabic comma in Arabic.
    const comma = locale === 'ar' ? '، ' : ', ';
    const clock = safeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    // Plain days are noon UTC: formatted in UTC they never slip to another day.
    const longDay = safeFormat(lang, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
    const shortDay = safeFormat(lang, { timeZone: 'UTC', weekday: 'short', day: 'numeric' });
    const weekday = safeFormat(lang, { timeZone: 'UTC', weekday: 'short' });
    const dayNumber = safeFormat(lang, { timeZone: 'UTC', day: 'numeric' });
    const month = safeFormat(lang, { timeZone: 'UTC', month: 'long', year: 'numeric' });
    const thisYear = dayKeyOf(new Date(), timeZone).slice(0, 4);
    const dayOf = (iso: string) => dayKeyOf(iso, timeZone);
    // "Fri 8 Jan", with the year after it when it is not this year's: "Fri 8 Jan 2027".
    const dayText = (iso: string) =>
      dayOf(iso).slice(0, 4) === thisYear
        ? day.format(new Date(iso))
        : `${day.format(new Date(iso))} ${year.format(new Date(iso))}`;
    const range = (startsAt: string, endsAt: string) => {
      const start = new Date(startsAt);
      const end = new Date(endsAt);
      if (dayOf(startsAt) === dayOf(endsAt))
        return `${dayText(startsAt)}${comma}${clock.format(start)}–${clock.format(end)}`;
      return `${dayText(startsAt)}${comma}${clock.format(start)} – ${dayText(endsAt)}${comma}${clock.format(end)}`;
    };
    const hours = (startsAt: string, endsAt: string) => {
      const [startDay, endDay] = [dayOf(startsAt), dayOf(endsAt)];
      const [start, end] = [clock.format(new Date(startsAt)), clock.format(new Date(endsAt))];
      if (startDay === endDay) return `${start}–${end}`;
      const nextDay = new Date(dayAsDate(startDay).getTime() + 86_400_000).toISOString().slice(0, 10);
      if (endDay === nextDay) return `${start}–${t('time.nextDay', { time: end })}`;
      return `${start} – ${dayText(endsAt)}${comma}${end}`;
    };
    return {
      timeZone,
      range,
      hours,
      rangeWithZone: (startsAt, endsAt) => `${range(startsAt, endsAt)} (${timeZone})`,
      time: (iso) => clock.format(new Date(iso)),
      date: (iso) => `${day.format(new Date(iso))} ${year.format(new Date(iso))}`,
      dateTime: (iso) => `${dayText(iso)}${comma}${clock.format(new Date(iso))}`,
      longDay: (key) => longDay.format(dayAsDate(key)),
      shortDay: (key) => shortDay.format(dayAsDate(key)),
      weekday: (key) => weekday.format(dayAsDate(key)),
      dayNumber: (key) => dayNumber.format(dayAsDate(key)),
      month: (key) => month.format(dayAsDate(key)),
      dayOf,
    };
  }, [locale, timeZone, t]);
}
