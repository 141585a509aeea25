// Benchmark: a working group's page (its 20 latest discussions with authors and the viewer's
// unread counts) in a group of 10,000 discussions and 200,000 posts, under load, against a bare
// node:http + pg server answering the same JSON from hand-written SQL (the method: read-bench.util.mjs).
//   node tools/build-server.mjs && node test/bench/discussions-read.bench.mjs [threads=10000] [posts=200000] [--connections=10] [--duration=10] [--profile]
import { readBench } from './read-bench.util.mjs';

const database = 'convene_bench_discussions';
const slug = 'bench-discussions';

const [threadCount = 10_000, postCount = 200_000] = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
const groupSql = `select g.id, g.name, g.purpose, m.status
  from working_groups g left join memberships m on m.group_id = g.id and m.user_id = $2
  where g.slug = $1`;
const threadsSql = `select t.id, t.title, t.post_count - 1 as "replyCount", t.last_activity_at as "lastActivityAt",
    t.post_count - least(coalesce(r.read_count, 0), t.post_count) as "unreadCount", u.id as author_id, u.display_name
  from threads t
  join users u on u.id = t.author_id
  left join thread_reads r on r.thread_id = t.id and r.user_id = $2
  where t.group_id = $1
  order by t.pinned desc, t.last_activity_at desc, t.id desc
  limit $3`;

await readBench({
  title: 'group page, first 20 discussions, signed in as a member',
  database,
  port: 3393,
  redisDb: '12',
  viewerEmail: 'member@example.org',
  async seed(db) {
    const seeded = await seed(db, threadCount, postCount);
    const {
      rows: [shape],
    } = await db.query(
      `select count(*)::int as threads, sum(post_count)::int as posts, max(post_count)::int as longest,
         (percentile_cont(0.5) within group (order by post_count))::int as median
       from threads where group_id = $1`,
      [seeded.groupId],
    );
    return {
      ...seeded,
      summary: `${shape.threads} discussions, ${shape.posts} posts (median ${shape.median} per discussion, longest ${shape.longest}), 201 members`,
    };
  },
  request: () => ({
    query: `query G($slug: String!) { workingGroup(slug: $slug) { id name purpose threads(first: 20) { nodes { id title replyCount lastActivityAt unreadCount author { id displayName } } } } }`,
    variables: { slug },
  }),
  baselineRequest: (seeded) => ({ slug, viewerId: seeded.userId }),
  /**
   * The same answer from two statements: the group with the viewer's membership, then the page of
   * threads with authors and read counts. The viewer comes by id in the body, where the API
   * resolves a session cookie.
   */
  async answer(pool, { slug, viewerId, first = 20 }) {
    const {
      rows: [group],
    } = await pool.query(groupSql, [slug, viewerId]);
    if (!group) return { workingGroup: null };
    let threads = null;
    if (group.status === 'ACTIVE') {
      const { rows } = await pool.query(threadsSql, [group.id, viewerId, first]);
      threads = {
        nodes: rows.map((t) => ({
          id: t.id,
          title: t.title,
          replyCount: t.replyCount,
          lastActivityAt: t.lastActivityAt,
          unreadCount: t.unreadCount,
          author: { id: t.author_id, displayName: t.display_name },
        })),
      };
    }
    return { workingGroup: { id: group.id, name: group.name, purpose: group.purpose, threads } };
  },
  compare: (data) => ({
    ...data.workingGroup,
    threads: data.workingGroup.threads.nodes.map((t) => ({
      ...t,
      lastActivityAt: new Date(t.lastActivityAt).toISOString(),
    })),
  }),
  describe: (data) =>
    `the same ${data.workingGroup.threads.nodes.length} discussions in the same order, unread counts ${data.workingGroup.threads.nodes.map((t) => t.unreadCount).join(' ')}`,
});

/**
 * One group: 200 members writing, the benchmark's viewer (the demo member) among its members,
 * `threads` discussions started over two years and `posts` posts in all. Replies fall on a few
 * long discussions and many short ones; each discussion's post count and last activity match its
 * posts. The viewer has read about half of the discussions, some to the end, some part-way.
 */
async function seed(db, threads, posts) {
  const {
    rows: [viewer],
  } = await db.query(`select id, password_hash from users where email = 'member@example.org'`);
  await db.query('begin');
  // The rows are made consistent here; foreign key checks row by row would only slow the load.
  await db.query('set local session_replication_role = replica');
  await db.query('select setseed(0.42)');
  await db.query(
    `insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
     select gen_random_uuid(), 'bench-' || i || '@example.org', 'Bench person ' || i, $1, now() - interval '3 years', now() - interval '3 years'
     from generate_series(1, 200) i`,
    [viewer.password_hash],
  );
  const {
    rows: [group],
  } = await db.query(
    `insert into working_groups (id, slug, name, purpose, created_at, updated_at)
     values (gen_random_uuid(), $1, 'Bench discussions', 'A group with a long history of discussions.', now() - interval '3 years', now())
     returning id`,
    [slug],
  );
  await db.query(
    `insert into memberships (id, group_id, user_id, role, status, created_at, decided_at)
     select gen_random_uuid(), $1, id, case when email = 'bench-1@example.org' then 'CONVENOR' else 'MEMBER' end::membership_role, 'ACTIVE', now() - interval '3 years', now() - interval '3 years'
     from users where email like 'bench-%' or id = $2`,
    [group.id, viewer.id],
  );
  await db.query(
    `create temp table bench_people as select array_agg(id order by email) as ids from users where email like 'bench-%'`,
  );
  // Discussion n's share of the replies falls off as n grows (about n^-2/3): thousands of posts in
  // the first, hundreds in the first few dozen, about ten in most. n is unrelated to age, so there
  // are long discussions among the old and the new.
  await db.query(
    `create temp table bench_threads as
     select n, gen_random_uuid() as id, gen_random_uuid() as opening_id,
       p.ids[1 + floor(random() * 200)::int] as author_id,
       now() - random() * interval '730 days' as created_at
     from generate_series(1, $1) n, bench_people p`,
    [threads],
  );
  await db.query('create index on bench_threads (n)');
  await db.query(
    `insert into threads (id, group_id, author_id, title, tags, pinned, created_at, last_activity_at)
     select id, $1, author_id, 'Discussion ' || n || ': what the group should do next', case when n % 7 = 0 then '{policy}'::text[] else '{}' end,
       n in (17, 4242), created_at, created_at
     from bench_threads`,
    [group.id],
  );
  await db.query(
    `insert into posts (id, thread_id, parent_id, author_id, body, body_html, depth, created_at)
     select opening_id, id, null, author_id, 'Opening post of discussion ' || n || '. What do we think?', '<p>Opening post of discussion ' || n || '. What do we think?</p>', 0, created_at
     from bench_threads`,
  );
  await db.query(
    `insert into posts (id, thread_id, parent_id, author_id, body, body_html, depth, created_at)
     with r as materialized (
       select i, least($2::int, 1 + floor($2::float8 * power(random(), 3))::int) as n, random() as at, p.ids[1 + floor(random() * 200)::int] as author_id
       from generate_series(1, $1::int) i, bench_people p)
     select gen_random_uuid(), t.id, t.opening_id, r.author_id, 'Reply ' || r.i || ': I agree with most of this, with one reservation.',
       '<p>Reply ' || r.i || ': I agree with most of this, with one reservation.</p>', 1,
       t.created_at + r.at * least(interval '120 days', now() - t.created_at)
     from r join bench_threads t on t.n = r.n`,
    [posts - threads, threads],
  );
  await db.query(
    `update threads t set post_count = s.posts, last_activity_at = s.last
     from (select thread_id, count(*)::int as posts, max(created_at) as last from posts group by thread_id) s
     where s.thread_id = t.id and t.group_id = $1`,
    [group.id],
  );
  await db.query(
    `insert into thread_reads (user_id, thread_id, read_count, read_at)
     select $1, id, case when random() < 0.6 then post_count else floor(random() * post_count)::int end, last_activity_at
     from threads where group_id = $2 and random() < 0.5`,
    [viewer.id, group.id],
  );
  await db.query('commit');
  return { userId: viewer.id, groupId: group.id };
}
