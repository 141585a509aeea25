// The authorization matrix: every query, mutation, group-data field, REST route and socket event of
// the running API, tried as each of seven roles against group A's objects, checked against the one
// table of expected outcomes (authorization/access-table.ts). It fails when something has no row,
// and lists every cell that was wrongly allowed or wrongly denied.
import { readFileSync } from 'node:fs';
import { METHODS } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import type { ClientToServerEvents } from '@convene/shared-contracts';
import { ApiHarness, type GqlClient } from './api-harness.js';
import {
  ACCESS_TABLE,
  GROUP_DATA_TYPES,
  NOT_REST_ROUTES,
  PUBLIC_FIELDS,
  ROLES,
  type AccessRow,
  type Operation,
  type Role,
} from './authorization/access-table.js';
import { PROBES, SERIAL, type Verdict } from './authorization/probes.js';
import { buildWorld, type World } from './authorization/world.js';

const schema = buildSchema(readFileSync(new URL('../schema.gql', import.meta.url), 'utf8'));
const fieldsOf = (type: string) => Object.keys((schema.getType(type) as GraphQLObjectType).getFields());
const rows = Object.entries(ACCESS_TABLE) as [Operation, AccessRow][];
const rowsOf = (kind: AccessRow['kind']) => rows.filter(([, row]) => row.kind === kind).map(([name]) => name as string);

/** Each client-to-server socket event and its row: a new event fails the typecheck until it has one. */
const SOCKET_ROWS: Record<keyof ClientToServerEvents, Operation> = {
  'thread:watch': 'socket thread:watch',
  'thread:unwatch': 'socket thread:unwatch',
};

interface CellResult {
  operation: Operation;
  role: Role;
  expected: 'allow' | 'deny';
  verdict: Verdict;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function pooled<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

describe('authorization matrix', () => {
  let api: ApiHarness;
  let w: World;

  beforeAll(async () => {
    // The mail providers' route is live (its secret set), so the row shows who it refuses.
    api = await ApiHarness.start({ INBOUND_MAIL_SECRET: 'the-matrix-inbound-mail-secret' });
    w = await buildWorld(api);
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
  });

  describe('the table has a row for everything', () => {
    it('every query and mutation of schema.gql (and no row for one that is gone)', () => {
      const operations = [
        ...fieldsOf('Query').map((name) => ['query', name] as const),
        ...fieldsOf('Mutation').map((name) => ['mutation', name] as const),
      ];
      expect(operations.length).toBeGreaterThan(100);
      expect(
        operations
          .filter(([kind, name]) => (ACCESS_TABLE as Record<string, AccessRow>)[name]?.kind !== kind)
          .map(([kind, name]) => `${kind} ${name}`),
      ).toEqual([]);
      const known = new Set(operations.map(([, name]) => name as string));
      expect([...rowsOf('query'), ...rowsOf('mutation')].filter((name) => !known.has(name))).toEqual([]);
    });

    it('every field of WorkingGroup and of the other group-data types, or a reason it needs none', () => {
      const fields = GROUP_DATA_TYPES.flatMap((type) => fieldsOf(type).map((field) => `${type}.${field}`));
      expect(fields.filter((field) => !(field in ACCESS_TABLE) && !(field in PUBLIC_FIELDS))).toEqual([]);
      // Field rows and reasons name fields that exist, and a field has a row or a reason, not both.
      const exists = (name: string) => {
        const [type, field] = name.split('.') as [string, string];
        return schema.getType(type) !== undefined && fieldsOf(type).includes(field);
      };
      expect([...rowsOf('field'), ...Object.keys(PUBLIC_FIELDS)].filter((name) => !exists(name))).toEqual([]);
      expect(Object.keys(PUBLIC_FIELDS).filter((name) => name in ACCESS_TABLE)).toEqual([]);
    });

    it('every route registered in the running app (and no row for one that is gone)', () => {
      interface Layer {
        route?: { path: string; methods: Record<string, boolean> };
      }
      const express = api.app.getHttpAdapter().getInstance() as {
        router?: { stack: Layer[] };
        _router?: { stack: Layer[] };
      };
      const stack = (express.router ?? express._router)?.stack ?? [];
      const routes = stack.flatMap((layer) => {
        if (!layer.route) return [];
        const methods = Object.keys(layer.route.methods).filter((method) => layer.route!.methods[method]);
        // Middleware mounted for every method (as Nest does) is one entry, not thirty-four.
        if (methods.includes('_all') || methods.length >= METHODS.length - 2) return [`ALL ${layer.route.path}`];
        return methods.map((method) => `${method.toUpperCase()} ${layer.route!.path}`);
      });
      expect(
        routes.filter((route) => route.startsWith('GET /health') || route.includes(' /api/')).length,
      ).toBeGreaterThan(10);
      expect(routes.filter((route) => !(route in ACCESS_TABLE) && !(route in NOT_REST_ROUTES))).toEqual([]);
      expect(rowsOf('rest').filter((route) => !routes.includes(route))).toEqual([]);
    });

    it('every socket event a client can send, and the handshake', () => {
      const source = readFileSync(
        new URL('../../../libs/shared/contracts/src/socket-events.ts', import.meta.url),
        'utf8',
      );
      const block = /export interface ClientToServerEvents \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
      const events = [...block.matchAll(/^\s+'([^']+)':/gm)].map((m) => m[1]!);
      expect(events.length).toBeGreaterThan(0);
      expect(events.filter((event) => !(`socket ${event}` in ACCESS_TABLE))).toEqual([]);
      expect(Object.values(SOCKET_ROWS).sort()).toEqual(
        rowsOf('socket')
          .filter((name) => name !== 'socket handshake')
          .sort(),
      );
    });

    it('every row has a probe', () => {
      expect(rows.filter(([name]) => typeof PROBES[name] !== 'function').map(([name]) => name)).toEqual([]);
    });
  });

  it('every cell holds: nothing wrongly allowed, nothing wrongly denied', async () => {
    const cells = rows.flatMap(([operation, row]) => ROLES.map((role) => ({ operation, row, role })));
    const run = async ({ operation, row, role }: (typeof cells)[number]): Promise<CellResult> => {
      let verdict: Verdict;
      try {
        verdict = await PROBES[operation]({ role, row, w });
      } catch (error) {
        verdict = { seen: 'unclear', detail: `the probe failed: ${(error as Error).stack ?? String(error)}` };
      }
      return { operation, role, expected: row.expect[role], verdict };
    };
    const results = await pooled(
      cells.filter((cell) => !SERIAL.has(cell.operation)),
      6,
      run,
    );
    // Rows that change what every other probe relies on run last, one cell at a time.
    for (const cell of cells.filter((c) => SERIAL.has(c.operation))) results.push(await run(cell));

    const describeCell = (r: CellResult) =>
      `${r.operation} as ${r.role}: expected ${r.expected}, saw ${r.verdict.seen} — ${r.verdict.detail}`;
    const wronglyAllowed = results.filter((r) => r.expected === 'deny' && r.verdict.seen !== 'deny').map(describeCell);
    const wronglyDenied = results.filter((r) => r.expected === 'allow' && r.verdict.seen !== 'allow').map(describeCell);
    if (wronglyAllowed.length || wronglyDenied.length) {
      console.error(
        `wrongly allowed (${wronglyAllowed.length}):\n  ${wronglyAllowed.join('\n  ')}\nwrongly denied (${wronglyDenied.length}):\n  ${wronglyDenied.join('\n  ')}`,
      );
    }
    console.log(
      `authorization matrix: ${results.length} cells checked (${rows.length} rows × ${ROLES.length} roles), ${wronglyAllowed.length} wrongly allowed, ${wronglyDenied.length} wrongly denied`,
    );
    expect(results).toHaveLength(rows.length * ROLES.length);
    expect(wronglyAllowed).toEqual([]);
    expect(wronglyDenied).toEqual([]);
  }, 300_000);

  describe('field level', () => {
    const as = (role: Role): GqlClient => {
      const copy = api.client();
      copy.cookie = w.clients[role].cookie;
      return copy;
    };
    const json = async (role: Role, query: string, variables: Record<string, unknown> = {}) =>
      JSON.stringify(await as(role).request(query, variables));

    it('a member’s email is shown to nobody but themselves and the network admins; their organisation only where A’s member list is', async () => {
      expect(fieldsOf('User')).not.toContain('email');
      // Every place that shows people, one query each (a refused one must not hide what the others show).
      const PEOPLE: [string, Record<string, unknown>][] = [
        [
          `query Q($slug: String!) { workingGroup(slug: $slug) { members { nodes { user { id displayName organisation { id name } } } } convenors { user { id organisation { id } } } pendingRequests { nodes { user { id } } } mentionable { id displayName } } }`,
          { slug: w.groupA.slug },
        ],
        [
          `query Q($id: ID!) { thread(id: $id) { author { id displayName organisation { id } } posts { nodes { author { id displayName organisation { id } } } } } }`,
          { id: w.a.threadId },
        ],
        [
          `query Q($id: ID!) { meeting(id: $id) { rsvps { person { id displayName organisation { id } } } } }`,
          { id: w.a.meetingId },
        ],
        [
          `query Q($id: ID!) { meetingPoll(id: $id) { slots { votes { person { id displayName organisation { id } } } } } }`,
          { id: w.a.pollId },
        ],
        [
          `query Q($input: SearchInput!) { search(input: $input) { nodes { author { id displayName organisation { id } } } } }`,
          { input: { query: w.a.searchWord } },
        ],
      ];
      for (const role of ROLES) {
        const seen = (await Promise.all(PEOPLE.map(([query, variables]) => json(role, query, variables)))).join('\n');
        expect([role, seen.includes(w.people.memberA.email)]).toEqual([role, false]);
        expect([role, seen.includes(w.organisationId)]).toEqual([
          role,
          ['memberA', 'convenorA', 'admin'].includes(role),
        ]);
        const me = await json(role, `{ me { email } }`);
        expect([role, me.includes(w.people.memberA.email)]).toEqual([role, role === 'memberA']);
        const people = await json(role, `query P($search: String) { networkPeople(search: $search) { email } }`, {
          search: w.people.memberA.email,
        });
        expect([role, people.includes(w.people.memberA.email)]).toEqual([role, role === 'admin']);
      }
    });

    it('registrants’ names and emails reach the organisers only (and the registrant through their link)', async () => {
      const EVENT = `query Q($id: ID!, $slug: String!) {
        meeting(id: $id) { id eventForm { slug fields { label } } registrationCounts { pending confirmed } }
        publicEvent(slug: $slug) { id title placesLeft fields { label } } }`;
      const REGISTRATIONS = `query R($id: ID!) { eventRegistrations(meetingId: $id) { name email organisation status } }`;
      for (const role of ROLES) {
        const organiser = role === 'convenorA' || role === 'admin';
        const event = await json(role, EVENT, { id: w.a.eventMeetingId, slug: w.a.eventSlug });
        expect([role, event.includes(w.a.registrantEmail)]).toEqual([role, false]);
        expect([role, event.includes('"registrationCounts":{')]).toEqual([role, organiser]);
        const registrations = await as(role).request<{
          eventRegistrations: { email: string; name: string; organisation: string }[];
        }>(REGISTRATIONS, { id: w.a.eventMeetingId });
        if (organiser)
          expect(registrations.data?.eventRegistrations).toContainEqual(
            expect.objectContaining({
              email: w.a.registrantEmail,
              name: 'Amal Guest',
              organisation: 'Refugee Action Network',
            }),
          );
        else
          expect([
            role,
            registrations.data ?? null,
            JSON.stringify(registrations).includes(w.a.registrantEmail),
          ]).toEqual([role, null, false]);
        const csv = await (await as(role).get(`/api/meetings/${w.a.eventMeetingId}/registrations.csv`)).text();
        expect([role, csv.includes(w.a.registrantEmail)]).toEqual([role, organiser]);
      }
      const own = await json(
        'linkHolder',
        `query R($token: String!) { myRegistration(token: $token) { name email organisation } }`,
        { token: w.links.registration },
      );
      expect(own).toContain(w.a.registrantEmail);
    });

    it('a pitch’s internal notes, reviewers and convenor names reach its triagers only, never the partner', async () => {
      for (const field of ['notes', 'reviewers', 'reviewerCandidates', 'contactEmail', 'acceptInto'])
        expect(fieldsOf('PartnerPitch')).not.toContain(field);
      expect(fieldsOf('PartnerPitchMessage')).not.toContain('convenor');
      const PARTNER = `query M($token: String!) { myPitch(token: $token) { id title status declineReason groupNames contactName organisationName messages { author body } attachments { fileName } } }`;
      const partner = await as('linkHolder').request<{ myPitch: { messages: { author: string; body: string }[] } }>(
        PARTNER,
        { token: w.links.pitch },
      );
      expect(partner.data?.myPitch.messages).toContainEqual({ author: 'CONVENOR', body: w.a.pitchMessage });
      for (const secret of [w.a.pitchNote, w.people.convenorA.id, w.people.convenorA.displayName])
        expect(JSON.stringify(partner)).not.toContain(secret);

      const PITCH = `query P($id: ID!, $groupId: ID) { pitch(id: $id) { notes { body author { id } } reviewers { id displayName } messages { body convenor { id } } }
        pitches(groupId: $groupId, status: UNDER_REVIEW) { nodes { id notes { body } reviewers { id } } } }`;
      for (const role of ROLES) {
        const triager = role === 'convenorA' || role === 'admin';
        const seen = await json(role, PITCH, { id: w.a.pitchId, groupId: w.groupA.id });
        expect([role, seen.includes(w.a.pitchNote), seen.includes(w.people.convenorA.id)]).toEqual([
          role,
          triager,
          triager,
        ]);
        const csv = await (await as(role).get(`/api/pitches.csv?groupId=${w.groupA.id}`)).text();
        expect([role, csv.includes(w.a.pitchContactEmail), csv.includes(w.a.pitchNote)]).toEqual([
          role,
          triager,
          false,
        ]);
      }
    });

    it('a hidden post’s text, its earlier drafts included, reaches its author and the convenors only, not other members', async () => {
      const word = (text: string) => /hush[0-9a-f]{10}/.exec(text)![0];
      for (const role of ROLES) {
        const moderator = role === 'convenorA';
        const thread = await json(
          role,
          `query T($id: ID!) { thread(id: $id) { posts { nodes { id body bodyHtml hidden { reason } } } } }`,
          { id: w.a.threadId },
        );
        const revisions = await json(role, `query R($id: ID!) { postRevisions(postId: $id) { body bodyHtml } }`, {
          id: w.a.hiddenPostId,
        });
        const search = await json(
          role,
          `query S($input: SearchInput!) { search(input: $input) { nodes { postId snippetHtml } } }`,
          { input: { query: word(w.a.hiddenPostBody) } },
        );
        const searchDraft = await json(
          role,
          `query S($input: SearchInput!) { search(input: $input) { nodes { postId snippetHtml } } }`,
          { input: { query: word(w.a.hiddenPostDraft) } },
        );
        expect([
          role,
          thread.includes(word(w.a.hiddenPostBody)),
          revisions.includes(word(w.a.hiddenPostDraft)),
        ]).toEqual([role, moderator, moderator]);
        // Search never finds hidden posts, whoever asks.
        expect([role, search.includes(w.a.hiddenPostId), searchDraft.includes(w.a.hiddenPostId)]).toEqual([
          role,
          false,
          false,
        ]);
        if (role === 'memberA') expect(thread).toContain('Names a person at risk.');
      }
    });

    it('a registrant waiting for approval is not sent the event’s call link; a confirmed one is', async () => {
      const MINE = `query R($token: String!) { myRegistration(token: $token) { status onlineUrl } }`;
      expect(
        (await as('linkHolder').request<{ myRegistration: unknown }>(MINE, { token: w.links.registration })).data
          ?.myRegistration,
      ).toEqual({ status: 'PENDING', onlineUrl: null });
      const confirmed = await w.fresh.registration(w.a.eventSlug);
      await as('convenorA').request(
        `mutation D($id: ID!) { decideRegistration(registrationId: $id, approve: true) { id } }`,
        { id: confirmed.id },
      );
      expect(
        (await api.client().request<{ myRegistration: unknown }>(MINE, { token: confirmed.token })).data
          ?.myRegistration,
      ).toEqual({ status: 'CONFIRMED', onlineUrl: w.a.eventOnlineUrl });
    });

    it('the deactivated convenor’s old cookie counts for nothing, and their password no longer signs in', async () => {
      const client = as('deactivated');
      expect((await client.request<{ me: unknown }>(`{ me { id } }`)).data?.me).toBeNull();
      expect(
        (await client.request(`query Q($slug: String!) { workingGroup(slug: $slug) { id } }`, { slug: w.groupA.slug }))
          .errors?.[0]?.extensions?.code,
      ).toBe('UNAUTHENTICATED');
      const signIn = await api.client().signIn(w.people.deactivated.email);
      expect(signIn.errors?.[0]?.extensions).toMatchObject({ reason: 'ACCOUNT_DEACTIVATED' });
      await expect(api.connect(client)).rejects.toThrow('UNAUTHENTICATED');
    });
  });

  describe('what the matrix found', () => {
    // The secret feed address is the only credential a calendar app sends: it went on serving group
    // A's meetings (titles, places, call links) to an account an admin had deactivated.
    it('a deactivated account’s calendar feed stops serving its groups’ meetings, and resumes once reactivated', async () => {
      const { user } = await w.fresh.memberOfA();
      const client = await api.signedIn(user);
      const feed = new URL(
        (await client.request<{ resetCalendarFeed: { url: string } }>(`mutation { resetCalendarFeed { url } }`)).data!
          .resetCalendarFeed.url,
      ).pathname;
      const calendar = async () => {
        const res = await api.client().get(feed);
        return [res.status, (await res.text()).includes(`UID:${w.a.meetingId}@convene`)];
      };
      expect(await calendar()).toEqual([200, true]);
      await w.clients.admin.request(`mutation D($userId: ID!) { deactivateAccount(userId: $userId) { id } }`, {
        userId: user.id,
      });
      expect(await calendar()).toEqual([404, false]);
      await w.clients.admin.request(`mutation R($userId: ID!) { reactivateAccount(userId: $userId) { id } }`, {
        userId: user.id,
      });
      expect(await calendar()).toEqual([200, true]);
    });
  });
});
