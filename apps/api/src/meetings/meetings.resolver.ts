import { Args, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentViewer, SignedIn, type Viewer } from '@convene/server-core';
import {
  MeetingCalendarService,
  MeetingsService,
  meetingRecord,
  meetingsErrors,
  type MeetingWithAnswer,
} from '@convene/server-meetings';
import { DocumentsService } from '@convene/server-documents';
import { DiscussionAccess } from '@convene/server-discussions';
import { GroupsService } from '@convene/server-groups';
import { selects } from '../graphql/selection.util.js';
import { WorkingGroupModel } from '../groups/working-group.model.js';
import {
  CalendarFeedModel,
  LinkedItemModel,
  MeetingModel,
  MeetingRepeatsModel,
  RsvpCountsModel,
  RsvpModel,
} from './meeting.model.js';
import { MeetingPresenter, NO_ANSWERS, recurrenceOf, repeatsOf } from './meeting.presenter.js';
import {
  CancelMeetingInput,
  RsvpInput,
  ScheduleMeetingInput,
  ScheduleNetworkEventInput,
  UpdateMeetingInput,
} from './meetings.inputs.js';

@SignedIn()
@Resolver(() => MeetingModel)
export class MeetingsResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly calendar: MeetingCalendarService,
    private readonly groups: GroupsService,
    private readonly documents: DocumentsService,
    private readonly threads: DiscussionAccess,
    private readonly present: MeetingPresenter,
  ) {}

  @Query(() => MeetingModel, { description: 'A meeting hosted by a group the viewer belongs to.' })
  async meeting(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MeetingModel> {
    const access = await this.meetings.byId(viewer, id);
    // As a list of one: what the page asks of it is read a statement a kind, with the access
    // already checked here, not field by field each checking it again.
    const listed = [
      { meeting: meetingRecord(access.meeting), group: access.view && WorkingGroupModel.from(access.view) },
    ];
    const [model] = await this.present.list(viewer, listed, (field) => selects(info, [field]));
    if (!model) throw meetingsErrors.meetingNotFound();
    return model;
  }

  @Query(() => [MeetingModel], {
    description:
      'The meetings all the viewer’s groups host that overlap a range (at most 100 days): their personal calendar.',
  })
  async myCalendar(
    @CurrentViewer() viewer: Viewer,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MeetingModel[]> {
    const meetings = await this.meetings.personalCalendar(viewer, { from, to });
    // The groups of the meetings as the viewer sees them, together (not one look-up per meeting).
    const views = await this.groups.viewsByIds(
      viewer,
      meetings.flatMap((m) => m.groupId ?? []),
    );
    const groups = new Map([...views].map(([id, view]) => [id, WorkingGroupModel.from(view)]));
    // The network's events have no group.
    const listed = meetings.flatMap((meeting): { meeting: MeetingWithAnswer; group: WorkingGroupModel | null }[] => {
      if (!meeting.groupId) return [{ meeting, group: null }];
      const group = groups.get(meeting.groupId);
      return group ? [{ meeting, group }] : [];
    });
    return this.present.list(viewer, listed, (field) => selects(info, [field]));
  }

  @Mutation(() => MeetingModel, {
    description:
      'Schedules a meeting of a group (convenors), once or repeating, maybe hosted jointly with other groups they convene. Members of every host are told, with a calendar invitation by email.',
  })
  async scheduleMeeting(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ScheduleMeetingInput,
  ): Promise<MeetingModel> {
    return MeetingModel.from(meetingRecord(await this.meetings.schedule(viewer, input)), true);
  }

  @Mutation(() => MeetingModel, {
    description:
      'Schedules a network event (network admins and event organisers): hosted by the network, in everyone’s calendar; everyone is told, those who answer are reminded.',
  })
  async scheduleNetworkEvent(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ScheduleNetworkEventInput,
  ): Promise<MeetingModel> {
    return MeetingModel.from(meetingRecord(await this.meetings.scheduleNetworkEvent(viewer, input)), true);
  }

  @Mutation(() => MeetingModel, {
    description:
      'Changes a meeting, or it and the later meetings of its series. People who answered are told; calendars update.',
  })
  async updateMeeting(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateMeetingInput,
  ): Promise<MeetingModel> {
    return MeetingModel.from(meetingRecord(await this.meetings.update(viewer, input)), true);
  }

  @Mutation(() => MeetingModel, {
    description:
      'Cancels a meeting, or it and the later meetings of its series. Reminders are removed; people who answered are told.',
  })
  async cancelMeeting(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CancelMeetingInput,
  ): Promise<MeetingModel> {
    return MeetingModel.from(meetingRecord(await this.meetings.cancel(viewer, input)), true);
  }

  @Mutation(() => MeetingModel, { description: 'Going, maybe or not going, with an optional note for the convenors.' })
  async rsvp(@CurrentViewer() viewer: Viewer, @Args('input') input: RsvpInput): Promise<MeetingModel> {
    const { access } = await this.meetings.rsvp(viewer, input);
    return MeetingModel.from(meetingRecord(access.meeting), access.canManage);
  }

  // ---- calendar feed ----

  @Query(() => CalendarFeedModel, {
    description: 'Whether the viewer has a calendar feed (its address is only shown when made).',
  })
  async calendarFeed(@CurrentViewer() viewer: Viewer): Promise<CalendarFeedModel> {
    const feed = await this.calendar.feedStatus(viewer);
    return {
      active: Boolean(feed),
      url: null,
      createdAt: feed?.createdAt ?? null,
      lastUsedAt: feed?.lastUsedAt ?? null,
    };
  }

  @Mutation(() => CalendarFeedModel, {
    description: 'Makes a new secret feed address for the viewer’s calendar app; the old one stops working.',
  })
  async resetCalendarFeed(@CurrentViewer() viewer: Viewer): Promise<CalendarFeedModel> {
    const { url, createdAt } = await this.calendar.resetFeed(viewer);
    return { active: true, url, createdAt, lastUsedAt: null };
  }

  @Mutation(() => Boolean, { description: 'Turns the viewer’s calendar feed off.' })
  async revokeCalendarFeed(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.calendar.revokeFeed(viewer);
  }

  // ---- fields ----

  @ResolveField(() => RsvpModel, { nullable: true, description: 'The viewer’s own answer.' })
  async myRsvp(@CurrentViewer() viewer: Viewer, @Parent() meeting: MeetingModel): Promise<RsvpModel | null> {
    const mine = (await this.meetings.myRsvps(viewer, [meeting.id])).get(meeting.id);
    return mine ? RsvpModel.from(mine, true) : null;
  }

  @ResolveField(() => RsvpCountsModel)
  async rsvpCounts(@Parent() meeting: MeetingModel): Promise<RsvpCountsModel> {
    return (await this.meetings.rsvpCounts([meeting.id])).get(meeting.id) ?? NO_ANSWERS;
  }

  @ResolveField(() => [RsvpModel], {
    description:
      'Who answered (where the member list is for convenors: the viewer and the convenors); notes for convenors and their writer only.',
  })
  async rsvps(@CurrentViewer() viewer: Viewer, @Parent() meeting: MeetingModel): Promise<RsvpModel[]> {
    const access = await this.meetings.byId(viewer, meeting.id);
    return (await this.present.rsvps(viewer, [access])).get(meeting.id) ?? [];
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'How its series repeats, in words (English); null for a single meeting.',
  })
  async recurrence(@Parent() meeting: MeetingModel): Promise<string | null> {
    if (!meeting.seriesId) return null;
    return recurrenceOf(await this.meetings.series(meeting.seriesId), meeting);
  }

  @ResolveField(() => MeetingRepeatsModel, {
    nullable: true,
    description: 'How its series repeats, in parts to put in words; null for a single meeting.',
  })
  async repeats(@Parent() meeting: MeetingModel): Promise<MeetingRepeatsModel | null> {
    if (!meeting.seriesId) return null;
    return repeatsOf(await this.meetings.series(meeting.seriesId), meeting);
  }

  @ResolveField(() => WorkingGroupModel, {
    nullable: true,
    description: 'The group it was scheduled in; null for a network event.',
  })
  async group(@CurrentViewer() viewer: Viewer, @Parent() meeting: MeetingModel): Promise<WorkingGroupModel | null> {
    return meeting.groupId ? WorkingGroupModel.from(await this.groups.byId(viewer, meeting.groupId)) : null;
  }

  @ResolveField(() => [WorkingGroupModel], {
    description:
      'The groups hosting it: the one it was scheduled in, then any hosting it jointly; none for a network event.',
  })
  async hosts(@CurrentViewer() viewer: Viewer, @Parent() meeting: MeetingModel): Promise<WorkingGroupModel[]> {
    return (await this.present.hosts(viewer, [meeting])).get(meeting.id) ?? [];
  }

  @ResolveField(() => LinkedItemModel, {
    nullable: true,
    description: 'The agenda document, while the viewer may read it.',
  })
  async agendaDocument(
    @CurrentViewer() viewer: Viewer,
    @Parent() meeting: MeetingModel,
  ): Promise<LinkedItemModel | null> {
    return this.document(viewer, meeting.agendaDocumentId);
  }

  @ResolveField(() => LinkedItemModel, { nullable: true })
  async minutesDocument(
    @CurrentViewer() viewer: Viewer,
    @Parent() meeting: MeetingModel,
  ): Promise<LinkedItemModel | null> {
    return this.document(viewer, meeting.minutesDocumentId);
  }

  @ResolveField(() => LinkedItemModel, { nullable: true, description: 'The meeting’s discussion.' })
  async thread(@CurrentViewer() viewer: Viewer, @Parent() meeting: MeetingModel): Promise<LinkedItemModel | null> {
    if (!meeting.threadId) return null;
    const found = await this.threads.thread(viewer, meeting.threadId).catch(() => null);
    return found ? { id: found.thread.id, title: found.thread.title } : null;
  }

  private async document(viewer: Viewer, id: string | null): Promise<LinkedItemModel | null> {
    if (!id) return null;
    const found = await this.documents.byId(viewer, id).catch(() => null);
    return found && !found.document.deletedAt ? { id: found.document.id, title: found.document.title } : null;
  }
}

/** A group's meetings, on the group itself. */
@SignedIn()
@Resolver(() => WorkingGroupModel)
export class GroupMeetingsResolver {
  constructor(
    private readonly service: MeetingsService,
    private readonly present: MeetingPresenter,
  ) {}

  @ResolveField(() => [MeetingModel], {
    nullable: true,
    description:
      'The meetings the group hosts, alone or jointly, that overlap a range (at most 100 days), cancelled ones included; null outside the group.',
  })
  async meetings(
    @CurrentViewer() viewer: Viewer,
    @Parent() group: WorkingGroupModel,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MeetingModel[] | null> {
    const meetings = await this.service.inRange(viewer, group.view, { from, to });
    return meetings
      ? this.present.list(
          viewer,
          meetings.map((meeting) => ({ meeting, group })),
          (field) => selects(info, [field]),
        )
      : null;
  }
}
