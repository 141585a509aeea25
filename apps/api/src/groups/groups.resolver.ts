import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GroupsService } from '@convene/server-groups';
import { CurrentViewer, NetworkAdminOnly, SignedIn, type Viewer } from '@convene/server-core';
import { WorkingGroupModel } from './working-group.model.js';
import { InvitationSentModel, MembershipConnectionModel, MembershipModel } from './membership.model.js';
import {
  CreateWorkingGroupInput,
  DecideMembershipInput,
  InviteMemberInput,
  RequestToJoinInput,
  SetMemberRoleInput,
  UpdateWorkingGroupInput,
} from './groups.inputs.js';

@SignedIn()
@Resolver(() => WorkingGroupModel)
export class GroupsResolver {
  constructor(private readonly groups: GroupsService) {}

  @Query(() => [WorkingGroupModel], { description: 'Every working group; non-members see name and purpose only.' })
  async workingGroups(@CurrentViewer() viewer: Viewer): Promise<WorkingGroupModel[]> {
    return (await this.groups.list(viewer)).map((view) => WorkingGroupModel.from(view));
  }

  @NetworkAdminOnly()
  @Query(() => [WorkingGroupModel], { description: 'Archived working groups, by name, for network admins to restore.' })
  async archivedWorkingGroups(@CurrentViewer() viewer: Viewer): Promise<WorkingGroupModel[]> {
    return (await this.groups.archivedList(viewer)).map((view) => WorkingGroupModel.from(view));
  }

  @Query(() => WorkingGroupModel, {
    description: 'A working group by its address, archived or not; NOT_FOUND when there is none.',
  })
  async workingGroup(@CurrentViewer() viewer: Viewer, @Args('slug') slug: string): Promise<WorkingGroupModel> {
    return WorkingGroupModel.from(await this.groups.bySlug(viewer, slug));
  }

  @ResolveField(() => MembershipConnectionModel, {
    nullable: true,
    description: 'A page of active members, convenors first, then by name; null when the viewer may not see the list.',
  })
  async members(
    @Parent() group: WorkingGroupModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<MembershipConnectionModel | null> {
    const page = await this.groups.members(group.view, { first, after });
    return page && MembershipConnectionModel.from(page);
  }

  @ResolveField(() => [MembershipModel], { nullable: true, description: 'Convenors; null for non-members.' })
  async convenors(@Parent() group: WorkingGroupModel): Promise<MembershipModel[] | null> {
    return (await this.groups.convenors(group.view))?.map((m) => MembershipModel.from(m)) ?? null;
  }

  @ResolveField(() => MembershipConnectionModel, {
    nullable: true,
    description: 'A page of join requests waiting for a decision, by name; null unless the viewer manages the group.',
  })
  async pendingRequests(
    @Parent() group: WorkingGroupModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<MembershipConnectionModel | null> {
    const page = await this.groups.pendingRequests(group.view, { first, after });
    return page && MembershipConnectionModel.from(page);
  }

  @NetworkAdminOnly()
  @Mutation(() => WorkingGroupModel)
  async createWorkingGroup(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateWorkingGroupInput,
  ): Promise<WorkingGroupModel> {
    return WorkingGroupModel.from(await this.groups.create(viewer, input));
  }

  @NetworkAdminOnly()
  @Mutation(() => WorkingGroupModel)
  async updateWorkingGroup(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateWorkingGroupInput,
  ): Promise<WorkingGroupModel> {
    return WorkingGroupModel.from(await this.groups.update(viewer, input));
  }

  @NetworkAdminOnly()
  @Mutation(() => WorkingGroupModel, {
    description:
      'Archives a group: it leaves lists, reminders and digests; its members can read it but change nothing.',
  })
  async archiveGroup(
    @CurrentViewer() viewer: Viewer,
    @Args('groupId', { type: () => ID }) groupId: string,
  ): Promise<WorkingGroupModel> {
    return WorkingGroupModel.from(await this.groups.archive(viewer, groupId));
  }

  @NetworkAdminOnly()
  @Mutation(() => WorkingGroupModel, { description: 'Restores an archived group as it was.' })
  async restoreGroup(
    @CurrentViewer() viewer: Viewer,
    @Args('groupId', { type: () => ID }) groupId: string,
  ): Promise<WorkingGroupModel> {
    return WorkingGroupModel.from(await this.groups.restore(viewer, groupId));
  }

  @Mutation(() => MembershipModel, {
    description: 'Joins an open group, asks to join a group that reviews requests, or accepts an invitation.',
  })
  async requestToJoin(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RequestToJoinInput,
  ): Promise<MembershipModel> {
    return MembershipModel.from(await this.groups.requestToJoin(viewer, input));
  }

  @Mutation(() => InvitationSentModel, {
    description: "Invites someone to the group by email (the group's convenors and network admins).",
  })
  async inviteMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: InviteMemberInput,
  ): Promise<InvitationSentModel> {
    return this.groups.inviteMember(viewer, input);
  }

  @Mutation(() => MembershipModel, {
    nullable: true,
    description: 'Accepts or declines an invitation to a group; null when declined.',
  })
  async respondToInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('accept', { type: () => Boolean }) accept: boolean,
  ): Promise<MembershipModel | null> {
    const membership = await this.groups.respondToInvitation(viewer, groupId, accept);
    return membership ? MembershipModel.from(membership) : null;
  }

  @Mutation(() => MembershipModel, {
    description: "Approves or declines a join request (the group's convenors and network admins).",
  })
  async decideMembership(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: DecideMembershipInput,
  ): Promise<MembershipModel> {
    return MembershipModel.from(await this.groups.decideMembership(viewer, input));
  }

  @Mutation(() => MembershipModel, {
    description: 'Changes a member’s role; a group always keeps at least one convenor.',
  })
  async setMemberRole(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SetMemberRoleInput,
  ): Promise<MembershipModel> {
    return MembershipModel.from(await this.groups.setMemberRole(viewer, input));
  }

  @Mutation(() => Boolean, { description: 'Leaves a group, withdraws a request or declines an invitation.' })
  async leaveGroup(
    @CurrentViewer() viewer: Viewer,
    @Args('groupId', { type: () => ID }) groupId: string,
  ): Promise<boolean> {
    await this.groups.leave(viewer, groupId);
    return true;
  }

  @Mutation(() => Boolean, { description: "Removes someone from a group (the group's convenors and network admins)." })
  async removeMember(
    @CurrentViewer() viewer: Viewer,
    @Args('membershipId', { type: () => ID }) membershipId: string,
  ): Promise<boolean> {
    await this.groups.removeMember(viewer, membershipId);
    return true;
  }
}
