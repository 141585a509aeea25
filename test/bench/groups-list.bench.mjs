// Benchmark: the groups list with member lists, and sign-in, against the built API on this
// machine. Prints latency percentiles and the API's memory; asserts nothing.
//   node tools/build-server.mjs && node test/bench/groups-list.bench.mjs [groups] [membersPerGroup] [requests]
import pg from 'pg';
import { benchEnv, freshDatabase, residentMiB, startApi, time } from './api-bench.util.mjs';

const [groups = 200, perGroup = 25, requests = 200] = process.argv.slice(2).map(Number);
const env = benchEnv({ port: 3390, database: 'convene_bench', prefix: 'convene-bench' });
freshDatabase(env, 'convene_bench');

const db = new pg.Client({ connectionString: env.DATABASE_URL });
await db.connect();
const {
  rows: [admin],
} = await db.query(`select id, password_hash from users where email = 'admin@example.org'`);
await db.query(
  `insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
   select gen_random_uuid(), 'bench-' || i || '@example.org', 'Bench person ' || i, $1, now(), now() from generate_series(1, $2) i`,
  [admin.password_hash, perGroup * 4],
);
await db.query(
  `insert into working_groups (id, slug, name, purpose, created_at, updated_at)
   select gen_random_uuid(), 'bench-group-' || i, 'Bench group ' || i, 'A group for the benchmark.', now(), now() from generate_series(1, $1) i`,
  [groups],
);
await db.query(
  `insert into memberships (id, group_id, user_id, role, status, created_at)
   select gen_random_uuid(), g.id, u.id, 'MEMBER', 'ACTIVE', now()
   from (select id, row_number() over () r from working_groups where slug like 'bench-group-%') g
   join lateral (select id from users where email like 'bench-%' order by md5(g.id::text || id::text) limit $1) u on true`,
  [perGroup],
);
await db.end();

const { api, url } = await startApi(env);

const post = (body, cookie) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });

const signIn = {
  query: 'mutation($i: SignInInput!) { signIn(input: $i) { id } }',
  variables: { i: { email: 'admin@example.org', password: env.DEMO_PASSWORD ?? 'convene-demo-pass' } },
};
let cookie = '';
await time('signIn (argon2id verify)', 30, async () => {
  const res = await post(signIn);
  cookie = res.headers.get('set-cookie').split(';')[0];
  await res.text();
});
const list = {
  query:
    '{ workingGroups { id slug name memberCount viewerMembership { role } members(first: 100) { nodes { role user { displayName organisation { name } } } } pendingRequests(first: 100) { nodes { id } } } }',
};
const first = await (await post(list, cookie)).json();
if (first.errors) throw new Error(JSON.stringify(first.errors));
const listed = first.data.workingGroups.length;
const memberRows = first.data.workingGroups.reduce((n, g) => n + (g.members?.nodes.length ?? 0), 0);
await time(`workingGroups with members (${listed} groups, ${memberRows} members)`, requests, async () => {
  await (await post(list, cookie)).text();
});
const small = { query: '{ workingGroups { id slug name memberCount viewerMembership { role } } }' };
await time(`workingGroups summary (${listed} groups)`, requests, async () => {
  await (await post(small, cookie)).text();
});
console.log(`API resident memory after the run: ${residentMiB(api.pid).toFixed(0)} MiB`);
api.kill('SIGTERM');
