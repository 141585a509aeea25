// Benchmark: the bell and the app shell's viewer in one request (the web's Me query and its
// Notifications query for the bell, as one document) for a person with 3,000 notifications in a
// table of 23,000, under load, against a bare node:http + pg server answering the same JSON from
// hand-written SQL (the method: read-bench.util.mjs).
//   node tools/build-server.mjs && node test/bench/bell-read.bench.mjs [--connections=10] [--duration=10] [--profile]
import { readBench } from './read-bench.util.mjs';

const database = 'convene_bench_bell';
// The bell shows this many (BELL_SIZE in libs/web/notifications).
const first = 8;

const viewerSql = `select u.id, u.email, u.display_name, u.locale, u.time_zone, u.network_role, u.totp_enabled_at is not null as two_factor,
    o.id as organisation_id, o.name as organisation_name,
    (select count(*)::int from notifications n where n.recipient_id = u.id and n.in_app and n.read_at is null) as unread
  from users u left join partner_organisations o on o.id = u.organisation_id
  where u.id = $1`;
// Content-free (the recipient's choice or the group's) hides who caused it.
const notificationsSql = `select n.id, n.seq::int, n.type, n.created_at, n.read_at, n.subject_id, g.id as group_id, g.slug, g.name,
    coalesce(s.content_free, false) or coalesce(g.content_free_notifications, false) as content_free,
    a.id as actor_id, a.display_name as actor_name
  from notifications n
  left join working_groups g on g.id = n.group_id
  left join notification_settings s on s.user_id = n.recipient_id
  left join users a on a.id = n.actor_id
  where n.recipient_id = $1 and n.in_app
  order by n.seq desc
  limit $2`;

const timestamp = (value) => (value == null ? null : new Date(value).toISOString());

await readBench({
  title: 'the bell (unread count and the newest 8 notifications) with the viewer, signed in as a member',
  database,
  port: 3403,
  redisDb: '5',
  viewerEmail: 'member@example.org',
  async seed(db) {
    const seeded = await seed(db);
    const {
      rows: [shape],
    } = await db.query(
      `select count(*)::int as all, count(*) filter (where recipient_id = $1)::int as mine,
         count(*) filter (where recipient_id = $1 and in_app and read_at is null)::int as unread,
         count(*) filter (where recipient_id = $1 and not in_app)::int as email_only
       from notifications`,
      [seeded.userId],
    );
    return {
      ...seeded,
      summary: `${shape.all} notifications, ${shape.mine} of them the viewer's (${shape.unread} unread, ${shape.email_only} kept for email only)`,
    };
  },
  request: () => ({
    query: `query Bell($first: Int!) {
      me { id email displayName locale timeZone networkRole twoFactorEnabled twoFactorSetupRequired organisation { id name } }
      unreadNotificationCount
      notifications(first: $first) { id seq type createdAt readAt group { id slug name } actor { id displayName } subjectId contentFree }
    }`,
    variables: { first },
  }),
  baselineRequest: (seeded) => ({ viewerId: seeded.userId, first }),
  /**
   * The same answer from two statements at once: the viewer with their organisation and unread
   * count, and the newest notifications shown in the app with their groups and who caused them.
   * The viewer comes by id in the body, where the API resolves a session cookie.
   */
  async answer(pool, { viewerId, first }) {
    const [
      {
        rows: [me],
      },
      { rows },
    ] = await Promise.all([pool.query(viewerSql, [viewerId]), pool.query(notificationsSql, [viewerId, first])]);
    if (!me) return { me: null, unreadNotificationCount: null, notifications: null };
    return {
      me: {
        id: me.id,
        email: me.email,
        displayName: me.display_name,
        locale: me.locale,
        timeZone: me.time_zone,
        networkRole: me.network_role,
        twoFactorEnabled: me.two_factor,
        // The session says so when its person's role needs two-factor sign-in they have not set up;
        // it is enforced in production only, and nobody here has such a role.
        twoFactorSetupRequired: false,
        organisation: me.organisation_id ? { id: me.organisation_id, name: me.organisation_name } : null,
      },
      unreadNotificationCount: me.unread,
      notifications: rows.map((n) => ({
        id: n.id,
        seq: n.seq,
        type: n.type,
        createdAt: n.created_at,
        readAt: n.read_at,
        group: n.group_id ? { id: n.group_id, slug: n.slug, name: n.name } : null,
        actor: n.actor_id && !n.content_free ? { id: n.actor_id, displayName: n.actor_name } : null,
        subjectId: n.subject_id,
        contentFree: n.content_free,
      })),
    };
  },
  compare: (data) => ({
    ...data,
    notifications: data.notifications.map((n) => ({
      ...n,
      createdAt: timestamp(n.createdAt),
      readAt: timestamp(n.readAt),
    })),
  }),
  describe: (data) =>
    `${data.unreadNotificationCount} unread; the same ${data.notifications.length} newest (${data.notifications.map((n) => `${n.seq} ${n.type}${n.readAt ? '' : ' unread'}${n.contentFree ? ' content-free' : ''}`).join(', ')})`,
});

/**
 * The viewer (the demo member, now with an organisation) has 3,000 notifications over six months
 * about their two groups (one of them content-free), and 100 other people 200 each: replies,
 * mentions, new discussions, meetings, documents and role changes, each about a real discussion,
 * meeting or document of its group, or the recipient's membership. All but the newest 40 are
 * mostly read; one in twenty was kept for its email only (not shown in the app).
 */
async function seed(db) {
  const {
    rows: [viewer],
  } = await db.query(`select id, password_hash from users where email = 'member@example.org'`);
  await db.query('begin');
  // The rows are made consistent here; foreign key checks row by row would only slow the load.
  await db.query('set local session_replication_role = replica');
  await db.query('select setseed(0.42)');
  await db.query(
    `update users set organisation_id = (select id from partner_organisations where name = 'Northern Refugee Action') where id = $1`,
    [viewer.id],
  );
  await db.query(
    `insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
     select gen_random_uuid(), 'bench-' || i || '@example.org', 'Bench person ' || i, $1, now() - interval '3 years', now() - interval '3 years'
     from generate_series(1, 100) i`,
    [viewer.password_hash],
  );
  // Everyone notified belongs to the viewer's two groups; a few chose content-free notifications.
  await db.query(
    `insert into memberships (id, group_id, user_id, role, status, created_at, decided_at)
     select gen_random_uuid(), g.id, u.id, 'MEMBER', 'ACTIVE', now() - interval '1 year', now() - interval '1 year'
     from users u, working_groups g where u.email like 'bench-%' and g.slug in ('policing-and-surveillance', 'health-and-social-care')`,
  );
  await db.query(
    `insert into notification_settings (user_id, content_free, unsubscribe_key)
     select id, email like 'bench-%' and random() < 0.1, md5(random()::text) from users where email like 'bench-%' or id = $1`,
    [viewer.id],
  );
  await db.query(
    `create temp table bench_recipients as
     select id, case when id = $1 then 3000 else 200 end as count from users where email like 'bench-%' or id = $1`,
    [viewer.id],
  );
  await db.query(`create temp table bench_actors as select array_agg(id) as ids from users`);
  // What a notification of each kind is about, in each of the two groups.
  await db.query(
    `create temp table bench_subjects as
     select t.group_id, k.type, t.id from threads t, unnest('{POST_REPLY,MENTIONED,THREAD_CREATED}'::notification_type[]) k(type)
     union all select m.group_id, k.type, m.id from meetings m, unnest('{MEETING_SCHEDULED,MEETING_UPDATED,MEETING_REMINDER}'::notification_type[]) k(type)
     union all select d.group_id, k.type, d.id from documents d, unnest('{DOCUMENT_ADDED,DOCUMENT_UPDATED}'::notification_type[]) k(type)`,
  );
  await db.query(
    `insert into notifications (id, recipient_id, seq, event_id, type, group_id, actor_id, subject_id, created_at, read_at, in_app, email, emailed_at)
     with r as materialized (
       select p.id as recipient_id, i as seq, p.count,
         (array['POST_REPLY','POST_REPLY','POST_REPLY','MENTIONED','THREAD_CREATED','THREAD_CREATED','MEETING_SCHEDULED','MEETING_REMINDER','MEETING_UPDATED','DOCUMENT_ADDED','DOCUMENT_UPDATED','ROLE_CHANGED'])[1 + floor(random() * 12)::int]::notification_type as type,
         case when random() < 0.3 then g.policing else g.health end as group_id,
         a.ids[1 + floor(random() * array_length(a.ids, 1))::int] as actor_id,
         now() - (p.count - i) * (interval '180 days' / p.count) - random() * interval '1 hour' as created_at,
         random() as read, random() as delivery
       from bench_recipients p, generate_series(1, p.count) i, bench_actors a,
         (select (select id from working_groups where slug = 'policing-and-surveillance') as policing, (select id from working_groups where slug = 'health-and-social-care') as health) g)
     select gen_random_uuid(), r.recipient_id, r.seq, gen_random_uuid(), r.type, r.group_id, r.actor_id,
       case when r.type = 'ROLE_CHANGED' then (select m.id from memberships m where m.group_id = r.group_id and m.user_id = r.recipient_id)
         else (select s.id from bench_subjects s where s.group_id = r.group_id and s.type = r.type order by md5(s.id::text || r.seq) limit 1) end,
       r.created_at,
       case when r.seq <= r.count - 40 and r.read < 0.9 then r.created_at + r.read * interval '2 days' end,
       r.delivery >= 0.05,
       case when r.delivery < 0.25 then 'IMMEDIATE' when r.delivery < 0.5 then 'DIGEST' else 'NONE' end::email_delivery,
       case when r.delivery < 0.5 then r.created_at + interval '10 minutes' end
     from r`,
  );
  await db.query(`insert into notification_sequences (user_id, last_seq) select id, count from bench_recipients`);
  await db.query('commit');
  return { userId: viewer.id };
}
