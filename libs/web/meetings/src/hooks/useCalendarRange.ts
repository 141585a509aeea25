import { useMemo, useState } from 'react';
import { addDays, addMonths, dayKeyOf, monthWeeks, queryRange, weekDays } from '../utils/zoned-time.util';

export type CalendarView = 'month' | 'week';

export interface CalendarRange {
  view: CalendarView;
  setView: (view: CalendarView) => void;
  /** A day inside the month or week shown. */
  anchor: string;
  today: string;
  /** Weeks shown: several for a month, one for a week. */
  weeks: string[][];
  /** What to ask the API for. */
  from: string;
  to: string;
  previous: () => void;
  next: () => void;
  goToday: () => void;
}

/** Which month or week a calendar shows, in the viewer's zone. */
export function useCalendarRange(timeZone: string, initialView: CalendarView = 'month'): CalendarRange {
  const today = dayKeyOf(new Date(), timeZone);
  const [view, setView] = useState<CalendarView>(initialView);
  const [anchor, setAnchor] = useState(today);
  return useMemo(() => {
    const weeks = view === 'month' ? monthWeeks(anchor) : [weekDays(anchor)];
    const first = weeks[0]?.[0] ?? anchor;
    const last = weeks.at(-1)?.[6] ?? anchor;
    const { from, to } = queryRange(first, last);
    const step = (direction: number) =>
      setAnchor((current) => (view === 'month' ? addMonths(current, direction) : addDays(current, 7 * direction)));
    return {
      view,
      setView,
      anchor,
      today,
      weeks,
      from,
      to,
      previous: () => step(-1),
      next: () => step(1),
      goToday: () => setAnchor(today),
    };
  }, [view, anchor, today]);
}
