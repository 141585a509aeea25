import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JoinPolicy, MembershipRole, MembershipStatus } from '@convene/shared-contracts';
import { ApiHarness } from './api-harness.js';

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

describe('membership flows', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('lets a person request to join, and a convenor approve, after which they see the member list', async () => {
    const group = await api.data.group({ joinPolicy: JoinPolicy.REQUEST });
    const convenor = await api.data.user();
    await api.data.membership(group, convenor, MembershipRole.CONVENOR);
    const newcomer = await api.data.user({ displayName: 'Newcomer Person' });
    const asNewcomer = await api.signedIn(newcomer);
    const asConvenor = await api.signedIn(convenor);

    const requested = await asNewcomer.request<{ requestToJoin: { status: string } }>(REQUEST, { input: { groupId: group.id, message: 'I work on health access in Leeds.' } });
    expect(requested.data?.requestToJoin.status).toBe(MembershipStatus.PENDING);

    const before = await asNewcomer.request<{ workingGroup: { members: unknown; memberCount: number | null } }>(GROUP, { slug: group.slug });
    expect(before.data?.workingGroup.members).toBeNull();
    expect(before.data?.workingGroup.memberCount).toBeNull();

    const pending = await asConvenor.request<{ workingGroup: { pendingRequests: { nodes: { id: string; message: string; user: { displayName: string } }[] } } }>(GROUP, { slug: group.slug });
    const request = pending.data!.workingGroup.pendingRequests.nodes;
    expect(request).toHaveLength(1);
    expect(request[0]).toMatchObject({ message: 'I work on health access in Leeds.', user: { displayName: 'Newcomer Person' } });

    const approved = await asConvenor.request<{ decideMembership: { status: string } }>(DECIDE, { input: { membershipId: request[0]!.id, approve: true } });
    expect(approved.data?.decideMembership.status).toBe(MembershipStatus.ACTIVE);

    const after = await asNewcomer.request<{ workingGroup: { members: { nodes: { user: { displayName: string } }[] }; memberCount: number } }>(GROUP, { slug: group.slug });
    expect(after.data?.workingGroup.memberCount).toBe(2);
    expect(after.data?.workingGroup.members.nodes.map((m) => m.user.displayName)).toContain('Newcomer Person');
  });
});
