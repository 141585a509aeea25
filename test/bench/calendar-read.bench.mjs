// Benchmark: the personal calendar's month (the web's MyCalendar query for the weeks of this month,
// with the viewer's own answers) for a member of three busy groups (a meeting a day each for two
// years, 200 answers to each), under load, against a bare node:http + pg server answering the same
// JSON from hand-written SQL (the method: read-bench.util.mjs).
//   node tools/build-server.mjs && node test/bench/calendar-read.bench.mjs [meetingsPerGroup=730] [answersPerMeeting=200] [--connections=10] [--duration=10] [--profile]
import { readBench } from './read-bench.util.mjs';

const database = 'convene_bench_calendar';
const [perGroup = 730, answers = 200] = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);

const calendarSql = `select m.id, m.title, m.starts_at, m.ends_at, m.time_zone, m.location, m.status, m.series_id, m.group_id,
    r.response, g.slug, g.name
  from memberships s
  join meetings m on m.group_id = s.group_id
  join working_groups g on g.id = m.group_id
  left join meeting_rsvps r on r.meeting_id = m.id and r.user_id = s.user_id
  where s.user_id = $1 and s.status = 'ACTIVE' and m.starts_at < $3 and m.ends_at > $2
  order by m.starts_at, m.id
  limit 500`;

const timestamp = (value) => new Date(value).toISOString();

await readBench({
  title: "personal calendar, this month's weeks with the viewer's answers, signed in as a member of three groups",
  database,
  port: 3406,
  redisDb: '6',
  viewerEmail: 'member@example.org',
  async seed(db) {
    const seeded = await seed(db, perGroup, answers);
    const {
      rows: [shape],
    } = await db.query(
      `select (select count(*)::int from meetings) as meetings, (select count(*)::int from meeting_rsvps) as rsvps,
         (select count(*)::int from meeting_rsvps where user_id = $1) as mine`,
      [seeded.userId],
    );
    return {
      ...seeded,
      range: monthRange(),
      summary: `${shape.meetings} meetings, ${shape.rsvps} answers (${shape.mine} of them the viewer's)`,
    };
  },
  request: (seeded) => ({
    query: `query MyCalendar($from: DateTime!, $to: DateTime!) {
      myCalendar(from: $from, to: $to) { id title startsAt endsAt timeZone location status seriesId groupId myRsvp { response } group { id slug name } }
    }`,
    variables: seeded.range,
  }),
  baselineRequest: (seeded) => ({ viewerId: seeded.userId, ...seeded.range }),
  /**
   * The same answer from one statement: the meetings of the viewer's groups that overlap the range,
   * with the viewer's answer and the group. The viewer comes by id in the body, where the API
   * resolves a session cookie.
   */
  async answer(pool, { viewerId, from, to }) {
    const { rows } = await pool.query(calendarSql, [viewerId, from, to]);
    return {
      myCalendar: rows.map((m) => ({
        id: m.id,
        title: m.title,
        startsAt: m.starts_at,
        endsAt: m.ends_at,
        timeZone: m.time_zone,
        location: m.location,
        status: m.status,
        seriesId: m.series_id,
        groupId: m.group_id,
        myRsvp: m.response ? { response: m.response } : null,
        group: { id: m.group_id, slug: m.slug, name: m.name },
      })),
    };
  },
  compare: (data) =>
    data.myCalendar.map((m) => ({ ...m, startsAt: timestamp(m.startsAt), endsAt: timestamp(m.endsAt) })),
  describe: (data) => {
    const meetings = data.myCalendar;
    const answered = meetings.filter((m) => m.myRsvp).length;
    const cancelled = meetings.filter((m) => m.status === 'CANCELLED').length;
    return `the same ${meetings.length} meetings of ${new Set(meetings.map((m) => m.groupId)).size} groups (${answered} answered by the viewer, ${cancelled} cancelled)`;
  },
});

/**
 * What the calendar's month view asks for (useCalendarRange): the weeks, Monday first, that cover
 * this month in the viewer's zone (Europe/London), with a day and a half either side.
 */
function monthRange() {
  const day = 86_400_000;
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
    .format(new Date())
    .split('-')
    .map(Number);
  const firstOfMonth = Date.UTC(year, month - 1, 1);
  let monday = firstOfMonth - ((new Date(firstOfMonth).getUTCDay() + 6) % 7) * day;
  const firstMonday = monday;
  while (new Date(monday + 7 * day).getUTCMonth() === month - 1) monday += 7 * day;
  return {
    from: new Date(firstMonday - 1.5 * day).toISOString(),
    to: new Date(monday + 7 * day + 1.5 * day).toISOString(),
  };
}

/**
 * As meetings-calendar.bench.mjs: member@example.org belongs to two demo groups and joins the
 * third; each group gets a meeting a day from a year ago to a year ahead, and `answers` people
 * answer each. Besides, one meeting in thirteen is cancelled, the groups meet in different places,
 * and the viewer has answered about two meetings in three.
 */
async function seed(db, perGroup, answers) {
  const {
    rows: [member],
  } = await db.query(`select id, password_hash from users where email = 'member@example.org'`);
  const {
    rows: [convenor],
  } = await db.query(`select id from users where email = 'convenor@example.org'`);
  await db.query('begin');
  // The rows are made consistent here; foreign key checks row by row would only slow the load.
  await db.query('set local session_replication_role = replica');
  await db.query(
    `insert into memberships (id, group_id, user_id, role, status, created_at) select gen_random_uuid(), id, $1, 'MEMBER', 'ACTIVE', now() from working_groups where slug = 'brexit-and-faith'`,
    [member.id],
  );
  await db.query(
    `insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
     select gen_random_uuid(), 'bench-' || i || '@example.org', 'Bench person ' || i, $1, now(), now() from generate_series(1, $2) i`,
    [member.password_hash, answers],
  );
  await db.query(
    `insert into meetings (id, group_id, title, starts_at, ends_at, time_zone, location, status, cancelled_at, cancellation_reason, reminder_minutes, created_by_id, created_at, updated_at)
     select gen_random_uuid(), g.id, 'Bench meeting ' || d, date_trunc('day', now()) + (d || ' days')::interval + interval '18 hours',
       date_trunc('day', now()) + (d || ' days')::interval + interval '19 hours 30 minutes', 'Europe/London',
       case g.slug when 'health-and-social-care' then 'Community Hall, 12 Market Street' when 'brexit-and-faith' then 'St Anne''s, side room' else '' end,
       case when d % 13 = 0 then 'CANCELLED' else 'SCHEDULED' end::meeting_status,
       case when d % 13 = 0 then now() end, case when d % 13 = 0 then 'The room is not available.' else '' end,
       '{1440,60}', $1, now(), now()
     from working_groups g cross join generate_series(-($2::int / 2), $2::int / 2 - 1) d`,
    [convenor.id, perGroup],
  );
  await db.query(
    `insert into meeting_rsvps (meeting_id, user_id, response, note, updated_at)
     select m.id, u.id, (array['GOING','MAYBE','NOT_GOING'])[1 + (abs(hashtext(m.id::text || u.id::text)) % 3)]::rsvp_response, '', now()
     from meetings m cross join (select id from users where email like 'bench-%') u`,
  );
  await db.query(
    `insert into meeting_rsvps (meeting_id, user_id, response, note, updated_at)
     select m.id, $1, (array['GOING','GOING','MAYBE','NOT_GOING'])[1 + (abs(hashtext(m.id::text)) % 4)]::rsvp_response, '', now()
     from meetings m where abs(hashtext(m.id::text || 'viewer')) % 3 < 2
     on conflict do nothing`,
    [member.id],
  );
  await db.query('commit');
  return { userId: member.id };
}
