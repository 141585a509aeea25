// Benchmark: the groups page's list (the web's WorkingGroups query: every group with the viewer's
// membership and member counts) and the first page of members of a group of 1,000 (the web's
// member list: 50 at a time, convenors first, then by name), in one request, signed in as a
// network admin, among 24 groups and about 1,900 memberships, under load, against a bare node:http + pg
// server answering the same JSON from hand-written SQL (the method: read-bench.util.mjs).
//   node tools/build-server.mjs && node test/bench/groups-read.bench.mjs [--connections=10] [--duration=10] [--profile]
import { readBench } from './read-bench.util.mjs';

const database = 'convene_bench_groups';
const slug = 'bench-members';
// The web's member list asks for this many at a time.
const first = 50;

const groupsSql = `select g.id, g.slug, g.name, g.purpose, g.join_policy, g.member_list_visibility, g.content_free_notifications,
    m.id as membership_id, m.role, m.status, coalesce(c.count, 0) as member_count, v.network_role = 'ADMIN' as admin
  from working_groups g
  join users v on v.id = $1
  left join memberships m on m.group_id = g.id and m.user_id = $1
  left join (select group_id, count(*)::int as count from memberships where status = 'ACTIVE' group by group_id) c on c.group_id = g.id
  order by g.name`;
// Convenors first (the role enum's order), then by name, then by id: the API's order and cursor.
const membersSql = `select m.id, m.role, m.status, m.message, m.created_at, u.id as user_id, u.display_name,
    o.id as organisation_id, o.name as organisation_name
  from memberships m
  join users u on u.id = m.user_id
  left join partner_organisations o on o.id = u.organisation_id
  where m.group_id = $1 and m.status = 'ACTIVE'
  order by m.role, u.display_name, m.id
  limit $2`;

const timestamp = (value) => new Date(value).toISOString();

await readBench({
  title: 'groups list and the first 50 members of a group of 1,000, signed in as a network admin',
  database,
  port: 3409,
  redisDb: '7',
  viewerEmail: 'admin@example.org',
  async seed(db) {
    const seeded = await seed(db);
    const {
      rows: [shape],
    } = await db.query(
      `select (select count(*)::int from working_groups) as groups, (select count(*)::int from memberships) as memberships,
         (select count(*)::int from memberships m join working_groups g on g.id = m.group_id where g.slug = $1 and m.status = 'ACTIVE') as members`,
      [slug],
    );
    return {
      ...seeded,
      summary: `${shape.groups} groups, ${shape.memberships} memberships; ${shape.members} active members in the group listed`,
    };
  },
  request: () => ({
    query: `query Groups($slug: String!, $first: Int!) {
      workingGroups { id slug name purpose joinPolicy memberListVisibility contentFreeNotifications memberCount viewerCanManage viewerMembership { id role status } }
      workingGroup(slug: $slug) {
        id
        members(first: $first) {
          nodes { id role status message createdAt user { id displayName organisation { id name } } }
          hasNextPage endCursor
        }
      }
    }`,
    variables: { slug, first },
  }),
  baselineRequest: (seeded) => ({ viewerId: seeded.userId, slug, first }),
  /**
   * The same answer from two statements: every group with the viewer's membership and its active
   * member count (the group asked for is among them), then the page of members with their
   * organisations. Network admins manage every group; the viewer comes by id in the body, where
   * the API resolves a session cookie.
   */
  async answer(pool, { viewerId, slug, first }) {
    const { rows } = await pool.query(groupsSql, [viewerId]);
    const views = rows.map((g) => {
      const member = g.status === 'ACTIVE';
      const canManage = g.admin || (member && g.role === 'CONVENOR');
      return {
        id: g.id,
        slug: g.slug,
        name: g.name,
        purpose: g.purpose,
        joinPolicy: g.join_policy,
        memberListVisibility: g.member_list_visibility,
        contentFreeNotifications: g.content_free_notifications,
        memberCount: member || canManage ? g.member_count : null,
        viewerCanManage: canManage,
        viewerMembership: g.membership_id ? { id: g.membership_id, role: g.role, status: g.status } : null,
      };
    });
    const group = views.find((g) => g.slug === slug);
    if (!group) return { workingGroups: views, workingGroup: null };
    const maySeeMembers =
      group.viewerCanManage ||
      (group.viewerMembership?.status === 'ACTIVE' && group.memberListVisibility === 'MEMBERS');
    let members = null;
    if (maySeeMembers) {
      const { rows: page } = await pool.query(membersSql, [group.id, first + 1]);
      const nodes = page.slice(0, first);
      const last = nodes.at(-1);
      members = {
        nodes: nodes.map((m) => ({
          id: m.id,
          role: m.role,
          status: m.status,
          message: m.status === 'PENDING' ? m.message : null,
          createdAt: m.created_at,
          user: {
            id: m.user_id,
            displayName: m.display_name,
            organisation: m.organisation_id ? { id: m.organisation_id, name: m.organisation_name } : null,
          },
        })),
        hasNextPage: page.length > first,
        endCursor: last
          ? Buffer.from(JSON.stringify([last.role, last.display_name, last.id])).toString('base64url')
          : null,
      };
    }
    return { workingGroups: views, workingGroup: { id: group.id, members } };
  },
  compare: (data) => ({
    ...data,
    workingGroup: {
      ...data.workingGroup,
      members: {
        ...data.workingGroup.members,
        nodes: data.workingGroup.members.nodes.map((m) => ({ ...m, createdAt: timestamp(m.createdAt) })),
      },
    },
  }),
  describe: (data) => {
    const { nodes, hasNextPage } = data.workingGroup.members;
    const roles = ['CONVENOR', 'MEMBER', 'OBSERVER']
      .map((r) => `${nodes.filter((m) => m.role === r).length} ${r.toLowerCase()}s`)
      .join(', ');
    return `the same ${data.workingGroups.length} groups; the same first ${nodes.length} members (${roles}), ${hasNextPage ? 'more after them' : 'no more'}`;
  },
});

/**
 * 1,200 people with varied names, a third of them from one of 20 partner organisations. One group
 * has 1,000 active members (5 convenors, 20 observers), 30 pending requests with notes and 10
 * invitations; 20 more groups have 20 to 60 members each, some with their member list for
 * convenors only. The admin belongs to a few of them.
 */
async function seed(db) {
  const {
    rows: [admin],
  } = await db.query(`select id, password_hash from users where email = 'admin@example.org'`);
  await db.query('begin');
  // The rows are made consistent here; foreign key checks row by row would only slow the load.
  await db.query('set local session_replication_role = replica');
  await db.query('select setseed(0.42)');
  await db.query(
    `insert into partner_organisations (id, name, created_at)
     select gen_random_uuid(), 'Bench organisation ' || i, now() - interval '2 years' from generate_series(1, 20) i`,
  );
  await db.query(
    `insert into users (id, email, display_name, password_hash, organisation_id, created_at, password_changed_at)
     select gen_random_uuid(), 'bench-' || i || '@example.org',
       (array['Amal','Ben','Chiara','Dawit','Émilie','Fatima','Gareth','Hyun','Ifeoma','José','Kasia','Luca','Maryam','Niamh','Oskar','Priya','Quentin','Rania','Sean','Tariq'])[1 + i % 20]
         || ' ' || (array['Ahmed','Brennan','Costa','de Vries','Evans','Fischer','Gómez','Hussain','Ibrahim','Jones','Kowalski','Lewis','Mensah','Nowak','O''Brien','Patel','Quinn','Rossi','Smith','Łukasiewicz'])[1 + (i * 7) % 20],
       $1, case when i % 3 = 0 then (select id from partner_organisations where name = 'Bench organisation ' || (1 + i % 20)) end,
       now() - interval '2 years', now() - interval '2 years'
     from generate_series(1, 1200) i`,
    [admin.password_hash],
  );
  await db.query(
    `create temp table bench_people as select row_number() over (order by email) as n, id from users where email like 'bench-%'`,
  );
  const {
    rows: [group],
  } = await db.query(
    `insert into working_groups (id, slug, name, purpose, created_at, updated_at)
     values (gen_random_uuid(), $1, 'Bench members', 'A large group: everyone working on housing across the network.', now() - interval '3 years', now())
     returning id`,
    [slug],
  );
  await db.query(
    `insert into memberships (id, group_id, user_id, role, status, message, created_at, decided_at)
     select gen_random_uuid(), $1, id,
       case when n <= 5 then 'CONVENOR' when n <= 25 then 'OBSERVER' else 'MEMBER' end::membership_role,
       case when n <= 1000 then 'ACTIVE' when n <= 1030 then 'PENDING' else 'INVITED' end::membership_status,
       case when n > 1000 and n <= 1030 then 'I work on housing in the north-east and would like to join.' end,
       now() - (n || ' hours')::interval, case when n <= 1000 then now() - (n || ' hours')::interval end
     from bench_people where n <= 1040`,
    [group.id],
  );
  await db.query(
    `insert into working_groups (id, slug, name, purpose, member_list_visibility, created_at, updated_at)
     select gen_random_uuid(), 'bench-group-' || i, 'Bench group ' || lpad(i::text, 2, '0'), 'A group for the benchmark.',
       case when i % 4 = 0 then 'CONVENORS' else 'MEMBERS' end::member_list_visibility, now() - interval '2 years', now()
     from generate_series(1, 20) i`,
  );
  await db.query(
    `insert into memberships (id, group_id, user_id, role, status, created_at, decided_at)
     select gen_random_uuid(), g.id, p.id, case when p.n % 10 = 0 then 'CONVENOR' else 'MEMBER' end::membership_role, 'ACTIVE', now() - interval '1 year', now() - interval '1 year'
     from generate_series(1, 20) i
     join working_groups g on g.slug = 'bench-group-' || i
     join bench_people p on p.n % 20 = i % 20 and p.n <= 400 + 40 * i`,
  );
  await db.query(
    `insert into memberships (id, group_id, user_id, role, status, created_at, decided_at)
     select gen_random_uuid(), id, $1, 'MEMBER', 'ACTIVE', now() - interval '1 year', now() - interval '1 year'
     from working_groups where slug in ('bench-group-3', 'bench-group-8', 'bench-group-15')`,
    [admin.id],
  );
  await db.query('commit');
  return { userId: admin.id, groupId: group.id };
}
