// Benchmark: a discussion's page (the web's Thread query: the thread with the viewer's read
// position and notification level, and its first page of posts with authors, replies two deep and
// reactions) for a thread of 50 posts in a group of 200 discussions and about 3,000 posts, under
// load, against a bare node:http + pg server answering the same JSON from hand-written SQL (the
// method: read-bench.util.mjs).
//   node tools/build-server.mjs && node test/bench/thread-read.bench.mjs [--connections=10] [--duration=10] [--profile]
import { randomUUID } from 'node:crypto';
import { THREAD_PAGE_QUERY } from './api-bench.util.mjs';
import { readBench } from './read-bench.util.mjs';

const database = 'convene_bench_thread';
const slug = 'bench-thread';
// The web asks for a page of this many posts (POSTS_PAGE: LIMITS.discussionPageMax).
const first = 100;

const threadSql = `select t.id, t.title, t.tags, t.post_count, t.last_activity_at, t.created_at, t.locked, t.pinned,
    a.id as author_id, a.display_name as author_name, g.id as group_id, g.slug, g.name,
    least(coalesce(r.read_count, 0), t.post_count) as read_count,
    case when coalesce(r.read_count, 0) < t.post_count then
      (select p.id from posts p where p.thread_id = t.id order by p.created_at, p.id offset coalesce(r.read_count, 0) limit 1)
    end as first_unread_id,
    coalesce(l.level, 'NORMAL') as level,
    m.status = 'ACTIVE' as member,
    v.network_role = 'ADMIN' or (m.status = 'ACTIVE' and m.role = 'CONVENOR') as moderator
  from threads t
  join working_groups g on g.id = t.group_id
  join users a on a.id = t.author_id
  join users v on v.id = $2
  left join memberships m on m.group_id = t.group_id and m.user_id = $2
  left join thread_reads r on r.thread_id = t.id and r.user_id = $2
  left join thread_notification_preferences l on l.thread_id = t.id and l.user_id = $2
  where t.id = $1`;
// Reactions counted per post in the enum's order (the order the API gives them in).
const postsSql = `select p.id, p.parent_id, p.depth, p.body, p.body_html, p.created_at, p.edited_at, p.deleted_at, p.hidden_at, p.hidden_reason,
    u.id as author_id, u.display_name,
    coalesce((select json_agg(json_build_object('reaction', x.reaction, 'count', x.count, 'mine', x.mine) order by x.reaction)
      from (select reaction, count(*)::int as count, bool_or(user_id = $2) as mine from post_reactions where post_id = p.id group by reaction) x), '[]') as reactions
  from posts p join users u on u.id = p.author_id
  where p.thread_id = $1
  order by p.created_at, p.id
  limit $3`;

const timestamp = (value) => (value == null ? null : new Date(value).toISOString());

await readBench({
  title: 'thread page, 50 posts with reactions and the read position, signed in as a member',
  database,
  port: 3400,
  redisDb: '4',
  viewerEmail: 'member@example.org',
  async seed(db) {
    const seeded = await seed(db);
    const {
      rows: [shape],
    } = await db.query(
      `select count(distinct t.id)::int as threads, count(p.id)::int as posts,
         (select count(*)::int from post_reactions x join posts q on q.id = x.post_id where q.thread_id = $2) as reactions
       from threads t join posts p on p.thread_id = t.id where t.group_id = $1`,
      [seeded.groupId, seeded.threadId],
    );
    return {
      ...seeded,
      summary: `${shape.threads} discussions, ${shape.posts} posts in the group; the thread read has 50 posts and ${shape.reactions} reactions`,
    };
  },
  request: (seeded) => ({
    query: THREAD_PAGE_QUERY,
    variables: { id: seeded.threadId, first },
  }),
  baselineRequest: (seeded) => ({ threadId: seeded.threadId, viewerId: seeded.userId, first }),
  /**
   * The same answer from two statements: the thread with its group, the viewer's membership, read
   * position (and the first post past it) and notification level; then the page of posts with
   * authors and reaction counts. A hidden post's text shows to its author and the moderators only.
   */
  async answer(pool, { threadId, viewerId, first }) {
    const {
      rows: [t],
    } = await pool.query(threadSql, [threadId, viewerId]);
    if (!t?.member) return { thread: null };
    const { rows } = await pool.query(postsSql, [t.id, viewerId, first + 1]);
    const posts = rows.slice(0, first);
    const last = posts.at(-1);
    return {
      thread: {
        id: t.id,
        title: t.title,
        tags: t.tags,
        replyCount: t.post_count - 1,
        lastActivityAt: t.last_activity_at,
        createdAt: t.created_at,
        locked: t.locked,
        pinned: t.pinned,
        unreadCount: t.post_count - t.read_count,
        readCount: t.read_count,
        author: { id: t.author_id, displayName: t.author_name },
        firstUnreadPostId: t.first_unread_id,
        notificationLevel: t.level,
        viewerCanModerate: t.moderator,
        group: { id: t.group_id, slug: t.slug, name: t.name },
        posts: {
          nodes: posts.map((p) => {
            const visible = !p.deleted_at && (!p.hidden_at || t.moderator || p.author_id === viewerId);
            return {
              id: p.id,
              threadId: t.id,
              parentId: p.parent_id,
              depth: p.depth,
              body: visible ? p.body : null,
              bodyHtml: visible ? p.body_html : '',
              createdAt: p.created_at,
              editedAt: p.deleted_at ? null : p.edited_at,
              deleted: !!p.deleted_at,
              viewerIsAuthor: p.author_id === viewerId,
              hidden: p.hidden_at ? { reason: p.hidden_reason ?? '', hiddenAt: p.hidden_at } : null,
              reactions: p.reactions,
              author: { id: p.author_id, displayName: p.display_name },
            };
          }),
          endCursor: last ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url') : null,
          hasNextPage: rows.length > first,
        },
      },
    };
  },
  compare: ({ thread }) => ({
    ...thread,
    lastActivityAt: timestamp(thread.lastActivityAt),
    createdAt: timestamp(thread.createdAt),
    posts: {
      ...thread.posts,
      nodes: thread.posts.nodes.map((p) => ({
        ...p,
        createdAt: timestamp(p.createdAt),
        editedAt: timestamp(p.editedAt),
        hidden: p.hidden && { ...p.hidden, hiddenAt: timestamp(p.hidden.hiddenAt) },
      })),
    },
  }),
  describe: ({ thread }) => {
    const nodes = thread.posts.nodes;
    const reactions = nodes.reduce((n, p) => n + p.reactions.reduce((m, r) => m + r.count, 0), 0);
    const mine = nodes.filter((p) => p.reactions.some((r) => r.mine)).length;
    const depths = [0, 1, 2].map((d) => nodes.filter((p) => p.depth === d).length).join('/');
    return `the same ${nodes.length} posts (depth 0/1/2: ${depths}), ${reactions} reactions (the viewer's on ${mine} posts), ${thread.unreadCount} unread from post ${thread.firstUnreadPostId?.slice(0, 8)}`;
  },
});

/**
 * One group: 60 members writing, a convenor among them and the benchmark's viewer (the demo member),
 * 200 discussions and about 3,000 posts, some with reactions. The thread read is one of them:
 * 50 posts over two days, replies to the opening post and replies to those, from eight people
 * (the viewer among them); one edited, one deleted, one hidden by the convenor; reactions on most
 * posts from up to six people, the viewer's on some. The viewer has read 30 of its posts and
 * watches it.
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
    `insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
     select gen_random_uuid(), 'bench-' || i || '@example.org', 'Bench person ' || i, $1, now() - interval '3 years', now() - interval '3 years'
     from generate_series(1, 60) i`,
    [viewer.password_hash],
  );
  const {
    rows: [group],
  } = await db.query(
    `insert into working_groups (id, slug, name, purpose, created_at, updated_at)
     values (gen_random_uuid(), $1, 'Bench thread', 'A group whose discussions run long.', now() - interval '3 years', now())
     returning id`,
    [slug],
  );
  await db.query(
    `insert into memberships (id, group_id, user_id, role, status, created_at, decided_at)
     select gen_random_uuid(), $1, id, case when email = 'bench-1@example.org' then 'CONVENOR' else 'MEMBER' end::membership_role, 'ACTIVE', now() - interval '3 years', now() - interval '3 years'
     from users where email like 'bench-%' or id = $2`,
    [group.id, viewer.id],
  );
  const { rows: people } = await db.query(`select id from users where email like 'bench-%' order by email`);
  const convenor = people[0].id;

  // The other discussions: each opened, then replied to at depth 1; reactions on about a third of the posts.
  await db.query(
    `create temp table bench_people as select array_agg(id order by email) as ids from users where email like 'bench-%'`,
  );
  await db.query(
    `create temp table bench_threads as
     select n, gen_random_uuid() as id, gen_random_uuid() as opening_id, p.ids[1 + floor(random() * 60)::int] as author_id,
       now() - interval '2 days' - random() * interval '700 days' as created_at
     from generate_series(1, 199) n, bench_people p`,
  );
  await db.query(
    `insert into threads (id, group_id, author_id, title, tags, created_at, last_activity_at)
     select id, $1, author_id, 'Discussion ' || n || ': what the group should do next', '{}', created_at, created_at from bench_threads`,
    [group.id],
  );
  await db.query(
    `insert into posts (id, thread_id, parent_id, author_id, body, body_html, depth, created_at)
     select opening_id, id, null, author_id, 'Opening post of discussion ' || n || '.', '<p>Opening post of discussion ' || n || '.</p>', 0, created_at from bench_threads`,
  );
  await db.query(
    `insert into posts (id, thread_id, parent_id, author_id, body, body_html, depth, created_at)
     with r as materialized (
       select i, 1 + floor(199 * power(random(), 2))::int as n, random() as at, p.ids[1 + floor(random() * 60)::int] as author_id
       from generate_series(1, 2800) i, bench_people p)
     select gen_random_uuid(), t.id, t.opening_id, r.author_id, 'Reply ' || r.i || ': agreed, with one reservation.',
       '<p>Reply ' || r.i || ': agreed, with one reservation.</p>', 1, t.created_at + r.at * interval '30 days'
     from r join bench_threads t on t.n = r.n`,
  );
  await db.query(
    `insert into post_reactions (post_id, user_id, reaction, created_at)
     select q.id, p.ids[1 + floor(random() * 60)::int], (enum_range(null::reaction))[1 + floor(random() * 5)::int], q.created_at
     from posts q join bench_threads t on t.id = q.thread_id, bench_people p, generate_series(1, 3)
     where random() < 0.12
     on conflict do nothing`,
  );

  // The thread read: post i answers the opening post, or (every third) the depth-1 reply before it.
  const writers = [viewer.id, ...people.slice(0, 7).map((p) => p.id)];
  const started = Date.now() - 2 * 86_400_000;
  const posts = [];
  for (let i = 0; i < 50; i++) {
    const replies = posts.filter((p) => p.depth === 1);
    const parent = i === 0 ? null : i % 3 === 0 && replies.length ? replies.at(-1) : posts[0];
    const author = writers[(i * 5) % writers.length];
    const body =
      i === 0
        ? 'What should we ask the council for at the next meeting? **Three things**, I think.'
        : `Reply ${i}: ${i % 2 ? 'I agree, and' : 'Not sure:'} here is what we saw this week.`;
    posts.push({
      id: randomUUID(),
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      authorId: author,
      body,
      bodyHtml: `<p>${body.replace(/\*\*(.+?)\*\*/, '<strong>$1</strong>')}</p>`,
      createdAt: new Date(started + i * 53 * 60_000),
      editedAt: i === 7 ? new Date(started + i * 53 * 60_000 + 600_000) : null,
      deletedAt: i === 12 ? new Date(started + 20 * 3600_000) : null,
      hiddenAt: i === 23 && author !== viewer.id ? new Date(started + 30 * 3600_000) : null,
    });
  }
  const opening = posts[0];
  const last = posts.at(-1);
  const {
    rows: [thread],
  } = await db.query(
    `insert into threads (id, group_id, author_id, title, tags, post_count, created_at, last_activity_at)
     values (gen_random_uuid(), $1, $2, 'What we ask the council for', '{council,evidence}', $3, $4, $5) returning id`,
    [group.id, opening.authorId, posts.length, opening.createdAt, last.createdAt],
  );
  await db.query(
    `insert into posts (id, thread_id, parent_id, author_id, body, body_html, depth, created_at, edited_at, deleted_at, hidden_at, hidden_reason, hidden_by_id)
     select p.id, $1, p.parent_id, p.author_id, p.body, p.body_html, p.depth, p.created_at, p.edited_at, p.deleted_at, p.hidden_at,
       case when p.hidden_at is not null then 'Names a person we support.' end, case when p.hidden_at is not null then $2::uuid end
     from unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::smallint[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[])
       as p(id, parent_id, author_id, body, body_html, depth, created_at, edited_at, deleted_at, hidden_at)`,
    [
      thread.id,
      convenor,
      ...[
        'id',
        'parentId',
        'authorId',
        'body',
        'bodyHtml',
        'depth',
        'createdAt',
        'editedAt',
        'deletedAt',
        'hiddenAt',
      ].map((field) => posts.map((p) => p[field])),
    ],
  );
  // Reactions on three posts in four, from one to six people; the viewer's on every third post.
  const reactions = ['THUMBS_UP', 'HEART', 'CELEBRATE', 'THANKS', 'EYES'];
  const given = [];
  posts.forEach((post, i) => {
    if (i % 4 === 3 || post.deletedAt || post.hiddenAt) return;
    const count = 1 + ((i * 7) % 6);
    for (let j = 0; j < count; j++)
      given.push([post.id, people[10 + ((i + j * 3) % 40)].id, reactions[(i + j) % (j % 2 ? 2 : 5)]]);
    if (i % 3 === 0) given.push([post.id, viewer.id, reactions[i % 5]]);
  });
  await db.query(
    `insert into post_reactions (post_id, user_id, reaction, created_at)
     select post_id, user_id, reaction::reaction, now() - interval '1 day' from unnest($1::uuid[], $2::uuid[], $3::text[]) as r(post_id, user_id, reaction)
     on conflict do nothing`,
    [given.map((r) => r[0]), given.map((r) => r[1]), given.map((r) => r[2])],
  );

  await db.query(
    `update threads t set post_count = s.posts, last_activity_at = s.last
     from (select thread_id, count(*)::int as posts, max(created_at) as last from posts group by thread_id) s
     where s.thread_id = t.id and t.group_id = $1`,
    [group.id],
  );
  await db.query(
    `insert into thread_reads (user_id, thread_id, read_count, read_at)
     select $1, id, case when id = $3 then 30 else post_count end, last_activity_at from threads where group_id = $2 and (id = $3 or random() < 0.5)`,
    [viewer.id, group.id, thread.id],
  );
  await db.query(
    `insert into thread_notification_preferences (user_id, thread_id, level) values ($1, $2, 'WATCHING')`,
    [viewer.id, thread.id],
  );
  await db.query('commit');
  return { userId: viewer.id, groupId: group.id, threadId: thread.id };
}
