// Working-group behaviour through the real API: joining under each policy, invitations (to people
// with and without an account), the rule that a group keeps a convenor, and bad input.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { JoinPolicy, MemberListVisibility, MembershipRole, MembershipStatus } from '@convene/shared-contracts';
import type { User } from '@convene/server-identity';
import type { Membership, WorkingGroup } from '@convene/server-groups';
import { type GqlClient, type GqlResult, useApiHarness } from './api-harness.js';
import { codeOf, dataOf, groupRow, membershipRows } from './group-personas.js';
import { pageStatements } from './page-statements.js';
import { invitationToken, waitForMail } from './mail-delivery.js';

const unique = () => randomUUID().replace(/-/g, '').slice(0, 12);

const GROUP = `query Group($slug: String!) {
  workingGroup(slug: $slug) {
    id slug memberCount
    viewerMembership { id role status }
    members { nodes { id role user { id } } hasNextPage }
    convenors { id user { id } }
    pendingRequests { nodes { id user { id } } hasNextPage }
  }
}`;
const GROUPS = `{ workingGroups { id slug } }`;
const REQUEST_TO_JOIN = `mutation Request($input: RequestToJoinInput!) { requestToJoin(input: $input) { id role status user { id } } }`;
const DECIDE = `mutation Decide($input: DecideMembershipInput!) { decideMembership(input: $input) { id status } }`;
const INVITE_MEMBER = `mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) { email } }`;
const RESPOND = `mutation Respond($groupId: ID!, $accept: Boolean!) { respondToInvitation(groupId: $groupId, accept: $accept) { id role status } }`;
const SET_ROLE = `mutation SetRole($input: SetMemberRoleInput!) { setMemberRole(input: $input) { id role } }`;
const LEAVE = `mutation Leave($groupId: ID!) { leaveGroup(groupId: $groupId) }`;
const REMOVE = `mutation Remove($membershipId: ID!) { removeMember(membershipId: $membershipId) }`;
const CREATE_GROUP = `mutation Create($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id slug } }`;
const UPDATE_GROUP = `mutation Update($input: UpdateWorkingGroupInput!) { updateWorkingGroup(input: $input) { id } }`;
const UPDATE_PROFILE = `mutation Profile($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;
const INVITATION = `query Invitation($token: String!) { invitation(token: $token) { email groupName } }`;
const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { id email } }`;

interface GroupSeen {
  id: string;
  slug: string;
  memberCount: number | null;
  viewerMembership: { id: string; role: MembershipRole; status: MembershipStatus } | null;
  members: { id: string; role: MembershipRole; user: { id: string } }[] | null;
  convenors: { id: string; user: { id: string } }[] | null;
  pendingRequests: { id: string; user: { id: string } }[] | null;
}

const reasonOf = (result: GqlResult<unknown>) => result.errors?.[0]?.extensions?.reason;

describe('working groups', () => {
  const api = useApiHarness({}, { deliverMail: true });

  /** The group as the client sees it, its lists unwrapped (each fits on one page). */
  async function groupAs(client: GqlClient, slug: string): Promise<GroupSeen> {
    type Page<T> = { nodes: T[]; hasNextPage: boolean } | null;
    type Answer = Omit<GroupSeen, 'members' | 'pendingRequests'> & {
      members: Page<NonNullable<GroupSeen['members']>[number]>;
      pendingRequests: Page<NonNullable<GroupSeen['pendingRequests']>[number]>;
    };
    const seen = dataOf(await client.request<{ workingGroup: Answer }>(GROUP, { slug })).workingGroup;
    expect([seen.members?.hasNextPage, seen.pendingRequests?.hasNextPage]).not.toContain(true);
    return { ...seen, members: seen.members?.nodes ?? null, pendingRequests: seen.pendingRequests?.nodes ?? null };
  }

  /** A group with one convenor, signed in. */
  async function convenedGroup(
    overrides: { joinPolicy?: JoinPolicy; memberListVisibility?: MemberListVisibility } = {},
  ) {
    const group = await api.data.group(overrides);
    const convenor = await api.data.user();
    const convenorMembership = await api.data.membership(group, convenor, MembershipRole.CONVENOR);
    return { group, convenor, convenorMembership, asConvenor: await api.signedIn(convenor) };
  }

  describe('joining', () => {
    it('admits at once to an OPEN group: the newcomer is an active member and sees the list', async () => {
      const { group, convenor } = await convenedGroup({ joinPolicy: JoinPolicy.OPEN });
      const newcomer = await api.data.user();
      const asNewcomer = await api.signedIn(newcomer);

      const joined = await asNewcomer.request<{
        requestToJoin: { role: string; status: string; user: { id: string } };
      }>(REQUEST_TO_JOIN, { input: { groupId: group.id } });
      expect(dataOf(joined).requestToJoin).toMatchObject({
        role: MembershipRole.MEMBER,
        status: MembershipStatus.ACTIVE,
        user: { id: newcomer.id },
      });

      const seen = await groupAs(asNewcomer, group.slug);
      expect(seen.viewerMembership).toMatchObject({ role: MembershipRole.MEMBER, status: MembershipStatus.ACTIVE });
      expect(seen.memberCount).toBe(2);
      expect(seen.members?.map((m) => m.user.id).sort()).toEqual([convenor.id, newcomer.id].sort());
    });

    it('records a PENDING request for a REQUEST group, and a second request is a CONFLICT', async () => {
      const { group, asConvenor } = await convenedGroup({ joinPolicy: JoinPolicy.REQUEST });
      const applicant = await api.data.user();
      const asApplicant = await api.signedIn(applicant);

      const first = await asApplicant.request<{ requestToJoin: { status: string } }>(REQUEST_TO_JOIN, {
        input: { groupId: group.id, message: 'Hello' },
      });
      expect(dataOf(first).requestToJoin.status).toBe(MembershipStatus.PENDING);
      expect((await groupAs(asApplicant, group.slug)).members).toBeNull();
      expect((await groupAs(asConvenor, group.slug)).pendingRequests?.map((r) => r.user.id)).toEqual([applicant.id]);

      const before = await membershipRows(api, group.id);
      const second = await asApplicant.request(REQUEST_TO_JOIN, {
        input: { groupId: group.id, message: 'Hello again' },
      });
      expect(codeOf(second)).toBe('CONFLICT');
      expect(reasonOf(second)).toBe('ALREADY_REQUESTED');
      expect(await membershipRows(api, group.id)).toEqual(before);
    });

    it('makes one request when the same person asks twice at the same moment, answering the other CONFLICT', async () => {
      // Several rounds, so that the two requests really do overlap in at least some of them.
      for (let round = 0; round < 5; round++) {
        const { group } = await convenedGroup({ joinPolicy: JoinPolicy.REQUEST });
        const applicant = await api.data.user();
        const [a, b] = [await api.signedIn(applicant), await api.signedIn(applicant)];
        const results = await Promise.all(
          [a, b].map((client) => client.request(REQUEST_TO_JOIN, { input: { groupId: group.id } })),
        );
        expect((await membershipRows(api, group.id)).filter((row) => row.userId === applicant.id)).toEqual([
          { userId: applicant.id, role: MembershipRole.MEMBER, status: MembershipStatus.PENDING },
        ]);
        expect(results.map((r) => `${codeOf(r)}/${reasonOf(r) ?? ''}`).sort()).toEqual([
          'CONFLICT/ALREADY_REQUESTED',
          'OK/',
        ]);
      }
    });

    it('refuses requests to an INVITE_ONLY group with FORBIDDEN / INVITE_ONLY and records nothing', async () => {
      const { group } = await convenedGroup({ joinPolicy: JoinPolicy.INVITE_ONLY });
      const before = await membershipRows(api, group.id);
      const result = await (
        await api.signedIn(await api.data.user())
      ).request(REQUEST_TO_JOIN, { input: { groupId: group.id } });
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(reasonOf(result)).toBe('INVITE_ONLY');
      expect(await membershipRows(api, group.id)).toEqual(before);
    });

    it('removes a declined request, after which the person may ask again', async () => {
      const { group, asConvenor } = await convenedGroup({ joinPolicy: JoinPolicy.REQUEST });
      const applicant = await api.data.user();
      const asApplicant = await api.signedIn(applicant);
      const request = dataOf(
        await asApplicant.request<{ requestToJoin: { id: string } }>(REQUEST_TO_JOIN, { input: { groupId: group.id } }),
      ).requestToJoin;

      const declined = await asConvenor.request(DECIDE, { input: { membershipId: request.id, approve: false } });
      expect(codeOf(declined)).toBe('OK');
      expect((await groupAs(asConvenor, group.slug)).pendingRequests).toEqual([]);
      expect((await membershipRows(api, group.id)).map((row) => row.userId)).not.toContain(applicant.id);
      expect((await groupAs(asApplicant, group.slug)).viewerMembership).toBeNull();

      const again = await asApplicant.request<{ requestToJoin: { status: string } }>(REQUEST_TO_JOIN, {
        input: { groupId: group.id },
      });
      expect(dataOf(again).requestToJoin.status).toBe(MembershipStatus.PENDING);
    });

    it('refuses to decide a request twice', async () => {
      const { group, asConvenor } = await convenedGroup({ joinPolicy: JoinPolicy.REQUEST });
      const applicant = await api.data.user();
      const request = await api.data.membership(group, applicant, MembershipRole.MEMBER, MembershipStatus.PENDING);
      expect(codeOf(await asConvenor.request(DECIDE, { input: { membershipId: request.id, approve: true } }))).toBe(
        'OK',
      );
      const again = await asConvenor.request(DECIDE, { input: { membershipId: request.id, approve: false } });
      expect(codeOf(again)).toBe('CONFLICT');
      expect(reasonOf(again)).toBe('NOT_PENDING');
      expect(await membershipRows(api, group.id)).toContainEqual({
        userId: applicant.id,
        role: MembershipRole.MEMBER,
        status: MembershipStatus.ACTIVE,
      });
    });

    it('lets a person withdraw a pending request with leaveGroup', async () => {
      const { group, asConvenor } = await convenedGroup({ joinPolicy: JoinPolicy.REQUEST });
      const applicant = await api.data.user();
      const asApplicant = await api.signedIn(applicant);
      dataOf(await asApplicant.request(REQUEST_TO_JOIN, { input: { groupId: group.id } }));

      expect(dataOf(await asApplicant.request<{ leaveGroup: boolean }>(LEAVE, { groupId: group.id })).leaveGroup).toBe(
        true,
      );
      expect((await groupAs(asApplicant, group.slug)).viewerMembership).toBeNull();
      expect((await groupAs(asConvenor, group.slug)).pendingRequests).toEqual([]);
    });
  });

  describe('invitations', () => {
    it('invites a person with an account: INVITED, then accepting makes them ACTIVE in the invited role', async () => {
      const { group, asConvenor } = await convenedGroup({ joinPolicy: JoinPolicy.INVITE_ONLY });
      const invitee = await api.data.user();
      const asInvitee = await api.signedIn(invitee);

      expect(
        dataOf(
          await asConvenor.request<{ inviteMember: { email: string } }>(INVITE_MEMBER, {
            input: { groupId: group.id, email: invitee.email, role: MembershipRole.OBSERVER },
          }),
        ).inviteMember.email,
      ).toBe(invitee.email);
      const invited = await groupAs(asInvitee, group.slug);
      expect(invited.viewerMembership).toMatchObject({
        role: MembershipRole.OBSERVER,
        status: MembershipStatus.INVITED,
      });
      expect(invited.members).toBeNull();
      // They hear of it through their notifications (and email, as they choose): one event, no direct mail.
      const conn = api.orm.em.fork().getConnection();
      expect(
        await conn.execute(`select type from outbox_events where payload->>'userId' = ? and payload->>'groupId' = ?`, [
          invitee.id,
          group.id,
        ]),
      ).toEqual([{ type: 'membership.invited' }]);
      expect(await conn.execute('select id from mail_messages where to_address = ?', [invitee.email])).toEqual([]);

      const accepted = await asInvitee.request<{ respondToInvitation: { role: string; status: string } }>(RESPOND, {
        groupId: group.id,
        accept: true,
      });
      expect(dataOf(accepted).respondToInvitation).toMatchObject({
        role: MembershipRole.OBSERVER,
        status: MembershipStatus.ACTIVE,
      });
      const member = await groupAs(asInvitee, group.slug);
      expect(member.memberCount).toBe(2);
      expect(member.members?.find((m) => m.user.id === invitee.id)?.role).toBe(MembershipRole.OBSERVER);
    });

    it('lets the invited person decline: the invitation is gone and cannot be accepted later', async () => {
      const { group, asConvenor } = await convenedGroup();
      const invitee = await api.data.user();
      const asInvitee = await api.signedIn(invitee);
      dataOf(await asConvenor.request(INVITE_MEMBER, { input: { groupId: group.id, email: invitee.email } }));

      const declined = await asInvitee.request<{ respondToInvitation: unknown }>(RESPOND, {
        groupId: group.id,
        accept: false,
      });
      expect(dataOf(declined).respondToInvitation).toBeNull();
      expect((await groupAs(asInvitee, group.slug)).viewerMembership).toBeNull();
      expect((await membershipRows(api, group.id)).map((row) => row.userId)).not.toContain(invitee.id);

      const late = await asInvitee.request(RESPOND, { groupId: group.id, accept: true });
      expect(codeOf(late)).toBe('CONFLICT');
      expect(reasonOf(late)).toBe('NOT_INVITED');
    });

    it('invites an unknown address by mail; signing up with the link makes them an ACTIVE member in the invited role', async () => {
      const { group, asConvenor } = await convenedGroup({ joinPolicy: JoinPolicy.INVITE_ONLY });
      const email = `newcomer-${unique()}@example.org`;
      dataOf(
        await asConvenor.request(INVITE_MEMBER, { input: { groupId: group.id, email, role: MembershipRole.CONVENOR } }),
      );

      const letter = await waitForMail(api.client(), email);
      expect(letter.subject).toContain(group.name);
      expect(letter.text).toMatch(new RegExp(`${api.config.publicUrl}/invitations/[A-Za-z0-9_-]{40,}`));
      const token = invitationToken(letter, api.config.publicUrl);

      const visitor = api.client();
      expect(
        dataOf(
          await visitor.request<{ invitation: { email: string; groupName: string | null } }>(INVITATION, { token }),
        ).invitation,
      ).toEqual({ email, groupName: group.name });
      const signedUp = await visitor.request<{ signUp: { id: string; email: string } }>(SIGN_UP, {
        input: { email, password: 'a long and unusual phrase', displayName: 'Newcomer', invitationToken: token },
      });
      const account = dataOf(signedUp).signUp;
      expect(account.email).toBe(email);

      const seen = await groupAs(visitor, group.slug);
      expect(seen.viewerMembership).toMatchObject({ role: MembershipRole.CONVENOR, status: MembershipStatus.ACTIVE });
      expect(seen.memberCount).toBe(2);
      expect(seen.convenors?.map((c) => c.user.id)).toContain(account.id);
    });

    it('refuses to invite someone who is already an active member', async () => {
      const { group, asConvenor } = await convenedGroup();
      const member = await api.data.user();
      await api.data.membership(group, member);
      const before = await membershipRows(api, group.id);
      const result = await asConvenor.request(INVITE_MEMBER, {
        input: { groupId: group.id, email: member.email, role: MembershipRole.CONVENOR },
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fields).toHaveProperty('email');
      expect(await membershipRows(api, group.id)).toEqual(before);
    });
  });

  describe('member lists, a page at a time', () => {
    const PAGES = `query Pages($slug: String!, $first: Int, $membersAfter: String, $requestsAfter: String) { workingGroup(slug: $slug) {
      members(first: $first, after: $membersAfter) { nodes { id role user { id } } endCursor hasNextPage }
      pendingRequests(first: $first, after: $requestsAfter) { nodes { id user { id } } endCursor hasNextPage } } }`;
    type List = 'members' | 'pendingRequests';
    interface Page {
      nodes: { id: string }[];
      endCursor: string | null;
      hasNextPage: boolean;
    }
    const ROLE_ORDER = [MembershipRole.CONVENOR, MembershipRole.MEMBER, MembershipRole.OBSERVER];

    async function page(
      client: GqlClient,
      slug: string,
      list: List,
      first: number | null,
      after: string | null = null,
    ): Promise<Page> {
      const variables = { slug, first, [list === 'members' ? 'membersAfter' : 'requestsAfter']: after };
      return dataOf(await client.request<{ workingGroup: Record<List, Page> }>(PAGES, variables)).workingGroup[list];
    }

    /** Every page of a list, following the cursors: the membership ids in the order given, and the pages' sizes. */
    async function pageThrough(client: GqlClient, slug: string, list: List, first: number) {
      const ids: string[] = [];
      const sizes: number[] = [];
      let after: string | null = null;
      for (let i = 0; i < 50; i++) {
        const answer: Page = await page(client, slug, list, first, after);
        ids.push(...answer.nodes.map((n) => n.id));
        sizes.push(answer.nodes.length);
        if (!answer.hasNextPage) return { ids, sizes };
        after = answer.endCursor;
      }
      throw new Error('the pages never ended');
    }

    /** People in a group, in the order a member list must give them: role, then name, then id. */
    type Person = [displayName: string, role: MembershipRole, status: MembershipStatus];
    async function peopleIn(group: WorkingGroup, people: Person[]) {
      const made: { displayName: string; role: MembershipRole; status: MembershipStatus; membership: Membership }[] =
        [];
      for (const [displayName, role, status] of people) {
        const user = await api.data.user({ displayName });
        made.push({ displayName, role, status, membership: await api.data.membership(group, user, role, status) });
      }
      const inOrder = (status: MembershipStatus) =>
        made
          .filter((m) => m.status === status)
          .sort(
            (a, b) =>
              ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
              (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0) ||
              (a.membership.id < b.membership.id ? -1 : 1),
          )
          .map((m) => m.membership.id);
      return { active: inOrder(MembershipStatus.ACTIVE), pending: inOrder(MembershipStatus.PENDING) };
    }

    it('gives every member once, convenors first, then by name (the same names by id), page after page', async () => {
      const { group, convenorMembership, asConvenor } = await convenedGroup();
      const { ACTIVE, PENDING } = MembershipStatus;
      const { CONVENOR, MEMBER, OBSERVER } = MembershipRole;
      const { active } = await peopleIn(group, [
        ['Aaron Observer', OBSERVER, ACTIVE],
        ['Bea Member', MEMBER, ACTIVE],
        ['Ada Member', MEMBER, ACTIVE],
        ['Bea Member', MEMBER, ACTIVE],
        ['Zoe Convenor', CONVENOR, ACTIVE],
        ['Cy Member', MEMBER, ACTIVE],
        ['Bea Member', MEMBER, ACTIVE],
        ['Pat Pending', MEMBER, PENDING],
      ]);
      // The group's first convenor has a random name: they are among the convenors, wherever it sorts.
      const everyone = await pageThrough(asConvenor, group.slug, 'members', 50);
      expect(everyone.sizes).toEqual([8]);
      expect(everyone.ids.filter((id) => id !== convenorMembership.id)).toEqual(active);
      expect(everyone.ids.indexOf(convenorMembership.id)).toBeLessThan(2);

      for (const first of [1, 3, 7]) {
        const paged = await pageThrough(asConvenor, group.slug, 'members', first);
        expect(paged.ids).toEqual(everyone.ids);
        expect(paged.sizes).toEqual([...Array(Math.floor(8 / first)).fill(first), ...(8 % first ? [8 % first] : [])]);
      }
      // A list that ends exactly at a page's end says so on that page: no empty page after it.
      expect((await page(asConvenor, group.slug, 'members', 8)).hasNextPage).toBe(false);
    });

    it('keeps its place when someone on the page before leaves meanwhile', async () => {
      const { group, asConvenor } = await convenedGroup();
      await peopleIn(
        group,
        ['Ada', 'Bea', 'Cy', 'Dee'].map((name): Person => [name, MembershipRole.MEMBER, MembershipStatus.ACTIVE]),
      );
      const everyone = await pageThrough(asConvenor, group.slug, 'members', 50);
      const first = await page(asConvenor, group.slug, 'members', 2);
      expect(dataOf(await asConvenor.request(REMOVE, { membershipId: first.nodes[1]!.id }))).toEqual({
        removeMember: true,
      });
      expect((await page(asConvenor, group.slug, 'members', 10, first.endCursor)).nodes.map((n) => n.id)).toEqual(
        everyone.ids.slice(2),
      );
    });

    it('gives every join request once, by name, page after page', async () => {
      const { group, asConvenor } = await convenedGroup({ joinPolicy: JoinPolicy.REQUEST });
      const { pending } = await peopleIn(
        group,
        ['Dee', 'Ada', 'Cy', 'Bea', 'Ada'].map((name): Person => [
          `${name} Applicant`,
          MembershipRole.MEMBER,
          MembershipStatus.PENDING,
        ]),
      );
      expect(await pageThrough(asConvenor, group.slug, 'pendingRequests', 2)).toEqual({
        ids: pending,
        sizes: [2, 2, 1],
      });
      expect(await pageThrough(asConvenor, group.slug, 'pendingRequests', 5)).toEqual({ ids: pending, sizes: [5] });
    });

    it.each<[string, List, { first?: unknown; after?: string }, string]>([
      ['no one', 'members', { first: 0 }, 'first'],
      ['a negative number of', 'members', { first: -1 }, 'first'],
      ['more than 100', 'members', { first: 101 }, 'first'],
      ['more than 100', 'pendingRequests', { first: 500 }, 'first'],
      ['a forged cursor for', 'members', { after: 'forged' }, 'after'],
      [
        'a cursor of the wrong shape for',
        'pendingRequests',
        { after: Buffer.from('["CONVENOR","Ada"]').toString('base64url') },
        'after',
      ],
      [
        'a cursor with an unknown role for',
        'members',
        { after: Buffer.from(`["KING","Ada","${randomUUID()}"]`).toString('base64url') },
        'after',
      ],
      [
        'a cursor with a bad id for',
        'members',
        { after: Buffer.from('["MEMBER","Ada","1; drop table users"]').toString('base64url') },
        'after',
      ],
    ])('refuses %s %s (%j) with BAD_USER_INPUT naming the field %s', async (_what, list, args, field) => {
      const { group, asConvenor } = await convenedGroup();
      const variables = {
        slug: group.slug,
        first: args.first ?? null,
        [list === 'members' ? 'membersAfter' : 'requestsAfter']: args.after ?? null,
      };
      const result = await asConvenor.request(PAGES, variables);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { [field]: expect.any(String) },
      });
      expect(JSON.stringify(result)).not.toMatch(/stacktrace|at \w+ \(/);
      // The largest page is fine.
      expect(codeOf(await asConvenor.request(PAGES, { slug: group.slug, first: 100 }))).toBe('OK');
    });

    it('reads a page of members (and of join requests) in as many SQL statements for 100 people as for 20', async () => {
      const sql = <T>(query: string, params: unknown[] = []) =>
        api.orm.em.fork().getConnection().execute<T[]>(query, params);
      const LIST = `query G($slug: String!, $first: Int) { workingGroup(slug: $slug) { ...GroupSummaryFields
        members(first: $first) { nodes { ...MembershipFields } endCursor hasNextPage } convenors { ...MembershipFields }
        pendingRequests(first: $first) { nodes { ...MembershipFields } endCursor hasNextPage } } }
        fragment MembershipFields on Membership { id role status message createdAt user { id displayName organisation { id name } } }
        fragment GroupSummaryFields on WorkingGroup { id slug name purpose joinPolicy memberListVisibility contentFreeNotifications memberCount viewerCanManage viewerMembership { id role status createdAt } }`;
      /** A group with n members and n applicants, each with an organisation of their own. */
      async function groupWith(n: number) {
        const { group, asConvenor } = await convenedGroup({ joinPolicy: JoinPolicy.REQUEST });
        await sql(
          `with orgs as (
             insert into partner_organisations (id, name, created_at) select gen_random_uuid(), 'Org ' || ? || ' ' || i, now() from generate_series(1, ?) i returning id),
           people as (
             insert into users (id, email, display_name, password_hash, organisation_id, created_at, password_changed_at)
             select gen_random_uuid(), 'page-' || ? || '-' || row_number() over () || '@example.org', 'Person ' || row_number() over (), 'x', id, now(), now() from orgs returning id)
           insert into memberships (id, group_id, user_id, role, status, created_at)
           select gen_random_uuid(), ?, id, 'MEMBER', (case when row_number() over () <= ? then 'ACTIVE' else 'PENDING' end)::membership_status, now() from people`,
          [group.id, 2 * n, group.id, group.id, n],
        );
        return { n, group, asConvenor };
      }
      const counts: number[] = [];
      for (const { n, group, asConvenor } of [await groupWith(20), await groupWith(100)]) {
        const page = await pageStatements<{ workingGroup: Record<List, Page> }>(api, asConvenor, LIST, {
          slug: group.slug,
          first: n,
        });
        expect([
          page.data.workingGroup.members.nodes.length,
          page.data.workingGroup.pendingRequests.nodes.length,
        ]).toEqual([n, n]);
        counts.push(page.statements);
      }
      expect(counts[0]).toBeGreaterThan(0);
      expect(counts[1]).toBe(counts[0]);
    });
  });

  describe('the groups page', () => {
    it('names the viewer and their organisation on their own membership, on a group’s page and in the list', async () => {
      const organisation = await api.data.organisation();
      const person = await api.data.user({ displayName: `Amal ${unique()}`, organisation });
      const [mine, other] = [await api.data.group(), await api.data.group()];
      await api.data.membership(mine, person, MembershipRole.CONVENOR);
      const client = await api.signedIn(person);
      const OWN = `viewerMembership { role user { id displayName organisation { id name } } }`;
      const expected = {
        role: MembershipRole.CONVENOR,
        user: {
          id: person.id,
          displayName: person.displayName,
          organisation: { id: organisation.id, name: organisation.name },
        },
      };
      const page = dataOf(
        await client.request<{ workingGroup: { viewerMembership: unknown } }>(
          `query G($slug: String!) { workingGroup(slug: $slug) { ${OWN} } }`,
          { slug: mine.slug },
        ),
      );
      expect(page.workingGroup.viewerMembership).toEqual(expected);
      const list = dataOf(
        await client.request<{ workingGroups: { id: string; viewerMembership: unknown }[] }>(
          `{ workingGroups { id ${OWN} } }`,
        ),
      );
      expect(list.workingGroups.find((g) => g.id === mine.id)?.viewerMembership).toEqual(expected);
      expect(list.workingGroups.find((g) => g.id === other.id)?.viewerMembership).toBeNull();
    });

    it('lists the groups (as the web asks, and with levels and member lists) in as many SQL statements for a person in 100 groups as in 20', async () => {
      const sql = <T>(query: string, params: unknown[] = []) =>
        api.orm.em.fork().getConnection().execute<T[]>(query, params);
      const SUMMARY = `id slug name purpose joinPolicy memberListVisibility contentFreeNotifications memberCount viewerCanManage viewerMembership { id role status }`;
      const WEB_LIST = `query WorkingGroups { workingGroups { ${SUMMARY} } }`;
      const PERSON = `id role user { id displayName organisation { id name } }`;
      const FULL_LIST = `{ workingGroups { ${SUMMARY} notificationLevel members(first: 5) { nodes { ${PERSON} } hasNextPage } convenors { ${PERSON} } pendingRequests(first: 5) { nodes { ${PERSON} } hasNextPage } } }`;
      interface Listed {
        id: string;
        memberCount: number | null;
        notificationLevel?: string;
        members?: { nodes: unknown[] } | null;
        convenors?: unknown[] | null;
        pendingRequests?: { nodes: unknown[] } | null;
      }
      /** A person who convenes n groups, each with two members, one applicant and (for half) a chosen level. */
      async function convenorOf(n: number) {
        const convenor = await api.data.user();
        const groups: string[] = Array.from({ length: n }, () => randomUUID());
        const ids = `{${groups.join(',')}}`;
        await sql(
          `insert into working_groups (id, slug, name, purpose, created_at, updated_at) select id, 'list-' || id, 'List group ' || id, 'A group for the list test.', now(), now() from unnest(?::uuid[]) id`,
          [ids],
        );
        await sql(
          `with people as (
             insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
             select gen_random_uuid(), 'list-' || g || '-' || k || '@example.org', 'Person ' || k, 'x', now(), now() from unnest(?::uuid[]) g, generate_series(1, 3) k
             returning id, email)
           insert into memberships (id, group_id, user_id, role, status, created_at)
           select gen_random_uuid(), substring(email from 6 for 36)::uuid, id, 'MEMBER'::membership_role, (case when email like '%-3@%' then 'PENDING' else 'ACTIVE' end)::membership_status, now() from people
           union all select gen_random_uuid(), g, ?, 'CONVENOR'::membership_role, 'ACTIVE'::membership_status, now() from unnest(?::uuid[]) g`,
          [ids, convenor.id, ids],
        );
        await sql(
          `insert into group_notification_preferences (user_id, group_id, level) select ?, g, 'MUTED' from unnest(?::uuid[]) g`,
          [convenor.id, `{${groups.slice(0, n / 2).join(',')}}`],
        );
        return { n, groups, client: await api.signedIn(convenor) };
      }

      const counts: number[][] = [];
      for (const { n, groups, client } of [await convenorOf(20), await convenorOf(100)]) {
        const mine = (listed: { workingGroups: Listed[] }) => listed.workingGroups.filter((g) => groups.includes(g.id));
        const web = await pageStatements<{ workingGroups: Listed[] }>(api, client, WEB_LIST);
        expect(mine(web.data).map((g) => g.memberCount)).toEqual(Array(n).fill(3));
        const full = await pageStatements<{ workingGroups: Listed[] }>(api, client, FULL_LIST);
        expect(
          mine(full.data).map((g) => [g.members?.nodes.length, g.convenors?.length, g.pendingRequests?.nodes.length]),
        ).toEqual(Array(n).fill([3, 1, 1]));
        expect(mine(full.data).filter((g) => g.notificationLevel === 'MUTED')).toHaveLength(n / 2);
        counts.push([web.statements, full.statements]);
      }
      expect(counts[0]!.every((c) => c > 0)).toBe(true);
      expect(counts[1]).toEqual(counts[0]);
    });
  });

  describe('a group keeps at least one convenor', () => {
    interface Convenor {
      user: User;
      membership: Membership;
      client: GqlClient;
    }
    async function addConvenor(group: WorkingGroup): Promise<Convenor> {
      const user = await api.data.user();
      const membership = await api.data.membership(group, user, MembershipRole.CONVENOR);
      return { user, membership, client: await api.signedIn(user) };
    }
    /** A group whose `first` convenor may or may not be its only one. */
    async function groupWithConvenors(
      count: 1 | 2,
    ): Promise<{ group: WorkingGroup; first: Convenor; others: Convenor[] }> {
      const group = await api.data.group();
      const first = await addConvenor(group);
      const others = count === 2 ? [await addConvenor(group)] : [];
      return { group, first, others };
    }

    const activeConvenors = async (group: WorkingGroup) =>
      (await membershipRows(api, group.id))
        .filter((row) => row.role === MembershipRole.CONVENOR && row.status === MembershipStatus.ACTIVE)
        .map((row) => row.userId);

    /** Ways the first convenor stops being one. */
    const stepDowns: [string, (group: WorkingGroup, first: Convenor, admin: GqlClient) => Promise<GqlResult>][] = [
      [
        'the convenor demotes themselves',
        (_group, first) =>
          first.client.request(SET_ROLE, { input: { membershipId: first.membership.id, role: MembershipRole.MEMBER } }),
      ],
      [
        'an admin demotes the convenor',
        (_group, first, admin) =>
          admin.request(SET_ROLE, { input: { membershipId: first.membership.id, role: MembershipRole.OBSERVER } }),
      ],
      ['the convenor leaves', (group, first) => first.client.request(LEAVE, { groupId: group.id })],
      [
        'the convenor removes themselves',
        (_group, first) => first.client.request(REMOVE, { membershipId: first.membership.id }),
      ],
      [
        'an admin removes the convenor',
        (_group, first, admin) => admin.request(REMOVE, { membershipId: first.membership.id }),
      ],
    ];

    it.each(stepDowns)(
      'refuses when %s and they are the last one (CONFLICT, LAST_CONVENOR)',
      async (_label, stepDown) => {
        const { group, first } = await groupWithConvenors(1);
        const admin = await api.signedIn(await api.data.admin());
        const before = await membershipRows(api, group.id);
        const result = await stepDown(group, first, admin);
        expect(codeOf(result)).toBe('CONFLICT');
        expect(reasonOf(result)).toBe('LAST_CONVENOR');
        expect(await membershipRows(api, group.id)).toEqual(before);
      },
    );

    it.each(stepDowns)('allows it when %s and there is a second convenor', async (_label, stepDown) => {
      const { group, first, others } = await groupWithConvenors(2);
      const admin = await api.signedIn(await api.data.admin());
      const result = await stepDown(group, first, admin);
      expect(codeOf(result)).toBe('OK');
      expect(await activeConvenors(group)).toEqual(others.map((c) => c.user.id));
    });

    // Several rounds each, so that the two changes really do overlap in at least some of them.
    it('keeps a convenor when the only two demote each other at the same moment', async () => {
      for (let round = 0; round < 5; round++) {
        const { group, first, others } = await groupWithConvenors(2);
        const results = await Promise.all(
          others.flatMap((second) => [
            first.client.request(SET_ROLE, {
              input: { membershipId: second.membership.id, role: MembershipRole.MEMBER },
            }),
            second.client.request(SET_ROLE, {
              input: { membershipId: first.membership.id, role: MembershipRole.MEMBER },
            }),
          ]),
        );
        // The one that goes second is refused: either it would leave no convenor (CONFLICT), or
        // its author has just been demoted and may no longer change roles (FORBIDDEN).
        const codes = results.map(codeOf).sort();
        expect(codes[1]).toBe('OK');
        expect(['CONFLICT', 'FORBIDDEN']).toContain(codes[0]);
        expect(await activeConvenors(group)).toHaveLength(1);
      }
    });

    it('keeps a convenor when an admin demotes both at the same moment', async () => {
      const admin = await api.signedIn(await api.data.admin());
      for (let round = 0; round < 5; round++) {
        const { group, first, others } = await groupWithConvenors(2);
        const results = await Promise.all(
          [first, ...others].map((c) =>
            admin.request(SET_ROLE, { input: { membershipId: c.membership.id, role: MembershipRole.MEMBER } }),
          ),
        );
        // The one that goes second is refused: either it would leave no convenor (CONFLICT), or
        // its author has just been demoted and may no longer change roles (FORBIDDEN).
        const codes = results.map(codeOf).sort();
        expect(codes[1]).toBe('OK');
        expect(['CONFLICT', 'FORBIDDEN']).toContain(codes[0]);
        expect(await activeConvenors(group)).toHaveLength(1);
      }
    });

    it('keeps a convenor when both leave at the same moment', async () => {
      for (let round = 0; round < 5; round++) {
        const { group, first, others } = await groupWithConvenors(2);
        const results = await Promise.all(
          [first, ...others].map((c) => c.client.request(LEAVE, { groupId: group.id })),
        );
        // The one that goes second is refused: either it would leave no convenor (CONFLICT), or
        // its author has just been demoted and may no longer change roles (FORBIDDEN).
        const codes = results.map(codeOf).sort();
        expect(codes[1]).toBe('OK');
        expect(['CONFLICT', 'FORBIDDEN']).toContain(codes[0]);
        expect(await activeConvenors(group)).toHaveLength(1);
      }
    });
  });

  describe('creating a group with bad input', () => {
    const valid = () => ({
      slug: `new-group-${unique()}`,
      name: 'Legal clinics',
      purpose: 'Free legal advice sessions.',
      joinPolicy: JoinPolicy.REQUEST,
      memberListVisibility: MemberListVisibility.MEMBERS,
    });
    const visibleGroupCount = async (client: GqlClient) =>
      dataOf(await client.request<{ workingGroups: unknown[] }>(GROUPS)).workingGroups.length;

    it.each<[string, (existing: WorkingGroup) => Partial<ReturnType<typeof valid>>, string]>([
      ['a slug another group has', (existing) => ({ slug: existing.slug }), 'slug'],
      ['a slug with spaces', () => ({ slug: `legal clinics ${unique()}` }), 'slug'],
      ['a slug with spaces and capitals', () => ({ slug: `Legal Clinics ${unique()}` }), 'slug'],
      ['a slug with other punctuation', () => ({ slug: `legal_clinics.${unique()}` }), 'slug'],
      ['a one-letter slug', () => ({ slug: 'x' }), 'slug'],
      ['a name over 80 characters', () => ({ name: 'n'.repeat(81) }), 'name'],
      ['an empty purpose', () => ({ purpose: '' }), 'purpose'],
      ['a purpose of only spaces', () => ({ purpose: '   ' }), 'purpose'],
    ])('refuses %s with BAD_USER_INPUT naming the field, and creates nothing', async (_label, change, field) => {
      const existing = await api.data.group();
      const before = await groupRow(api, existing.slug);
      const admin = await api.signedIn(await api.data.admin());
      const countBefore = await visibleGroupCount(admin);
      const input = { ...valid(), ...change(existing) };

      const result = await admin.request(CREATE_GROUP, { input });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(Object.keys(result.errors?.[0]?.extensions?.fields ?? {})).toEqual([field]);
      expect(result.data).toBeNull();
      expect(await visibleGroupCount(admin)).toBe(countBefore);
      expect(await groupRow(api, input.slug.toLowerCase())).toEqual(
        field === 'slug' && input.slug === existing.slug ? before : null,
      );
    });

    it('accepts exactly 80 characters of name', async () => {
      const admin = await api.signedIn(await api.data.admin());
      const input = { ...valid(), name: 'n'.repeat(80) };
      const result = await admin.request<{ createWorkingGroup: { slug: string } }>(CREATE_GROUP, { input });
      expect(dataOf(result).createWorkingGroup.slug).toBe(input.slug);
      expect((await groupRow(api, input.slug))?.name).toBe(input.name);
    });

    // The service folds a slug to lower case rather than refusing capitals; the address then works
    // in either spelling.
    it('folds capitals in a slug to lower case instead of refusing them', async () => {
      const admin = await api.signedIn(await api.data.admin());
      const lower = `legal-clinics-${unique()}`;
      const result = await admin.request<{ createWorkingGroup: { slug: string } }>(CREATE_GROUP, {
        input: { ...valid(), slug: lower.toUpperCase() },
      });
      expect(dataOf(result).createWorkingGroup.slug).toBe(lower);
      expect(await groupRow(api, lower)).toMatchObject({ slug: lower });
      expect(await groupRow(api, lower.toUpperCase())).toBeNull();
      expect((await groupAs(admin, lower.toUpperCase())).slug).toBe(lower);
    });
  });

  describe('unknown and malformed addresses', () => {
    it('answers NOT_FOUND for a slug no group has', async () => {
      const client = await api.signedIn(await api.data.user());
      for (const slug of [`no-such-group-${unique()}`, '', 'x'.repeat(500), "'; drop table working_groups; --"]) {
        const result = await client.request(GROUP, { slug });
        expect(codeOf(result)).toBe('NOT_FOUND');
        expect(result.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
      }
    });

    const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
    const operations: [string, string, (id: string) => Record<string, unknown>][] = [
      ['requestToJoin', REQUEST_TO_JOIN, (id) => ({ input: { groupId: id } })],
      ['inviteMember', INVITE_MEMBER, (id) => ({ input: { groupId: id, email: `someone-${unique()}@example.org` } })],
      ['respondToInvitation', RESPOND, (id) => ({ groupId: id, accept: true })],
      ['decideMembership', DECIDE, (id) => ({ input: { membershipId: id, approve: true } })],
      ['setMemberRole', SET_ROLE, (id) => ({ input: { membershipId: id, role: MembershipRole.MEMBER } })],
      ['leaveGroup', LEAVE, (id) => ({ groupId: id })],
      ['removeMember', REMOVE, (id) => ({ membershipId: id })],
      ['updateWorkingGroup', UPDATE_GROUP, (id) => ({ input: { id, name: 'Renamed' } })],
    ];
    const badIds = [
      'nope',
      '',
      ' ',
      '123',
      `${NO_SUCH_ID}x`,
      'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
      NO_SUCH_ID,
      NO_SUCH_ID.toUpperCase(),
    ];

    it.each(operations)(
      '%s answers NOT_FOUND or BAD_USER_INPUT for malformed and unknown ids, never an internal error or a stack',
      async (_name, document, variables) => {
        // A network admin passes every access check, so the id itself is what is judged.
        const admin = await api.signedIn(await api.data.admin());
        for (const id of badIds) {
          const result = await admin.request(document, variables(id));
          expect({ id, code: codeOf(result) }).toEqual({
            id,
            code: expect.stringMatching(/^(NOT_FOUND|BAD_USER_INPUT)$/),
          });
          expect(result.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
          expect(JSON.stringify(result)).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
        }
      },
    );

    it('refuses a malformed or unknown organisation id in a profile with BAD_USER_INPUT naming the field', async () => {
      const client = await api.signedIn(await api.data.user());
      for (const organisationId of ['nope', ' ', NO_SUCH_ID]) {
        const result = await client.request(UPDATE_PROFILE, {
          input: { displayName: 'Someone', locale: 'en', timeZone: 'UTC', organisationId },
        });
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(Object.keys(result.errors?.[0]?.extensions?.fields ?? {})).toEqual(['organisationId']);
        expect(result.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
      }
    });

    it('answers an id of the wrong type or an unknown enum value with BAD_USER_INPUT and no stack', async () => {
      const admin = await api.signedIn(await api.data.admin());
      const { group } = await convenedGroup();
      const results = [
        await admin.request(LEAVE, { groupId: { id: group.id } }),
        await admin.request(SET_ROLE, { input: { membershipId: NO_SUCH_ID, role: 'KING' } }),
        await admin.request('mutation { leaveGroup(groupId: ', {}),
      ];
      for (const result of results) {
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
      }
    });

    it('shows no stack on refusals either', async () => {
      const { group } = await convenedGroup({ joinPolicy: JoinPolicy.INVITE_ONLY });
      const results = [
        await api.client().request(GROUP, { slug: group.slug }),
        await (await api.signedIn(await api.data.user())).request(REQUEST_TO_JOIN, { input: { groupId: group.id } }),
        await (
          await api.signedIn(await api.data.user())
        ).request(CREATE_GROUP, {
          input: {
            slug: `x-${unique()}`,
            name: 'X',
            purpose: 'X',
            joinPolicy: JoinPolicy.OPEN,
            memberListVisibility: MemberListVisibility.MEMBERS,
          },
        }),
      ];
      expect(results.map(codeOf)).toEqual(['UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN']);
      for (const result of results) {
        expect(result.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
        expect(Object.keys(result.errors?.[0]?.extensions ?? {}).sort()).toEqual(['code', 'reason']);
      }
    });
  });
});
