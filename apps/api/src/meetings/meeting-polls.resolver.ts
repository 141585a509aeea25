import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedIn, type Viewer } from '@convene/server-core';
import { MeetingPollsService, meetingsErrors, type MeetingPoll, type PollAccess } from '@convene/server-meetings';
import { IdentityService } from '@convene/server-identity';
import { WorkingGroupModel } from '../groups/working-group.model.js';
import { UserModel } from '../identity/user.model.js';
import { MeetingPollModel, PollSlotModel } from './meeting.model.js';
import { AnswerMeetingPollInput, CreateMeetingPollInput, PickMeetingPollSlotInput } from './meetings.inputs.js';

@SignedIn()
@Resolver(() => MeetingPollModel)
export class MeetingPollsResolver {
  constructor(
    private readonly polls: MeetingPollsService,
    private readonly identity: IdentityService,
  ) {}

  @Query(() => MeetingPollModel, { description: 'A poll to find a time, in a group the viewer belongs to.' })
  async meetingPoll(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MeetingPollModel> {
    const access = await this.polls.byId(viewer, id);
    return presentPoll(this.polls, this.identity, viewer, access);
  }

  @Mutation(() => MeetingPollModel, {
    description: 'Asks the group when they can meet: 2 to 20 proposed times (convenors).',
  })
  async createMeetingPoll(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateMeetingPollInput,
  ): Promise<MeetingPollModel> {
    const access = await this.polls.create(viewer, input);
    return presentPoll(this.polls, this.identity, viewer, access);
  }

  @Mutation(() => MeetingPollModel, {
    description: 'The viewer’s yes / if need be / no for some or all of a poll’s times.',
  })
  async answerMeetingPoll(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AnswerMeetingPollInput,
  ): Promise<MeetingPollModel> {
    const access = await this.polls.vote(viewer, input);
    return presentPoll(this.polls, this.identity, viewer, access);
  }

  @Mutation(() => MeetingPollModel, {
    description: 'Picks a time: it becomes the group’s meeting, and everyone gets the invitation (convenors).',
  })
  async pickMeetingPollSlot(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: PickMeetingPollSlotInput,
  ): Promise<MeetingPollModel> {
    const { access } = await this.polls.pick(viewer, input);
    return presentPoll(this.polls, this.identity, viewer, access);
  }

  @Mutation(() => MeetingPollModel, { description: 'Closes a poll without picking a time (convenors).' })
  async closeMeetingPoll(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MeetingPollModel> {
    const access = await this.polls.close(viewer, id);
    return presentPoll(this.polls, this.identity, viewer, access);
  }
}

@SignedIn()
@Resolver(() => WorkingGroupModel)
export class GroupPollsResolver {
  constructor(
    private readonly polls: MeetingPollsService,
    private readonly identity: IdentityService,
  ) {}

  @ResolveField(() => [MeetingPollModel], {
    nullable: true,
    description: 'Open polls to find a time, and those of the last 30 days; null outside the group.',
  })
  async meetingPolls(
    @CurrentViewer() viewer: Viewer,
    @Parent() group: WorkingGroupModel,
  ): Promise<MeetingPollModel[] | null> {
    const polls = await this.polls.ofGroup(group.view);
    return polls
      ? presentPolls(this.polls, this.identity, viewer, polls, { view: group.view, canManage: group.view.canManage })
      : null;
  }
}

/** One poll as `presentPolls` makes it: the model of the only poll it was given. */
async function presentPoll(
  service: MeetingPollsService,
  identity: IdentityService,
  viewer: Viewer,
  access: PollAccess,
): Promise<MeetingPollModel> {
  const [model] = await presentPolls(service, identity, viewer, [access.poll], access);
  if (!model) throw meetingsErrors.pollNotFound();
  return model;
}

/** Polls of one group with their slots, answers and the people who answered (those the viewer may know of), in a few queries whatever their number. */
async function presentPolls(
  service: MeetingPollsService,
  identity: IdentityService,
  viewer: Viewer,
  polls: MeetingPoll[],
  access: Pick<PollAccess, 'view' | 'canManage'>,
): Promise<MeetingPollModel[]> {
  const [grids, visible] = await Promise.all([
    service.grids(polls.map((p) => p.id)),
    service.visibleVoters(viewer, access.view),
  ]);
  const people = await identity.usersByIds([
    ...new Set([...grids.values()].flatMap((g) => g.votes.filter((v) => visible(v.userId)).map((v) => v.userId))),
  ]);
  return polls.map((poll) => {
    const grid = grids.get(poll.id);
    if (!grid) throw meetingsErrors.pollNotFound();
    const slots = grid.slots.map((slot) => {
      const model = PollSlotModel.from(
        slot,
        grid.votes.filter((v) => v.slotId === slot.id),
        viewer.userId,
        visible,
      );
      for (const vote of model.votes) {
        const person = people.get(vote.userId);
        vote.person = person ? UserModel.from(person) : null;
      }
      return model;
    });
    return MeetingPollModel.from(
      poll,
      slots,
      { canManage: access.canManage, archived: !!access.view.group.archivedAt },
      new Set(grid.votes.map((v) => v.userId)).size,
    );
  });
}
