import { describe, expect, it } from '@jest/globals';
import { JoinPolicy, MembershipRole, MembershipStatus } from '@convene/shared-contracts';
import { useApiHarness } from './api-harness.js';

const GROUP = `query Group($slug: String!) {
  workingGroup(slug: $slug) {
    id name memberCount viewerCanManage
    viewerMembership { id role status }
    members { nodes { id role user { displayName organisation { name } } } }
    convenors { id user { displayName } }
    pendingRequests { nodes { id message user { displayName } } }
  }
}`;
const REQUEST = `mutation Request($input: RequestToJoinInput!) { requestToJoin(input: $input) { id status role } }`;
const DECIDE = `mutation Decide($input: DecideMembershipInput!) { decideMembership(input: $input) { id status } }`;
const GROUP_NOTES = `query G($slug: String!) { workingGroup(slug: $slug) { viewerMembership { status role message } members { nodes { user { displayName } message } } pendingRequests { nodes { id message } } } }`;
const INVITE = `mutation I($input: InviteMemberInput!) { inviteMember(input: $input) { email } }`;
const SIGN_UP = `mutation S($input: SignUpInput!) { signUp(input: $input) { id } }`;

describe('membership flows', () => {
  const api = useApiHarness();
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);

  it('lets a person request to join, and a convenor approve, after which they see the member list', async () => {
    const group = await api.data.group({ joinPolicy: JoinPolicy.REQUEST });
    const convenor = await api.data.user();
    await api.data.membership(group, convenor, MembershipRole.CONVENOR);
    const newcomer = await api.data.user({ displayName: 'Newcomer Person' });
    const asNewcomer = await api.signedIn(newcomer);
    const asConvenor = await api.signedIn(convenor);

    const requested = await asNewcomer.request<{ requestToJoin: { status: string } }>(REQUEST, {
      input: { groupId: group.id, message: 'I work on health access in Leeds.' },
    });
    expect(requested.data?.requestToJoin.status).toBe(MembershipStatus.PENDING);

    const before = await asNewcomer.request<{ workingGroup: { members: unknown; memberCount: number | null } }>(GROUP, {
      slug: group.slug,
    });
    expect(before.data?.workingGroup.members).toBeNull();
    expect(before.data?.workingGroup.memberCount).toBeNull();

    const pending = await asConvenor.request<{
      workingGroup: { pendingRequests: { nodes: { id: string; message: string; user: { displayName: string } }[] } };
    }>(GROUP, { slug: group.slug });
    const request = pending.data!.workingGroup.pendingRequests.nodes;
    expect(request).toHaveLength(1);
    expect(request[0]).toMatchObject({
      message: 'I work on health access in Leeds.',
      user: { displayName: 'Newcomer Person' },
    });

    const approved = await asConvenor.request<{ decideMembership: { status: string } }>(DECIDE, {
      input: { membershipId: request[0]!.id, approve: true },
    });
    expect(approved.data?.decideMembership.status).toBe(MembershipStatus.ACTIVE);

    const after = await asNewcomer.request<{
      workingGroup: { members: { nodes: { user: { displayName: string } }[] }; memberCount: number };
    }>(GROUP, { slug: group.slug });
    expect(after.data?.workingGroup.memberCount).toBe(2);
    expect(after.data?.workingGroup.members.nodes.map((m) => m.user.displayName)).toContain('Newcomer Person');
  });

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
    const pending = await asConvenor.request<{
      workingGroup: { pendingRequests: { nodes: { id: string; message: string }[] } };
    }>(GROUP_NOTES, { slug: group.slug });
    expect(pending.data?.workingGroup.pendingRequests.nodes[0]?.message).toBe(note);
    expect(
      (
        await applicant.request<{ workingGroup: { viewerMembership: { message: string } } }>(GROUP_NOTES, {
          slug: group.slug,
        })
      ).data?.workingGroup.viewerMembership.message,
    ).toBe(note);

    await asConvenor.request(DECIDE, {
      input: { membershipId: pending.data!.workingGroup.pendingRequests.nodes[0]!.id, approve: true },
    });
    const asMember = await api.signedIn(member);
    const after = await asMember.request<{ workingGroup: { members: { nodes: { message: string | null }[] } } }>(
      GROUP_NOTES,
      { slug: group.slug },
    );
    expect(after.data?.workingGroup.members.nodes.map((m) => m.message)).toEqual([null, null, null]);
    const stored = await sql<{ message: string | null }>(
      'select message from memberships where group_id = ? and status = ?',
      [group.id, MembershipStatus.ACTIVE],
    );
    expect(stored.every((row) => row.message === null)).toBe(true);
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
    await (
      await api.signedIn(policingConvenor)
    ).request(INVITE, { input: { groupId: policing.id, email, role: MembershipRole.OBSERVER } });
    const [healthMail] = await sql<{ text_body: string }>(
      `select text_body from mail_messages where to_address = ? and subject like ?`,
      [email, `%${health.name}%`],
    );
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(healthMail!.text_body)![1];

    const newcomer = api.client();
    expect(
      (
        await newcomer.request(SIGN_UP, {
          input: { email, password: 'a long phrase here', displayName: 'Both', invitationToken: token },
        })
      ).errors,
    ).toBeUndefined();
    const inHealth = await newcomer.request<{ workingGroup: { viewerMembership: { status: string } } }>(GROUP_NOTES, {
      slug: health.slug,
    });
    const inPolicing = await newcomer.request<{ workingGroup: { viewerMembership: { status: string; role: string } } }>(
      GROUP_NOTES,
      { slug: policing.slug },
    );
    expect(inHealth.data?.workingGroup.viewerMembership.status).toBe(MembershipStatus.ACTIVE);
    expect(inPolicing.data?.workingGroup.viewerMembership).toMatchObject({
      status: MembershipStatus.INVITED,
      role: MembershipRole.OBSERVER,
    });
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
      const events = await sql<{ type: string }>(
        `select type from outbox_events where type in ('membership.approved', 'membership.declined') and payload->>'userId' = ?`,
        [applicant.id],
      );
      const approved = results[0]!.errors === undefined;
      expect(events).toEqual([{ type: approved ? 'membership.approved' : 'membership.declined' }]);
    }
  });
});
