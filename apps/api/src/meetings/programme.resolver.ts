import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, SignedIn, type Viewer } from '@convene/server-core';
import { EventProgrammeService, EventRegistrationsService } from '@convene/server-meetings';
import { clientInfo, type GraphQLContext } from '../http/request-context.js';
import { MeetingModel, PublicEventModel } from './meeting.model.js';
import { MySessionModel, ProgrammeSessionModel, SessionAttendeeModel } from './programme.model.js';
import { AddProgrammeSessionInput, ReorderProgrammeInput, UpdateProgrammeSessionInput } from './programme.inputs.js';

const noCounts = { confirmed: 0, waitlisted: 0 };

/** An event's programme: the organisers' sessions, and each registrant's workshops through their private link. */
@Resolver()
export class ProgrammeResolver {
  constructor(
    private readonly programme: EventProgrammeService,
    private readonly events: EventRegistrationsService,
  ) {}

  // ---- organisers ----

  @SignedIn()
  @Mutation(() => ProgrammeSessionModel, { description: 'Adds a session to an event’s programme (its organisers).' })
  async addProgrammeSession(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AddProgrammeSessionInput,
  ): Promise<ProgrammeSessionModel> {
    const { access, session } = await this.programme.addSession(viewer, input);
    return ProgrammeSessionModel.from({ session, ...noCounts, placesLeft: session.capacity }, access.meeting.timeZone);
  }

  @SignedIn()
  @Mutation(() => ProgrammeSessionModel, {
    description: 'Changes a session; more places go to its waitlist (the event’s organisers).',
  })
  async updateProgrammeSession(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateProgrammeSessionInput,
  ): Promise<ProgrammeSessionModel> {
    const { access, session } = await this.programme.updateSession(viewer, input);
    const shown = (await this.programme.programmeOf(access.meeting.id)).find((s) => s.session.id === session.id);
    return ProgrammeSessionModel.from(
      shown ?? { session, ...noCounts, placesLeft: session.capacity },
      access.meeting.timeZone,
    );
  }

  @SignedIn()
  @Mutation(() => ID, {
    description: 'Removes a session and everyone’s picks of it; returns its id (the event’s organisers).',
  })
  async removeProgrammeSession(
    @CurrentViewer() viewer: Viewer,
    @Args('sessionId', { type: () => ID }) sessionId: string,
  ): Promise<string> {
    await this.programme.removeSession(viewer, sessionId);
    return sessionId;
  }

  @SignedIn()
  @Mutation(() => [ProgrammeSessionModel], {
    description: 'Puts an event’s sessions in a new order (its organisers).',
  })
  async reorderProgrammeSessions(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ReorderProgrammeInput,
  ): Promise<ProgrammeSessionModel[]> {
    const { access } = await this.programme.reorderSessions(viewer, input);
    return (await this.programme.programmeOf(access.meeting.id)).map((s) =>
      ProgrammeSessionModel.from(s, access.meeting.timeZone),
    );
  }

  @SignedIn()
  @Query(() => [SessionAttendeeModel], {
    description: 'Who has a place at a session, then its waitlist in order (the event’s organisers).',
  })
  async sessionAttendees(
    @CurrentViewer() viewer: Viewer,
    @Args('sessionId', { type: () => ID }) sessionId: string,
  ): Promise<SessionAttendeeModel[]> {
    const { attendees } = await this.programme.attendees(viewer, sessionId);
    return attendees.map((a) => SessionAttendeeModel.from(a));
  }

  // ---- registrants, through their private link ----

  @Public()
  @Query(() => [MySessionModel], {
    description: 'The event’s programme as the registrant sees it: what they attend and their waitlist places.',
  })
  async myProgramme(@Args('token') token: string, @Context() ctx: GraphQLContext): Promise<MySessionModel[]> {
    const { registration, event } = await this.events.byToken(token, clientInfo(ctx.req));
    return (await this.programme.mine(registration)).map((s) => MySessionModel.from(s, event.meeting.timeZone));
  }

  @Public()
  @Mutation(() => [MySessionModel], {
    description:
      'Changes the registrant’s workshops: a full one puts them on its waitlist; a dropped one frees the place for the next in line.',
  })
  async chooseSessions(
    @Args('token') token: string,
    @Args('sessionIds', { type: () => [ID] }) sessionIds: string[],
    @Context() ctx: GraphQLContext,
  ): Promise<MySessionModel[]> {
    const { registration, event } = await this.events.byToken(token, clientInfo(ctx.req));
    return (await this.programme.choose(registration, sessionIds)).map((s) =>
      MySessionModel.from(s, event.meeting.timeZone),
    );
  }
}

/** The programme on a meeting's page. */
@Resolver(() => MeetingModel)
export class MeetingProgrammeResolver {
  constructor(private readonly sessions: EventProgrammeService) {}

  @SignedIn()
  @ResolveField(() => [ProgrammeSessionModel], {
    description: 'Its programme of sessions, in order; how many have a place and wait, for its organisers only.',
  })
  async programme(@Parent() meeting: MeetingModel): Promise<ProgrammeSessionModel[]> {
    return (await this.sessions.programmeOf(meeting.id)).map((s) =>
      ProgrammeSessionModel.from(s, meeting.timeZone, meeting.viewerCanManage),
    );
  }
}

/** The programme on an open event's public page. */
@Resolver(() => PublicEventModel)
export class PublicEventProgrammeResolver {
  constructor(private readonly sessions: EventProgrammeService) {}

  @Public()
  @ResolveField(() => [ProgrammeSessionModel], {
    description: 'Its programme of sessions, in order; workshops can be picked when registering.',
  })
  async programme(@Parent() event: PublicEventModel): Promise<ProgrammeSessionModel[]> {
    return (await this.sessions.programmeOf(event.id)).map((s) => ProgrammeSessionModel.from(s, event.timeZone, false));
  }
}
