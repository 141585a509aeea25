// Who may do what: every query and mutation in schema.gql, tried as each persona against a fresh
// group. Allowed personas must get the real effect; refused ones the right extensions.code, and a
// refused mutation must leave the database as it was.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  JoinPolicy,
  MemberListVisibility,
  MembershipRole,
  MembershipStatus,
  NotificationCategory,
  SignUpMode,
} from '@convene/shared-contracts';
import { NotificationPreferencesService } from '@convene/server-notifications';
import { TEST_PASSWORD } from '@convene/server-testing';
import { type GqlClient, useApiHarness } from './api-harness.js';
import {
  codeOf,
  countWhere,
  dataOf,
  groupPersonas,
  groupRow,
  membershipRows,
  type Persona,
  type SignedInPersona,
} from './group-personas.js';
import { invitationToken, waitForMail } from './mail-delivery.js';

type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT';

const PERSONAS: Persona[] = ['anonymous', 'outsider', 'member', 'convenor', 'admin'];

/** One row per persona, in a fixed order, so each operation's table reads left to right. */
const matrix = (outcomes: Record<Persona, Outcome>): [Persona, Outcome][] => PERSONAS.map((p) => [p, outcomes[p]]);
const everyone = (outcome: Outcome) =>
  matrix({ anonymous: outcome, outsider: outcome, member: outcome, convenor: outcome, admin: outcome });
const signedIn = matrix({ anonymous: 'UNAUTHENTICATED', outsider: 'OK', member: 'OK', convenor: 'OK', admin: 'OK' });
const adminsOnly = matrix({
  anonymous: 'UNAUTHENTICATED',
  outsider: 'FORBIDDEN',
  member: 'FORBIDDEN',
  convenor: 'FORBIDDEN',
  admin: 'OK',
});
const managers = (outsider: Outcome) =>
  matrix({ anonymous: 'UNAUTHENTICATED', outsider, member: 'FORBIDDEN', convenor: 'OK', admin: 'OK' });

const unique = () => randomUUID().replace(/-/g, '').slice(0, 12);
const freshEmail = () => `authz-${unique()}@example.org`;
const NEW_PASSWORD = 'a different long phrase for this account';

const ME = `{ me { id email displayName } }`;
const NETWORK_SETTINGS = `{ networkSettings { signUpMode } }`;
const INVITATION = `query Invitation($token: String!) { invitation(token: $token) { email groupName expiresAt } }`;
const ORGANISATIONS = `{ partnerOrganisations { id name } }`;
const GROUP_FIELDS = `id slug name purpose memberCount viewerCanManage viewerMembership { role status user { id } }
  members { nodes { user { id } } } convenors { user { id } } pendingRequests { nodes { user { id } } }`;
// The member lists a page at a time: `after` is a cursor someone who may see the list was given.
const MEMBER_PAGES = `query Pages($slug: String!, $first: Int, $membersAfter: String, $requestsAfter: String) { workingGroup(slug: $slug) {
  members(first: $first, after: $membersAfter) { nodes { user { id } } endCursor hasNextPage }
  pendingRequests(first: $first, after: $requestsAfter) { nodes { user { id } } endCursor hasNextPage } } }`;
const GROUP = `query Group($slug: String!) { workingGroup(slug: $slug) { ${GROUP_FIELDS} } }`;
// The list is read without the nested member lists: those are resolved one group at a time, and the
// test database holds every group earlier runs made.
const GROUPS = `{ workingGroups { id slug name purpose memberCount viewerCanManage viewerMembership { role status user { id } } } }`;

const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { id email } }`;
const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { id email } }`;
const SIGN_OUT = `mutation { signOut }`;
const UPDATE_PROFILE = `mutation Profile($input: UpdateProfileInput!) { updateProfile(input: $input) { id displayName } }`;
const CHANGE_PASSWORD = `mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const INVITE_TO_NETWORK = `mutation InviteToNetwork($input: InviteToNetworkInput!) { inviteToNetwork(input: $input) { id email } }`;
const UPDATE_SETTINGS = `mutation Settings($mode: SignUpMode!) { updateNetworkSettings(signUpMode: $mode) { signUpMode } }`;
const CREATE_GROUP = `mutation Create($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id slug viewerCanManage viewerMembership { role status } } }`;
const UPDATE_GROUP = `mutation Update($input: UpdateWorkingGroupInput!) { updateWorkingGroup(input: $input) { id name } }`;
const REQUEST_TO_JOIN = `mutation Request($input: RequestToJoinInput!) { requestToJoin(input: $input) { id role status user { id } } }`;
const INVITE_MEMBER = `mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) { email } }`;
const RESPOND = `mutation Respond($groupId: ID!, $accept: Boolean!) { respondToInvitation(groupId: $groupId, accept: $accept) { id role status } }`;
const DECIDE = `mutation Decide($input: DecideMembershipInput!) { decideMembership(input: $input) { id status user { id } } }`;
const SET_ROLE = `mutation SetRole($input: SetMemberRoleInput!) { setMemberRole(input: $input) { id role user { id } } }`;
const LEAVE = `mutation Leave($groupId: ID!) { leaveGroup(groupId: $groupId) }`;
const REMOVE = `mutation Remove($membershipId: ID!) { removeMember(membershipId: $membershipId) }`;

interface MembershipSeen {
  user: { id: string };
}
interface MembershipPageSeen {
  nodes: MembershipSeen[];
  endCursor: string | null;
  hasNextPage: boolean;
}
interface GroupSeen {
  id: string;
  slug: string;
  name: string;
  purpose: string;
  memberCount: number | null;
  viewerCanManage: boolean;
  viewerMembership: { role: MembershipRole; status: MembershipStatus; user: { id: string } } | null;
  members: MembershipPageSeen | null;
  convenors: MembershipSeen[] | null;
  pendingRequests: MembershipPageSeen | null;
}

type GroupSummary = Omit<GroupSeen, 'members' | 'convenors' | 'pendingRequests'>;

const ids = (list: MembershipSeen[] | MembershipPageSeen | null) =>
  list ? ('nodes' in list ? list.nodes : list).map((m) => m.user.id).sort() : null;

describe('who may do what, persona by persona: the real effect when allowed, the code and nothing changed when refused', () => {
  const api = useApiHarness({}, { deliverMail: true });

  /** Sets the network's sign-up mode as a network admin, checking that it took. */
  async function setSignUpMode(admin: GqlClient, mode: SignUpMode): Promise<void> {
    expect(
      dataOf(await admin.request<{ updateNetworkSettings: { signUpMode: SignUpMode } }>(UPDATE_SETTINGS, { mode }))
        .updateNetworkSettings.signUpMode,
    ).toBe(mode);
  }

  describe('queries', () => {
    describe('me', () => {
      it.each(everyone('OK'))(
        '%s → %s, and it is their own account (null when anonymous)',
        async (persona, expected) => {
          const w = await groupPersonas(api);
          const result = await (await w.as(persona)).request<{ me: { id: string; email: string } | null }>(ME);
          expect(codeOf(result)).toBe(expected);
          const me = dataOf(result).me;
          if (persona === 'anonymous') expect(me).toBeNull();
          else
            expect(me).toEqual(expect.objectContaining({ id: w.people[persona].id, email: w.people[persona].email }));
        },
      );
    });

    describe('networkSettings', () => {
      it.each(everyone('OK'))('%s → %s, and it reports the mode as stored', async (persona, expected) => {
        const w = await groupPersonas(api);
        for (const mode of [SignUpMode.OPEN, SignUpMode.INVITATION_ONLY]) {
          await setSignUpMode(await w.as('admin'), mode);
          const result = await (
            await w.as(persona)
          ).request<{ networkSettings: { signUpMode: SignUpMode } }>(NETWORK_SETTINGS);
          expect(codeOf(result)).toBe(expected);
          expect(dataOf(result).networkSettings.signUpMode).toBe(mode);
        }
      });
    });

    describe('invitation', () => {
      it.each(everyone('OK'))('%s → %s for a valid token, showing its address and group', async (persona, expected) => {
        const w = await groupPersonas(api);
        const email = freshEmail();
        dataOf(await (await w.as('convenor')).request(INVITE_MEMBER, { input: { groupId: w.group.id, email } }));
        const token = invitationToken(await waitForMail(await w.as('convenor'), email), api.config.publicUrl);

        const result = await (
          await w.as(persona)
        ).request<{ invitation: { email: string; groupName: string | null } }>(INVITATION, { token });
        expect(codeOf(result)).toBe(expected);
        expect(dataOf(result).invitation).toMatchObject({ email, groupName: w.group.name });
      });

      it.each(everyone('NOT_FOUND'))('%s → %s for a token that was never issued', async (persona, expected) => {
        const w = await groupPersonas(api);
        const result = await (await w.as(persona)).request(INVITATION, { token: `not-a-token-${unique()}` });
        expect(codeOf(result)).toBe(expected);
        expect(result.data).toBeNull();
      });
    });

    describe('partnerOrganisations', () => {
      it.each(signedIn)('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api);
        const organisation = await api.data.organisation();
        const result = await (
          await w.as(persona)
        ).request<{ partnerOrganisations: { id: string; name: string }[] }>(ORGANISATIONS);
        expect(codeOf(result)).toBe(expected);
        if (expected === 'OK')
          expect(dataOf(result).partnerOrganisations).toContainEqual({ id: organisation.id, name: organisation.name });
        else expect(result.data).toBeNull();
      });
    });

    describe('workingGroups', () => {
      it.each(signedIn)('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api);
        const result = await (await w.as(persona)).request<{ workingGroups: GroupSummary[] }>(GROUPS);
        expect(codeOf(result)).toBe(expected);
        if (expected === 'OK')
          expect(dataOf(result).workingGroups).toContainEqual(
            expect.objectContaining({ id: w.group.id, name: w.group.name, purpose: w.group.purpose }),
          );
        else expect(result.data).toBeNull();
      });
    });

    describe('workingGroup', () => {
      it.each(signedIn)('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api);
        const result = await (await w.as(persona)).request<{ workingGroup: GroupSeen }>(GROUP, { slug: w.group.slug });
        expect(codeOf(result)).toBe(expected);
        if (expected === 'OK')
          expect(dataOf(result).workingGroup).toMatchObject({ id: w.group.id, slug: w.group.slug, name: w.group.name });
        else expect(result.data).toBeNull();
      });

      it.each(
        matrix({
          anonymous: 'UNAUTHENTICATED',
          outsider: 'NOT_FOUND',
          member: 'NOT_FOUND',
          convenor: 'NOT_FOUND',
          admin: 'NOT_FOUND',
        }),
      )('%s → %s for a slug no group has', async (persona, expected) => {
        const w = await groupPersonas(api);
        expect(codeOf(await (await w.as(persona)).request(GROUP, { slug: `no-such-group-${unique()}` }))).toBe(
          expected,
        );
      });
    });

    // What each persona may see of a group: one active member, the one convenor, one pending applicant.
    describe.each([MemberListVisibility.MEMBERS, MemberListVisibility.CONVENORS])(
      'group fields with memberListVisibility %s',
      (visibility) => {
        interface Seen {
          members: boolean;
          convenors: boolean;
          pendingRequests: boolean;
          memberCount: number | null;
          viewerMembership: MembershipRole | null;
          viewerCanManage: boolean;
        }
        const plainMemberSeesList = visibility === MemberListVisibility.MEMBERS;
        const rows: [SignedInPersona, Seen][] = [
          [
            'outsider',
            {
              members: false,
              convenors: false,
              pendingRequests: false,
              memberCount: null,
              viewerMembership: null,
              viewerCanManage: false,
            },
          ],
          [
            'member',
            {
              members: plainMemberSeesList,
              convenors: true,
              pendingRequests: false,
              memberCount: 2,
              viewerMembership: MembershipRole.MEMBER,
              viewerCanManage: false,
            },
          ],
          [
            'convenor',
            {
              members: true,
              convenors: true,
              pendingRequests: true,
              memberCount: 2,
              viewerMembership: MembershipRole.CONVENOR,
              viewerCanManage: true,
            },
          ],
          [
            'admin',
            {
              members: true,
              convenors: true,
              pendingRequests: true,
              memberCount: 2,
              viewerMembership: null,
              viewerCanManage: true,
            },
          ],
        ];

        it.each(rows)('%s sees %j', async (persona, seen) => {
          const w = await groupPersonas(api, { memberListVisibility: visibility });
          const applicant = await api.data.user();
          await api.data.membership(w.group, applicant, MembershipRole.MEMBER, MembershipStatus.PENDING);
          const client = await w.as(persona);

          const one = dataOf(
            await client.request<{ workingGroup: GroupSeen }>(GROUP, { slug: w.group.slug }),
          ).workingGroup;
          const inList = dataOf(await client.request<{ workingGroups: GroupSummary[] }>(GROUPS)).workingGroups.find(
            (g) => g.id === w.group.id,
          );

          const summary = {
            memberCount: seen.memberCount,
            viewerCanManage: seen.viewerCanManage,
            viewerMembership: seen.viewerMembership
              ? { role: seen.viewerMembership, status: MembershipStatus.ACTIVE, user: { id: w.people[persona].id } }
              : null,
          };
          expect({
            memberCount: one.memberCount,
            viewerCanManage: one.viewerCanManage,
            viewerMembership: one.viewerMembership,
            members: ids(one.members),
            convenors: ids(one.convenors),
            pendingRequests: ids(one.pendingRequests),
          }).toEqual({
            ...summary,
            members: seen.members ? [w.people.member.id, w.people.convenor.id].sort() : null,
            convenors: seen.convenors ? [w.people.convenor.id] : null,
            pendingRequests: seen.pendingRequests ? [applicant.id] : null,
          });
          expect(inList).toBeDefined();
          expect({
            memberCount: inList?.memberCount,
            viewerCanManage: inList?.viewerCanManage,
            viewerMembership: inList?.viewerMembership,
          }).toEqual(summary);

          // A page at a time, the lists show the same people, convenors first; a cursor a manager was
          // given opens nothing to someone who may not see the list.
          type Pages = {
            workingGroup: { members: MembershipPageSeen | null; pendingRequests: MembershipPageSeen | null };
          };
          const given = dataOf(
            await (await w.as('admin')).request<Pages>(MEMBER_PAGES, { slug: w.group.slug, first: 1 }),
          ).workingGroup;
          const first = dataOf(
            await client.request<Pages>(MEMBER_PAGES, { slug: w.group.slug, first: 1 }),
          ).workingGroup;
          const next = dataOf(
            await client.request<Pages>(MEMBER_PAGES, {
              slug: w.group.slug,
              first: 1,
              membersAfter: given.members!.endCursor,
              requestsAfter: given.pendingRequests!.endCursor,
            }),
          ).workingGroup;
          const seenInPages = (a: MembershipPageSeen | null, b: MembershipPageSeen | null) =>
            a && b
              ? { ids: [...a.nodes, ...b.nodes].map((m) => m.user.id), more: [a.hasNextPage, b.hasNextPage] }
              : [a, b];
          expect({
            members: seenInPages(first.members, next.members),
            pendingRequests: seenInPages(first.pendingRequests, next.pendingRequests),
          }).toEqual({
            members: seen.members
              ? { ids: [w.people.convenor.id, w.people.member.id], more: [true, false] }
              : [null, null],
            pendingRequests: seen.pendingRequests ? { ids: [applicant.id], more: [false, false] } : [null, null],
          });
        });

        it('the pending applicant sees their own request and nothing of the members', async () => {
          const w = await groupPersonas(api, { memberListVisibility: visibility });
          const applicant = await api.data.user();
          await api.data.membership(w.group, applicant, MembershipRole.MEMBER, MembershipStatus.PENDING);
          const group = dataOf(
            await (await api.signedIn(applicant)).request<{ workingGroup: GroupSeen }>(GROUP, { slug: w.group.slug }),
          ).workingGroup;
          expect(group).toMatchObject({
            memberCount: null,
            viewerCanManage: false,
            viewerMembership: { status: MembershipStatus.PENDING, user: { id: applicant.id } },
            members: null,
            convenors: null,
            pendingRequests: null,
          });
        });
      },
    );
  });

  describe('mutations', () => {
    describe('signUp', () => {
      it.each(everyone('OK'))(
        '%s → %s on an open network, and the new account is signed in',
        async (persona, expected) => {
          const w = await groupPersonas(api);
          await setSignUpMode(await w.as('admin'), SignUpMode.OPEN);
          const client = await w.as(persona);
          const email = freshEmail();
          const result = await client.request<{ signUp: { id: string; email: string } }>(SIGN_UP, {
            input: { email, password: NEW_PASSWORD, displayName: 'New Person' },
          });
          expect(codeOf(result)).toBe(expected);
          const created = dataOf(result).signUp;
          expect(created.email).toBe(email);
          expect(dataOf(await client.request<{ me: { id: string } | null }>(ME)).me?.id).toBe(created.id);
          expect(await countWhere(api, 'users', 'email', email)).toBe(1);
        },
      );

      it.each(everyone('FORBIDDEN'))(
        '%s → %s without an invitation on an invitation-only network, and no account is made',
        async (persona, expected) => {
          const w = await groupPersonas(api);
          await setSignUpMode(await w.as('admin'), SignUpMode.INVITATION_ONLY);
          const email = freshEmail();
          const result = await (
            await w.as(persona)
          ).request(SIGN_UP, { input: { email, password: NEW_PASSWORD, displayName: 'New Person' } });
          expect(codeOf(result)).toBe(expected);
          expect(await countWhere(api, 'users', 'email', email)).toBe(0);
        },
      );
    });

    describe('signIn', () => {
      it.each(everyone('OK'))(
        '%s → %s with the right password, UNAUTHENTICATED with a wrong one',
        async (persona, expected) => {
          const w = await groupPersonas(api);
          const other = await api.data.user();
          const client = await w.as(persona);
          const before = dataOf(await client.request<{ me: { id: string } | null }>(ME)).me;

          const wrong = await client.request(SIGN_IN, {
            input: { email: other.email, password: 'not the password at all' },
          });
          expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
          expect(dataOf(await client.request<{ me: { id: string } | null }>(ME)).me).toEqual(before);

          const right = await client.request<{ signIn: { id: string } }>(SIGN_IN, {
            input: { email: other.email, password: TEST_PASSWORD },
          });
          expect(codeOf(right)).toBe(expected);
          expect(dataOf(right).signIn.id).toBe(other.id);
          expect(dataOf(await client.request<{ me: { id: string } | null }>(ME)).me?.id).toBe(other.id);
        },
      );
    });

    describe('signOut', () => {
      it.each(everyone('OK'))('%s → %s, and a session it ended cannot be used again', async (persona, expected) => {
        const w = await groupPersonas(api);
        const client = await w.as(persona);
        const cookie = client.cookie;
        const result = await client.request<{ signOut: boolean }>(SIGN_OUT);
        expect(codeOf(result)).toBe(expected);
        expect(dataOf(result).signOut).toBe(persona !== 'anonymous');
        const replay = api.client();
        replay.cookie = cookie;
        expect(dataOf(await replay.request<{ me: unknown }>(ME)).me).toBeNull();
      });
    });

    describe('updateProfile', () => {
      it.each(signedIn)('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api);
        const displayName = `Renamed ${unique()}`;
        const client = await w.as(persona);
        const result = await client.request<{ updateProfile: { id: string; displayName: string } }>(UPDATE_PROFILE, {
          input: { displayName, locale: 'en', timeZone: 'Europe/London' },
        });
        expect(codeOf(result)).toBe(expected);
        if (persona === 'anonymous') {
          expect(await countWhere(api, 'users', 'display_name', displayName)).toBe(0);
          return;
        }
        expect(dataOf(result).updateProfile).toEqual({ id: w.people[persona].id, displayName });
        expect(dataOf(await client.request<{ me: { displayName: string } }>(ME)).me.displayName).toBe(displayName);
      });
    });

    describe('changePassword', () => {
      it.each(signedIn)('%s → %s, and only the new password signs in afterwards', async (persona, expected) => {
        const w = await groupPersonas(api);
        const result = await (
          await w.as(persona)
        ).request<{ changePassword: boolean }>(CHANGE_PASSWORD, {
          input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
        });
        expect(codeOf(result)).toBe(expected);
        if (persona === 'anonymous') return; // no account to change; the refusal is the whole effect
        expect(dataOf(result).changePassword).toBe(true);
        const { email } = w.people[persona];
        expect(codeOf(await api.client().signIn(email, NEW_PASSWORD))).toBe('OK');
        expect(codeOf(await api.client().signIn(email, TEST_PASSWORD))).toBe('UNAUTHENTICATED');
      });
    });

    describe('inviteToNetwork', () => {
      it.each(adminsOnly)('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api);
        const email = freshEmail();
        const result = await (
          await w.as(persona)
        ).request<{ inviteToNetwork: { email: string } }>(INVITE_TO_NETWORK, { input: { email } });
        expect(codeOf(result)).toBe(expected);
        if (expected === 'OK') {
          expect(dataOf(result).inviteToNetwork.email).toBe(email);
          const token = invitationToken(await waitForMail(await w.as('admin'), email), api.config.publicUrl);
          expect(
            dataOf(await api.client().request<{ invitation: { email: string } }>(INVITATION, { token })).invitation
              .email,
          ).toBe(email);
        } else {
          expect(result.data).toBeNull();
          expect(await countWhere(api, 'invitations', 'email', email)).toBe(0);
          expect(await countWhere(api, 'mail_messages', 'to_address', email)).toBe(0);
        }
      });
    });

    describe('updateNetworkSettings', () => {
      it.each(adminsOnly)('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api);
        const before = dataOf(
          await api.client().request<{ networkSettings: { signUpMode: SignUpMode } }>(NETWORK_SETTINGS),
        ).networkSettings.signUpMode;
        const target = before === SignUpMode.OPEN ? SignUpMode.INVITATION_ONLY : SignUpMode.OPEN;
        const result = await (
          await w.as(persona)
        ).request<{ updateNetworkSettings: { signUpMode: SignUpMode } }>(UPDATE_SETTINGS, { mode: target });
        expect(codeOf(result)).toBe(expected);
        const after = dataOf(
          await api.client().request<{ networkSettings: { signUpMode: SignUpMode } }>(NETWORK_SETTINGS),
        ).networkSettings.signUpMode;
        expect(after).toBe(expected === 'OK' ? target : before);
      });
    });

    describe('createWorkingGroup', () => {
      it.each(adminsOnly)('%s → %s, and the creator convenes the new group', async (persona, expected) => {
        const w = await groupPersonas(api);
        const slug = `authz-${unique()}`;
        const result = await (
          await w.as(persona)
        ).request<{
          createWorkingGroup: {
            id: string;
            slug: string;
            viewerCanManage: boolean;
            viewerMembership: { role: string; status: string };
          };
        }>(CREATE_GROUP, {
          input: {
            slug,
            name: 'Housing rights',
            purpose: 'Tenancy advice across the network.',
            joinPolicy: JoinPolicy.REQUEST,
            memberListVisibility: MemberListVisibility.MEMBERS,
          },
        });
        expect(codeOf(result)).toBe(expected);
        const stored = await groupRow(api, slug);
        if (expected === 'OK') {
          expect(dataOf(result).createWorkingGroup).toMatchObject({
            slug,
            viewerCanManage: true,
            viewerMembership: { role: MembershipRole.CONVENOR, status: MembershipStatus.ACTIVE },
          });
          expect(stored).toMatchObject({ slug, name: 'Housing rights' });
          expect(await membershipRows(api, dataOf(result).createWorkingGroup.id)).toEqual([
            { userId: w.people.admin.id, role: MembershipRole.CONVENOR, status: MembershipStatus.ACTIVE },
          ]);
        } else {
          expect(stored).toBeNull();
        }
      });
    });

    describe('updateWorkingGroup', () => {
      it.each(adminsOnly)('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api);
        const before = await groupRow(api, w.group.slug);
        const name = `Renamed group ${unique()}`;
        const result = await (
          await w.as(persona)
        ).request<{ updateWorkingGroup: { id: string; name: string } }>(UPDATE_GROUP, {
          input: { id: w.group.id, name, joinPolicy: JoinPolicy.OPEN },
        });
        expect(codeOf(result)).toBe(expected);
        const after = await groupRow(api, w.group.slug);
        if (expected === 'OK') {
          expect(dataOf(result).updateWorkingGroup).toEqual({ id: w.group.id, name });
          expect(after).toEqual({ ...before, name, joinPolicy: JoinPolicy.OPEN });
        } else {
          expect(after).toEqual(before);
        }
      });
    });

    describe('requestToJoin (a group that reviews requests)', () => {
      it.each(
        matrix({ anonymous: 'UNAUTHENTICATED', outsider: 'OK', member: 'CONFLICT', convenor: 'CONFLICT', admin: 'OK' }),
      )('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api, { joinPolicy: JoinPolicy.REQUEST });
        const before = await membershipRows(api, w.group.id);
        const result = await (
          await w.as(persona)
        ).request<{ requestToJoin: { role: string; status: string; user: { id: string } } }>(REQUEST_TO_JOIN, {
          input: { groupId: w.group.id, message: 'Please let me in.' },
        });
        expect(codeOf(result)).toBe(expected);
        const after = await membershipRows(api, w.group.id);
        if (expected === 'OK' && persona !== 'anonymous') {
          const person = w.people[persona];
          expect(dataOf(result).requestToJoin).toMatchObject({
            role: MembershipRole.MEMBER,
            status: MembershipStatus.PENDING,
            user: { id: person.id },
          });
          expect(after).toEqual(
            expect.arrayContaining([
              ...before,
              { userId: person.id, role: MembershipRole.MEMBER, status: MembershipStatus.PENDING },
            ]),
          );
          expect(after).toHaveLength(before.length + 1);
        } else {
          expect(after).toEqual(before);
        }
      });
    });

    describe('inviteMember (someone with an account)', () => {
      it.each(managers('FORBIDDEN'))('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api);
        const invitee = await api.data.user();
        const before = await membershipRows(api, w.group.id);
        const result = await (
          await w.as(persona)
        ).request<{ inviteMember: { email: string } }>(INVITE_MEMBER, {
          input: { groupId: w.group.id, email: invitee.email, role: MembershipRole.OBSERVER },
        });
        expect(codeOf(result)).toBe(expected);
        const after = await membershipRows(api, w.group.id);
        if (expected === 'OK') {
          expect(dataOf(result).inviteMember.email).toBe(invitee.email);
          expect(after).toEqual(
            expect.arrayContaining([
              ...before,
              { userId: invitee.id, role: MembershipRole.OBSERVER, status: MembershipStatus.INVITED },
            ]),
          );
          expect(after).toHaveLength(before.length + 1);
        } else {
          expect(after).toEqual(before);
        }
      });
    });

    describe("respondToInvitation (to someone else's invitation)", () => {
      it.each(
        matrix({
          anonymous: 'UNAUTHENTICATED',
          outsider: 'CONFLICT',
          member: 'CONFLICT',
          convenor: 'CONFLICT',
          admin: 'CONFLICT',
        }),
      )('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api);
        const invitee = await api.data.user();
        await api.data.membership(w.group, invitee, MembershipRole.OBSERVER, MembershipStatus.INVITED);
        const before = await membershipRows(api, w.group.id);
        const result = await (await w.as(persona)).request(RESPOND, { groupId: w.group.id, accept: true });
        expect(codeOf(result)).toBe(expected);
        expect(await membershipRows(api, w.group.id)).toEqual(before);
      });

      it('the invited person → OK, and becomes active in the invited role', async () => {
        const w = await groupPersonas(api);
        const invitee = await api.data.user();
        await api.data.membership(w.group, invitee, MembershipRole.OBSERVER, MembershipStatus.INVITED);
        const result = await (
          await api.signedIn(invitee)
        ).request<{ respondToInvitation: { role: string; status: string } }>(RESPOND, {
          groupId: w.group.id,
          accept: true,
        });
        expect(dataOf(result).respondToInvitation).toMatchObject({
          role: MembershipRole.OBSERVER,
          status: MembershipStatus.ACTIVE,
        });
        expect(await membershipRows(api, w.group.id)).toContainEqual({
          userId: invitee.id,
          role: MembershipRole.OBSERVER,
          status: MembershipStatus.ACTIVE,
        });
      });
    });

    describe('decideMembership (approving a join request)', () => {
      it.each(managers('NOT_FOUND'))('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api);
        const applicant = await api.data.user();
        const request = await api.data.membership(w.group, applicant, MembershipRole.MEMBER, MembershipStatus.PENDING);
        const before = await membershipRows(api, w.group.id);
        const result = await (
          await w.as(persona)
        ).request<{ decideMembership: { id: string; status: string; user: { id: string } } }>(DECIDE, {
          input: { membershipId: request.id, approve: true },
        });
        expect(codeOf(result)).toBe(expected);
        const after = await membershipRows(api, w.group.id);
        if (expected === 'OK') {
          expect(dataOf(result).decideMembership).toEqual({
            id: request.id,
            status: MembershipStatus.ACTIVE,
            user: { id: applicant.id },
          });
          expect(after).toEqual(
            before.map((row) => (row.userId === applicant.id ? { ...row, status: MembershipStatus.ACTIVE } : row)),
          );
        } else {
          expect(after).toEqual(before);
        }
      });

      it('a convenor of another group → NOT_FOUND, and the request stays pending', async () => {
        const w = await groupPersonas(api);
        const elsewhere = await groupPersonas(api);
        const applicant = await api.data.user();
        const request = await api.data.membership(w.group, applicant, MembershipRole.MEMBER, MembershipStatus.PENDING);
        const before = await membershipRows(api, w.group.id);
        expect(
          codeOf(
            await (
              await elsewhere.as('convenor')
            ).request(DECIDE, { input: { membershipId: request.id, approve: true } }),
          ),
        ).toBe('NOT_FOUND');
        expect(await membershipRows(api, w.group.id)).toEqual(before);
      });
    });

    describe('setMemberRole (making the member a convenor)', () => {
      it.each(managers('NOT_FOUND'))('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api);
        const before = await membershipRows(api, w.group.id);
        const result = await (
          await w.as(persona)
        ).request<{ setMemberRole: { id: string; role: string; user: { id: string } } }>(SET_ROLE, {
          input: { membershipId: w.memberships.member.id, role: MembershipRole.CONVENOR },
        });
        expect(codeOf(result)).toBe(expected);
        const after = await membershipRows(api, w.group.id);
        if (expected === 'OK') {
          expect(dataOf(result).setMemberRole).toEqual({
            id: w.memberships.member.id,
            role: MembershipRole.CONVENOR,
            user: { id: w.people.member.id },
          });
          expect(after).toEqual(
            before.map((row) => (row.userId === w.people.member.id ? { ...row, role: MembershipRole.CONVENOR } : row)),
          );
        } else {
          expect(after).toEqual(before);
        }
      });
    });

    describe('memberships that do not make someone a manager', () => {
      it.each<[string, MembershipRole, MembershipStatus, Outcome]>([
        ['an active observer', MembershipRole.OBSERVER, MembershipStatus.ACTIVE, 'FORBIDDEN'],
        ['an invited, not yet active, convenor', MembershipRole.CONVENOR, MembershipStatus.INVITED, 'NOT_FOUND'],
        ['a pending applicant', MembershipRole.MEMBER, MembershipStatus.PENDING, 'NOT_FOUND'],
      ])(
        '%s cannot decide requests (%s %s → %s), change roles or invite, and nothing changes',
        async (_label, role, status, expected) => {
          const w = await groupPersonas(api);
          const someone = await api.data.user();
          await api.data.membership(w.group, someone, role, status);
          const applicant = await api.data.user();
          const request = await api.data.membership(
            w.group,
            applicant,
            MembershipRole.MEMBER,
            MembershipStatus.PENDING,
          );
          const client = await api.signedIn(someone);
          const before = await membershipRows(api, w.group.id);

          expect(codeOf(await client.request(DECIDE, { input: { membershipId: request.id, approve: true } }))).toBe(
            expected,
          );
          expect(
            codeOf(
              await client.request(SET_ROLE, {
                input: { membershipId: w.memberships.member.id, role: MembershipRole.CONVENOR },
              }),
            ),
          ).toBe(expected);
          expect(codeOf(await client.request(REMOVE, { membershipId: w.memberships.member.id }))).toBe(expected);
          expect(
            codeOf(await client.request(INVITE_MEMBER, { input: { groupId: w.group.id, email: freshEmail() } })),
          ).toBe('FORBIDDEN');
          expect(await membershipRows(api, w.group.id)).toEqual(before);
          expect(
            dataOf(await client.request<{ workingGroup: GroupSeen }>(GROUP, { slug: w.group.slug })).workingGroup,
          ).toMatchObject({ viewerCanManage: false, pendingRequests: null });
        },
      );
    });

    describe('leaveGroup', () => {
      // The convenor is the group's only one, so leaving is refused for the group's sake.
      it.each(
        matrix({
          anonymous: 'UNAUTHENTICATED',
          outsider: 'NOT_FOUND',
          member: 'OK',
          convenor: 'CONFLICT',
          admin: 'NOT_FOUND',
        }),
      )('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api);
        const before = await membershipRows(api, w.group.id);
        const result = await (await w.as(persona)).request<{ leaveGroup: boolean }>(LEAVE, { groupId: w.group.id });
        expect(codeOf(result)).toBe(expected);
        const after = await membershipRows(api, w.group.id);
        if (expected === 'OK') {
          expect(dataOf(result).leaveGroup).toBe(true);
          expect(after).toEqual(before.filter((row) => row.userId !== w.people.member.id));
          expect(after).toHaveLength(before.length - 1);
        } else {
          expect(after).toEqual(before);
        }
      });
    });

    describe('removeMember (another member)', () => {
      it.each(managers('NOT_FOUND'))('%s → %s', async (persona, expected) => {
        const w = await groupPersonas(api);
        const target = await api.data.user();
        const targetMembership = await api.data.membership(w.group, target, MembershipRole.MEMBER);
        const before = await membershipRows(api, w.group.id);
        const result = await (
          await w.as(persona)
        ).request<{ removeMember: boolean }>(REMOVE, { membershipId: targetMembership.id });
        expect(codeOf(result)).toBe(expected);
        const after = await membershipRows(api, w.group.id);
        if (expected === 'OK') {
          expect(dataOf(result).removeMember).toBe(true);
          expect(after).toEqual(before.filter((row) => row.userId !== target.id));
          expect(after).toHaveLength(before.length - 1);
        } else {
          expect(after).toEqual(before);
        }
      });
    });
  });

  describe('notifications', () => {
    const NOTIFICATIONS = `query { notifications { id } unreadNotificationCount }`;
    const MARK_READ = `mutation M($upToSeq: Int) { markNotificationsRead(upToSeq: $upToSeq) }`;

    /** One notification for the member, written as the worker would. */
    async function memberNotification(memberId: string): Promise<string> {
      const [row] = await api.orm.em
        .fork()
        .getConnection()
        .execute<{ id: string }[]>(
          `insert into notifications (id, recipient_id, seq, event_id, type, created_at) values (gen_random_uuid(), ?, 1, gen_random_uuid(), 'ROLE_CHANGED', now()) returning id`,
          [memberId],
        );
      return row!.id;
    }
    const readAt = async (id: string) =>
      (
        await api.orm.em
          .fork()
          .getConnection()
          .execute<{ read_at: Date | null }[]>('select read_at from notifications where id = ?', [id])
      )[0]!.read_at;

    it.each(matrix({ anonymous: 'UNAUTHENTICATED', outsider: 'OK', member: 'OK', convenor: 'OK', admin: 'OK' }))(
      'notifications and unreadNotificationCount: %s → %s, and each person sees only their own',
      async (persona, expected) => {
        const w = await groupPersonas(api);
        const id = await memberNotification(w.people.member.id);
        const result = await (
          await w.as(persona)
        ).request<{ notifications: { id: string }[]; unreadNotificationCount: number }>(NOTIFICATIONS);
        expect(codeOf(result)).toBe(expected);
        if (expected === 'OK') {
          const mine = persona === 'member';
          expect(dataOf(result).notifications).toEqual(mine ? [{ id }] : []);
          expect(dataOf(result).unreadNotificationCount).toBe(mine ? 1 : 0);
        }
      },
    );

    it.each(matrix({ anonymous: 'UNAUTHENTICATED', outsider: 'OK', member: 'OK', convenor: 'OK', admin: 'OK' }))(
      'markNotificationsRead: %s → %s, and only the recipient can mark theirs',
      async (persona, expected) => {
        const w = await groupPersonas(api);
        const id = await memberNotification(w.people.member.id);
        const result = await (
          await w.as(persona)
        ).request<{ markNotificationsRead: number }>(MARK_READ, { upToSeq: 1_000_000 });
        expect(codeOf(result)).toBe(expected);
        if (persona === 'member') expect(await readAt(id)).not.toBeNull();
        else expect(await readAt(id)).toBeNull();
      },
    );
  });

  describe('notification settings', () => {
    const SETTINGS = `query { notificationSettings { contentFree digestHour channels { category inApp email } groups { group { id } level } } }`;
    const UPDATE = `mutation U($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { contentFree digestHour } }`;
    const SET_LEVEL = `mutation L($groupId: ID!, $level: GroupNotificationLevel!) { setGroupNotificationLevel(groupId: $groupId, level: $level) }`;
    const GROUP_LEVEL = `query G($slug: String!) { workingGroup(slug: $slug) { notificationLevel } }`;
    const UNSUBSCRIBE = `mutation Un($token: String!) { unsubscribe(token: $token) { category } }`;
    const sql = <T>(query: string, params: unknown[] = []) =>
      api.orm.em.fork().getConnection().execute<T[]>(query, params);

    it.each(signedIn)(
      'notificationSettings: %s → %s, and each person sees only their own',
      async (persona, expected) => {
        const w = await groupPersonas(api);
        await (await w.as('member')).request(UPDATE, { input: { contentFree: true, digestHour: 19 } });
        const result = await (
          await w.as(persona)
        ).request<{
          notificationSettings: { contentFree: boolean; digestHour: number; groups: { group: { id: string } }[] };
        }>(SETTINGS);
        expect(codeOf(result)).toBe(expected);
        if (expected === 'OK') {
          const settings = dataOf(result).notificationSettings;
          expect(settings).toMatchObject(
            persona === 'member' ? { contentFree: true, digestHour: 19 } : { contentFree: false, digestHour: 8 },
          );
          const inGroup = persona === 'member' || persona === 'convenor';
          expect(settings.groups.some((g) => g.group.id === w.group.id)).toBe(inGroup);
        }
      },
    );

    it.each(signedIn)('updateNotificationSettings: %s → %s, changing only their own', async (persona, expected) => {
      const w = await groupPersonas(api);
      const result = await (await w.as(persona)).request(UPDATE, { input: { digestHour: 21 } });
      expect(codeOf(result)).toBe(expected);
      const rows = await sql<{ user_id: string }>(
        'select user_id from notification_settings where digest_hour = 21 and user_id = any(?::uuid[])',
        [
          `{${Object.values(w.people)
            .map((p) => p.id)
            .join(',')}}`,
        ],
      );
      expect(rows.map((r) => r.user_id)).toEqual(persona === 'anonymous' ? [] : [w.people[persona].id]);
    });

    it.each(
      matrix({ anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'OK', convenor: 'OK', admin: 'FORBIDDEN' }),
    )(
      'setGroupNotificationLevel: %s → %s (people in the group only), and the level is their own',
      async (persona, expected) => {
        const w = await groupPersonas(api);
        const result = await (await w.as(persona)).request(SET_LEVEL, { groupId: w.group.id, level: 'MUTED' });
        expect(codeOf(result)).toBe(expected);
        const muted = await sql<{ user_id: string }>(
          `select user_id from group_notification_preferences where group_id = ? and level = 'MUTED'`,
          [w.group.id],
        );
        expect(muted.map((r) => r.user_id)).toEqual(expected === 'OK' ? [w.people[persona as SignedInPersona].id] : []);
        if (expected === 'OK') {
          const level = await (
            await w.as(persona)
          ).request<{ workingGroup: { notificationLevel: string } }>(GROUP_LEVEL, { slug: w.group.slug });
          expect(dataOf(level).workingGroup.notificationLevel).toBe('MUTED');
          const other = persona === 'member' ? 'convenor' : 'member';
          const theirs = await (
            await w.as(other)
          ).request<{ workingGroup: { notificationLevel: string } }>(GROUP_LEVEL, { slug: w.group.slug });
          expect(dataOf(theirs).workingGroup.notificationLevel).toBe('ALL');
        }
      },
    );

    it.each(everyone('OK'))('unsubscribe: %s → %s with a valid link (it needs no session)', async (persona) => {
      const w = await groupPersonas(api);
      const service = api.app.get(NotificationPreferencesService);
      const settings = await service.settingsRow(api.orm.em.fork(), w.people.member.id);
      const token = service.unsubscribeUrl(settings, NotificationCategory.MEMBERSHIP).split('/unsubscribe/')[1];
      const result = await (await w.as(persona)).request<{ unsubscribe: { category: string } }>(UNSUBSCRIBE, { token });
      expect(dataOf(result).unsubscribe.category).toBe('MEMBERSHIP');
      expect(
        await sql(`select email from notification_channel_preferences where user_id = ? and category = 'MEMBERSHIP'`, [
          w.people.member.id,
        ]),
      ).toEqual([{ email: 'NONE' }]);
    });

    it.each(everyone('BAD_USER_INPUT' as Outcome))(
      'unsubscribe: %s → %s with a forged link, and nothing changes',
      async (persona) => {
        const w = await groupPersonas(api);
        const service = api.app.get(NotificationPreferencesService);
        await service.settingsRow(api.orm.em.fork(), w.people.member.id);
        const result = await (
          await w.as(persona)
        ).request(UNSUBSCRIBE, { token: `${w.people.member.id}.MEMBERSHIP.${'A'.repeat(32)}` });
        expect(result.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_UNSUBSCRIBE_LINK',
        });
        expect(
          await sql('select email from notification_channel_preferences where user_id = ?', [w.people.member.id]),
        ).toEqual([]);
      },
    );
  });

  it('covers every query and mutation in schema.gql', async () => {
    const { readFile } = await import('node:fs/promises');
    const schema = await readFile(new URL('../schema.gql', import.meta.url), 'utf8');
    const fieldsOf = (type: string) =>
      [...(new RegExp(`type ${type} \\{([\\s\\S]*?)\\n\\}`).exec(schema)?.[1] ?? '').matchAll(/^\s{2}(\w+)[(:]/gm)]
        .map((m) => m[1])
        .sort();
    const used = [
      ME,
      NETWORK_SETTINGS,
      INVITATION,
      ORGANISATIONS,
      GROUP,
      GROUPS,
      SIGN_UP,
      SIGN_IN,
      SIGN_OUT,
      UPDATE_PROFILE,
      CHANGE_PASSWORD,
      INVITE_TO_NETWORK,
    ]
      .concat([
        UPDATE_SETTINGS,
        CREATE_GROUP,
        UPDATE_GROUP,
        REQUEST_TO_JOIN,
        INVITE_MEMBER,
        RESPOND,
        DECIDE,
        SET_ROLE,
        LEAVE,
        REMOVE,
      ])
      .concat([
        'query { notifications { id } unreadNotificationCount }',
        'mutation M($upToSeq: Int) { markNotificationsRead(upToSeq: $upToSeq) }',
      ])
      .concat(['notificationSettings', 'updateNotificationSettings', 'setGroupNotificationLevel', 'unsubscribe'])
      // Tried as every persona in discussions.int.spec.ts.
      .concat(['createThread', 'reply', 'thread', 'previewPost'])
      // Tried as every persona in discussions-participation.int.spec.ts.
      .concat([
        'editPost',
        'deletePost',
        'reactToPost',
        'hidePost',
        'unhidePost',
        'pinThread',
        'lockThread',
        'moveThread',
        'markThreadRead',
      ])
      .concat(['setThreadNotificationLevel', 'postRevisions', 'search'])
      // Tried as every persona in thread-edits.int.spec.ts.
      .concat(['updateThread', 'threadRevisions'])
      // Tried as admin, organiser, convenor, member, someone in no group and anonymous in meeting-hosts.int.spec.ts.
      .concat(['scheduleNetworkEvent'])
      // Tried as every persona (and an observer) in documents.int.spec.ts, with the REST routes.
      .concat([
        'document',
        'documentSettings',
        'updateDocumentSettings',
        'updateDocument',
        'moveDocument',
        'trashDocument',
        'restoreDocument',
        'restoreDocumentVersion',
      ])
      .concat([
        'discussDocument',
        'createDocumentFolder',
        'updateDocumentFolder',
        'deleteDocumentFolder',
        'searchDocuments',
        'linkDocumentToThread',
        'unlinkDocumentFromThread',
      ])
      // Tried as every persona in meetings.int.spec.ts, with the .ics, feed and CSV routes.
      .concat([
        'meeting',
        'myCalendar',
        'scheduleMeeting',
        'updateMeeting',
        'cancelMeeting',
        'rsvp',
        'calendarFeed',
        'resetCalendarFeed',
        'revokeCalendarFeed',
      ])
      .concat(['meetingPoll', 'createMeetingPoll', 'answerMeetingPoll', 'pickMeetingPollSlot', 'closeMeetingPoll'])
      .concat([
        'configureEvent',
        'publicEvent',
        'registerForEvent',
        'myRegistration',
        'cancelRegistration',
        'eventRegistrations',
        'decideRegistration',
        'checkInRegistration',
        'emailRegistrants',
      ])
      // Tried as every persona (and with a guessed link) in event-programme.int.spec.ts, with the CSV and .ics routes.
      .concat([
        'addProgrammeSession',
        'updateProgrammeSession',
        'removeProgrammeSession',
        'reorderProgrammeSessions',
        'sessionAttendees',
        'myProgramme',
        'chooseSessions',
      ])
      // Tried as every persona in pitches.int.spec.ts, with the attachment and CSV routes.
      .concat([
        'pitchForm',
        'submitPitch',
        'myPitch',
        'replyToPitch',
        'withdrawPitch',
        'pitches',
        'pitch',
        'reviewPitch',
        'acceptPitch',
        'pitchForms',
        'savePitchForm',
      ])
      // Tried as every persona (and across accounts) in account-security.int.spec.ts.
      .concat([
        'mySessions',
        'revokeSession',
        'revokeOtherSessions',
        'twoFactor',
        'beginTwoFactorSetup',
        'confirmTwoFactorSetup',
        'disableTwoFactor',
        'regenerateRecoveryCodes',
      ])
      .concat([
        'requestPasswordReset',
        'passwordReset',
        'resetPassword',
        'networkPeople',
        'setNetworkRole',
        'deactivateAccount',
        'reactivateAccount',
        'auditLog',
      ])
      // Tried as network admins, members and the signed-out in partner-organisations.int.spec.ts.
      .concat([
        'partnerOrganisation',
        'createPartnerOrganisation',
        'updatePartnerOrganisation',
        'archivePartnerOrganisation',
        'restorePartnerOrganisation',
        'mergePartnerOrganisations',
        'decideAffiliation',
      ])
      // Tried as the person, others and anonymous in privacy.int.spec.ts, with the download route.
      .concat(['myDataExports', 'requestDataExport', 'deleteAccount'])
      // Tried as the owner, another person and the signed-out in push-devices.int.spec.ts.
      .concat(['pushPublicKey', 'myPushDevices', 'registerPushDevice', 'removePushDevice'])
      // Tried as every persona in group-archiving.int.spec.ts, with what archiving closes.
      .concat(['archiveGroup', 'restoreGroup', 'archivedWorkingGroups'])
      .join('\n');
    const operations = [...fieldsOf('Query'), ...fieldsOf('Mutation')];
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.filter((name) => !new RegExp(`\\b${name}\\b`).test(used))).toEqual([]);
  });
});
