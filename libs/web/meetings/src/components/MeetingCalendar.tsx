import { Badge, Button, Group, SegmentedControl, Text, Title, VisuallyHidden } from '@mantine/core';
import type { MeetingSummaryFieldsFragment } from '@convene/web-data-access';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarRange } from '../hooks/useCalendarRange';
import { useMeetingTime, type MeetingTime } from '../hooks/useMeetingTime';
import './meetings.css';
import { paths } from '@convene/web-ui';
import { hostNames } from '../utils/host-names.util';

export interface MeetingCalendarProps {
  range: CalendarRange;
  meetings: MeetingSummaryFieldsFragment[];
  timeZone: string;
  /** Name each meeting's group (the personal calendar mixes groups). */
  showGroup?: boolean;
  loading?: boolean;
  /** The heading level of the calendar's title (the page decides). */
  headingOrder?: 2 | 3;
  id: string;
}

/** A month or week of meetings, each on its day in the viewer's zone, with navigation. */
export function MeetingCalendar({
  range,
  meetings,
  timeZone,
  showGroup = false,
  loading = false,
  headingOrder = 2,
  id,
}: MeetingCalendarProps) {
  const { t } = useTranslation('meetings');
  const time = useMeetingTime(timeZone);
  const byDay = useMemo(() => {
    const map = new Map<string, MeetingSummaryFieldsFragment[]>();
    for (const meeting of [...meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
      const key = time.dayOf(meeting.startsAt);
      map.set(key, [...(map.get(key) ?? []), meeting]);
    }
    return map;
  }, [meetings, time]);
  const isMonth = range.view === 'month';
  // A month's grid needs about 560 px: on a phone the month is a list of its days with meetings.
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const firstDay = range.weeks[0]?.[0] ?? range.anchor;
  const title = isMonth ? time.month(range.anchor) : t('calendar.weekOf', { day: time.longDay(firstDay) });
  const shownDays = range.weeks.flat();
  const empty =
    !loading &&
    shownDays.every((day) => !byDay.get(day)?.length || (isMonth && day.slice(0, 7) !== range.anchor.slice(0, 7)));

  return (
    <div className="convene-calendar" aria-busy={loading}>
      <Group justify="space-between" gap="sm" mb="sm">
        <Title order={headingOrder} size="h4" id={id} aria-live="polite">
          {title}
        </Title>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label={t('calendar.view')}
            value={range.view}
            onChange={(value) => range.setView(value === 'week' ? 'week' : 'month')}
            data={[
              { value: 'month', label: t('calendar.month') },
              { value: 'week', label: t('calendar.week') },
            ]}
          />
          <Button.Group>
            <Button
              variant="default"
              size="xs"
              onClick={range.previous}
              aria-label={isMonth ? t('calendar.previousMonth') : t('calendar.previousWeek')}
            >
              <span aria-hidden className="convene-flip">
                ‹
              </span>
            </Button>
            <Button variant="default" size="xs" onClick={range.goToday}>
              {t('calendar.today')}
            </Button>
            <Button
              variant="default"
              size="xs"
              onClick={range.next}
              aria-label={isMonth ? t('calendar.nextMonth') : t('calendar.nextWeek')}
            >
              <span aria-hidden className="convene-flip">
                ›
              </span>
            </Button>
          </Button.Group>
        </Group>
      </Group>

      {isMonth && narrow ? (
        <MonthAgenda range={range} byDay={byDay} time={time} showGroup={showGroup} />
      ) : isMonth ? (
        <MonthGrid range={range} byDay={byDay} time={time} caption={title} showGroup={showGroup} />
      ) : (
        <WeekColumns range={range} byDay={byDay} time={time} showGroup={showGroup} />
      )}
      {empty && (
        <Text size="sm" c="gray.7" mt="xs">
          {isMonth ? t('calendar.nothingThisMonth') : t('calendar.nothingThisWeek')}
        </Text>
      )}
    </div>
  );
}

interface GridProps {
  range: CalendarRange;
  byDay: Map<string, MeetingSummaryFieldsFragment[]>;
  time: MeetingTime;
  showGroup: boolean;
}

function MonthGrid({ range, byDay, time, caption, showGroup }: GridProps & { caption: string }) {
  const { t } = useTranslation('meetings');
  const month = range.anchor.slice(0, 7);
  return (
    <div className="convene-cal-scroll">
      <table className="convene-cal-month">
        <caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </caption>
        <thead>
          <tr>
            {(range.weeks[0] ?? []).map((day) => (
              <th key={day} scope="col">
                {time.weekday(day)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {range.weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const meetings = byDay.get(day) ?? [];
                const outside = day.slice(0, 7) !== month;
                const isToday = day === range.today;
                return (
                  <td key={day} data-outside={outside || undefined} data-today={isToday || undefined}>
                    <div className="convene-cal-daynum" aria-hidden>
                      {time.dayNumber(day)}
                    </div>
                    <VisuallyHidden>
                      {time.longDay(day)}
                      {isToday ? `, ${t('calendar.todayMark')}` : ''}
                      {meetings.length === 0 ? `: ${t('calendar.noMeetings')}` : ''}
                    </VisuallyHidden>
                    {meetings.length > 0 && (
                      <ul className="convene-cal-list">
                        {meetings.map((meeting) => (
                          <li key={meeting.id}>
                            <MeetingChip meeting={meeting} time={time} showGroup={showGroup} compact />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A month as the list of its days that have meetings (phones: the grid would not fit). */
function MonthAgenda({ range, byDay, time, showGroup }: GridProps) {
  const month = range.anchor.slice(0, 7);
  const days = range.weeks.flat().filter((day) => day.slice(0, 7) === month && (byDay.get(day)?.length ?? 0) > 0);
  return (
    <div className="convene-cal-agenda">
      {days.map((day) => (
        <DaySection
          key={day}
          day={day}
          meetings={byDay.get(day) ?? []}
          today={range.today}
          time={time}
          showGroup={showGroup}
        />
      ))}
    </div>
  );
}

function WeekColumns({ range, byDay, time, showGroup }: GridProps) {
  return (
    <div className="convene-cal-week">
      {(range.weeks[0] ?? []).map((day) => (
        <DaySection
          key={day}
          day={day}
          meetings={byDay.get(day) ?? []}
          today={range.today}
          time={time}
          showGroup={showGroup}
        />
      ))}
    </div>
  );
}

/** One day with its meetings (or "No meetings"): a column of the week, an entry of a phone's month. */
function DaySection({
  day,
  meetings,
  today,
  time,
  showGroup,
}: {
  day: string;
  meetings: MeetingSummaryFieldsFragment[];
  today: string;
  time: MeetingTime;
  showGroup: boolean;
}) {
  const { t } = useTranslation('meetings');
  return (
    <section className="convene-cal-weekday" data-today={day === today || undefined} aria-label={time.longDay(day)}>
      <div className="convene-cal-weekday-head" aria-hidden>
        <span>{time.weekday(day)}</span> <strong>{time.dayNumber(day)}</strong>
      </div>
      {meetings.length === 0 ? (
        <Text size="xs" c="gray.7" className="convene-cal-none">
          {t('calendar.noMeetings')}
        </Text>
      ) : (
        <ul className="convene-cal-list">
          {meetings.map((meeting) => (
            <li key={meeting.id}>
              <MeetingChip meeting={meeting} time={time} showGroup={showGroup} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MeetingChip({
  meeting,
  time,
  showGroup,
  compact = false,
}: {
  meeting: MeetingSummaryFieldsFragment;
  time: MeetingTime;
  showGroup: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation('meetings');
  const cancelled = meeting.status === 'CANCELLED';
  return (
    <Link to={paths.meeting(meeting.id)} className="convene-cal-chip" data-cancelled={cancelled || undefined}>
      <span className="convene-cal-chip-time">
        {compact ? time.time(meeting.startsAt) : time.hours(meeting.startsAt, meeting.endsAt)}
      </span>{' '}
      <span className="convene-cal-chip-title" dir="auto">
        {meeting.title}
      </span>
      {(showGroup || meeting.hosts.length !== 1) && (
        <span className="convene-cal-chip-group" dir="auto">
          {hostNames(meeting, t('meeting.networkEvent'))}
        </span>
      )}
      {cancelled && (
        <Badge size="xs" color="red" variant="light" tt="none" ms={4}>
          {t('status.CANCELLED')}
        </Badge>
      )}
    </Link>
  );
}
