// Benchmark: reading calendars against the built API on this machine. A member of three busy groups
// (meetings every day for two years, 200 answers each) reads a month of their personal calendar with
// their answers and the counts, a group's week, and their .ics feed (up to 1,000 events). Prints
// latency percentiles, sizes and the API's memory; asserts nothing.
//   node tools/build-server.mjs && node test/bench/meetings-calendar.bench.mjs [meetingsPerGroup=730] [answersPerMeeting=200] [requests=200]
import pg from 'pg';
import { benchEnv, dropDatabase, freshDatabase, residentMiB, startApi, time } from './api-bench.util.mjs';

const [perGroup = 730, answers = 200, requests = 200] = process.argv.slice(2).map(Number);
const database = 'convene_bench_meetings';
const env = benchEnv({ port: 3391, database, prefix: 'convene-bench-meetings' });
freshDatabase(env, database);

// member@example.org belongs to two demo groups; one more makes three. Each group gets a meeting a
// day from a year ago to a year ahead, and `answers` people answer each.
const db = new pg.Client({ connectionString: env.DATABASE_URL });
await db.connect();
const {
  rows: [member],
} = await db.query(`select id, password_hash from users where email = 'member@example.org'`);
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
  `insert into meetings (id, group_id, title, starts_at, ends_at, time_zone, reminder_minutes, created_by_id, created_at, updated_at)
   select gen_random_uuid(), g.id, 'Bench meeting ' || d, date_trunc('day', now()) + (d || ' days')::interval + interval '18 hours',
          date_trunc('day', now()) + (d || ' days')::interval + interval '19 hours 30 minutes', 'Europe/London', '{1440,60}', $1, now(), now()
   from working_groups g cross join generate_series(-($2::int / 2), $2::int / 2 - 1) d`,
  [member.id, perGroup],
);
await db.query(
  `insert into meeting_rsvps (meeting_id, user_id, response, note, updated_at)
   select m.id, u.id, (array['GOING','MAYBE','NOT_GOING'])[1 + (abs(hashtext(m.id::text || u.id::text)) % 3)]::rsvp_response, '', now()
   from meetings m cross join (select id from users where email like 'bench-%') u`,
);
const {
  rows: [{ meetings, rsvps }],
} = await db.query(
  `select (select count(*) from meetings)::int as meetings, (select count(*) from meeting_rsvps)::int as rsvps`,
);
await db.end();
console.log(`seeded ${meetings} meetings and ${rsvps} answers`);

const { api, url } = await startApi(env);

const post = (body, cookie) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });

const signIn = await post({
  query: 'mutation($i: SignInInput!) { signIn(input: $i) { id } }',
  variables: { i: { email: 'member@example.org', password: env.DEMO_PASSWORD ?? 'convene-demo-pass' } },
});
const cookie = signIn.headers.get('set-cookie').split(';')[0];
await signIn.text();

const from = new Date();
const month = { from: from.toISOString(), to: new Date(from.getTime() + 31 * 86_400_000).toISOString() };
const calendar = {
  query:
    'query($from: DateTime!, $to: DateTime!) { myCalendar(from: $from, to: $to) { id title startsAt endsAt timeZone status myRsvp { response } rsvpCounts { going maybe notGoing } } }',
  variables: month,
};
const first = await (await post(calendar, cookie)).json();
if (first.errors) throw new Error(JSON.stringify(first.errors));
await time(
  `myCalendar, a month (${first.data.myCalendar.length} meetings, answers and counts)`,
  requests,
  async () => {
    await (await post(calendar, cookie)).text();
  },
  58,
);

const week = {
  query:
    'query($slug: String!, $from: DateTime!, $to: DateTime!) { workingGroup(slug: $slug) { meetings(from: $from, to: $to) { id title startsAt myRsvp { response } rsvpCounts { going } } } }',
  variables: {
    slug: 'health-and-social-care',
    from: month.from,
    to: new Date(from.getTime() + 7 * 86_400_000).toISOString(),
  },
};
await time(
  'WorkingGroup.meetings, a week',
  requests,
  async () => {
    await (await post(week, cookie)).text();
  },
  58,
);

const feed = await (await post({ query: 'mutation { resetCalendarFeed { url } }' }, cookie)).json();
const feedPath = new URL(feed.data.resetCalendarFeed.url).pathname;
const body = await (await fetch(`${url}${feedPath}`)).text();
const events = body.split('BEGIN:VEVENT').length - 1;
await time(
  `calendar feed .ics (${events} events, ${(body.length / 1024).toFixed(0)} KiB)`,
  Math.max(20, Math.floor(requests / 5)),
  async () => {
    await (await fetch(`${url}${feedPath}`)).text();
  },
  58,
);

console.log(`API resident memory after the run: ${residentMiB(api.pid).toFixed(0)} MiB`);
api.kill('SIGTERM');
dropDatabase(database);
