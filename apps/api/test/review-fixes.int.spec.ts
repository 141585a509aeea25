// Cases found in review: private notes, NUL characters, invitations from several groups,
// password change sessions, and two convenors deciding at once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JoinPolicy, MembershipRole, MembershipStatus } from '@convene/shared-contracts';
import { TEST_PASSWORD } from '@convene/server-testing';
import { ApiHarness } from './api-harness.js';

const GROUP = `query G($slug: String!) { workingGroup(slug: $slug) { viewerMembership { status role message } members { nodes { user { displayName } message } } pendingRequests { nodes { id message } } } }`;
const REQUEST = `mutation R($input: RequestToJoinInput!) { requestToJoin(input: $input) { id status message } }`;
const DECIDE = `mutation D($input: DecideMembershipInput!) { decideMembership(input: $input) { id status } }`;
const INVITE = `mutation I($input: InviteMemberInput!) { inviteMember(input: $input) { email } }`;
const SIGN_UP = `mutation S($input: SignUpInput!) { signUp(input: $input) { id } }`;

describe('review fixes', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  const sql = <T>(query: string, params: unknown[] = []) => api.orm.em.fork().getConnection().execute<T[]>(query, params);

  it('shows a join request note to the convenors while pending, and to nobody once decided', async () => {
    const group = await api.data.group({ joinPolicy: JoinPolicy.REQUEST });
    const convenor = await api.data.user();
    await api.data.membership(group, convenor, MembershipRole.CONVENOR);
    const member = await api.data.user();
    await api.data.membership(group, member);
    const applicant = await api.signedIn(await api.data.user());
    const note = 'Referred by my caseworker.';
    await applicant.request(REQUEST, { input: { groupId: group.id, message: note } });

    const asConvenor = await api.signedIn(convenor);
    const pending = await asConvenor.request<{ workingGroup: { pendingRequests: { nodes: { id: string; message: string }[] } } }>(GROUP, { slug: group.slug });
    expect(pending.data?.workingGroup.pendingRequests.nodes[0]?.message).toBe(note);
    expect((await applicant.request<{ workingGroup: { viewerMembership: { message: string } } }>(GROUP, { slug: group.slug })).data?.workingGroup.viewerMembership.message).toBe(note);

    await asConvenor.request(DECIDE, { input: { membershipId: pending.data!.workingGroup.pendingRequests.nodes[0]!.id, approve: true } });
    const asMember = await api.signedIn(member);
    const after = await asMember.request<{ workingGroup: { members: { nodes: { message: string | null }[] } } }>(GROUP, { slug: group.slug });
    expect(after.data?.workingGroup.members.nodes.map((m) => m.message)).toEqual([null, null, null]);
    const stored = await sql<{ message: string | null }>('select message from memberships where group_id = ? and status = ?', [group.id, MembershipStatus.ACTIVE]);
    expect(stored.every((row) => row.message === null)).toBe(true);
  });

  it.each([
    ['signIn', `mutation { signIn(input: { email: "a\\u0000@example.org", password: "whatever it is" }) { id } }`, 'BAD_USER_INPUT'],
    ['workingGroup', `{ workingGroup(slug: "a\\u0000b") { id } }`, 'BAD_USER_INPUT'],
    ['signUp', `mutation { signUp(input: { email: "nul@example.org", password: "a long phrase here", displayName: "Nul\\u0000" }) { id } }`, 'BAD_USER_INPUT'],
  ])('answers a NUL character in %s with a clear error, not a database failure', async (_name, query, code) => {
    const client = await api.signedIn(await api.data.user());
    const result = await client.request(query);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
  });

  it('keeps the invitations of other groups for someone who signs up through one of them', async () => {
    const health = await api.data.group();
    const policing = await api.data.group();
    const healthConvenor = await api.data.user();
    const policingConvenor = await api.data.user();
    await api.data.membership(health, healthConvenor, MembershipRole.CONVENOR);
    await api.data.membership(policing, policingConvenor, MembershipRole.CONVENOR);
    const email = `both-${Date.now()}@example.org`;
    await (await api.signedIn(healthConvenor)).request(INVITE, { input: { groupId: health.id, email } });
    await (await api.signedIn(policingConvenor)).request(INVITE, { input: { groupId: policing.id, email, role: MembershipRole.OBSERVER } });
    const [healthMail] = await sql<{ text_body: string }>(`select text_body from mail_messages where to_address = ? and subject like ?`, [email, `%${health.name}%`]);
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(healthMail!.text_body)![1];

    const newcomer = api.client();
    expect((await newcomer.request(SIGN_UP, { input: { email, password: 'a long phrase here', displayName: 'Both', invitationToken: token } })).errors).toBeUndefined();
    const inHealth = await newcomer.request<{ workingGroup: { viewerMembership: { status: string } } }>(GROUP, { slug: health.slug });
    const inPolicing = await newcomer.request<{ workingGroup: { viewerMembership: { status: string; role: string } } }>(GROUP, { slug: policing.slug });
    expect(inHealth.data?.workingGroup.viewerMembership.status).toBe(MembershipStatus.ACTIVE);
    expect(inPolicing.data?.workingGroup.viewerMembership).toMatchObject({ status: MembershipStatus.INVITED, role: MembershipRole.OBSERVER });
  });

  it('gives the device that changed the password a new session and ends the old one', async () => {
    const user = await api.data.user();
    const device = await api.signedIn(user);
    const oldCookie = device.cookie;
    const changed = await device.request(`mutation C($input: ChangePasswordInput!) { changePassword(input: $input) }`, { input: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new long phrase' } });
    expect(changed.errors).toBeUndefined();
    expect(device.cookie).not.toBe(oldCookie);
    expect((await device.request<{ me: { id: string } | null }>('{ me { id } }')).data?.me?.id).toBe(user.id);
    const replay = api.client();
    replay.cookie = oldCookie;
    expect((await replay.request<{ me: unknown }>('{ me { id } }')).data?.me).toBeNull();
    expect(await sql<{ n: number }>('select count(*)::int as n from sessions where user_id = ?', [user.id])).toEqual([{ n: 1 }]);
  });

  it('records one decision and one event when two convenors decide the same request at once', async () => {
    for (let round = 0; round < 5; round++) {
      const group = await api.data.group({ joinPolicy: JoinPolicy.REQUEST });
      const first = await api.data.user();
      const second = await api.data.user();
      await api.data.membership(group, first, MembershipRole.CONVENOR);
      await api.data.membership(group, second, MembershipRole.CONVENOR);
      const applicant = await api.data.user();
      const request = await api.data.membership(group, applicant, MembershipRole.MEMBER, MembershipStatus.PENDING);
      const [a, b] = await Promise.all([api.signedIn(first), api.signedIn(second)]);
      const results = await Promise.all([
        a.request(DECIDE, { input: { membershipId: request.id, approve: true } }),
        b.request(DECIDE, { input: { membershipId: request.id, approve: false } }),
      ]);
      // The later decision finds the request decided (approved) or gone (declined).
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes[1]).toBe('OK');
      expect(['CONFLICT', 'NOT_FOUND']).toContain(codes[0]);
      // One event, so the applicant gets one notification (and at most one email) about it.
      const events = await sql<{ type: string }>(`select type from outbox_events where type in ('membership.approved', 'membership.declined') and payload->>'userId' = ?`, [applicant.id]);
      const approved = results[0]!.errors === undefined;
      expect(events).toEqual([{ type: approved ? 'membership.approved' : 'membership.declined' }]);
    }
  });
});
