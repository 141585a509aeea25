import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, SignedIn, type Viewer } from '@convene/server-core';
import { RegistrationStatus } from '@convene/shared-contracts';
import { EventRegistrationsService, meetingRecord, type PublicEvent } from '@convene/server-meetings';
import { GroupsService } from '@convene/server-groups';
import { clientInfo, type GraphQLContext } from '../http/request-context.js';
import {
  EventFormModel,
  EventRegistrationModel,
  MeetingModel,
  MyRegistrationModel,
  PublicEventModel,
  RegistrationCountsModel,
  RegistrationReceiptModel,
} from './meeting.model.js';
import { ConfigureEventInput, EmailRegistrantsInput, RegisterForEventInput } from './meetings.inputs.js';

const RECEIVED =
  'Thank you. We have sent you an email: it says whether your place is confirmed and has a private link to see or cancel your registration.';

/** Open events: the public page and form (no account), the registrant's private link, and the organisers' tools. */
@Resolver(() => MeetingModel)
export class EventsResolver {
  constructor(
    private readonly events: EventRegistrationsService,
    private readonly groups: GroupsService,
  ) {}

  // ---- the public ----

  @Public()
  @Query(() => PublicEventModel, { description: 'An open event’s public page.' })
  async publicEvent(@Args('slug') slug: string): Promise<PublicEventModel> {
    return this.present(await this.events.publicEvent(slug));
  }

  @Public()
  @Mutation(() => RegistrationReceiptModel, {
    description: 'Registers for an open event. The answer never says whether the email was already registered.',
  })
  async registerForEvent(
    @Args('input') input: RegisterForEventInput,
    @Context() ctx: GraphQLContext,
  ): Promise<RegistrationReceiptModel> {
    await this.events.register(input, clientInfo(ctx.req));
    return { message: RECEIVED };
  }

  @Public()
  @Query(() => MyRegistrationModel, { description: 'A registration through its private link.' })
  async myRegistration(@Args('token') token: string, @Context() ctx: GraphQLContext): Promise<MyRegistrationModel> {
    return this.registration(await this.events.byToken(token, clientInfo(ctx.req)));
  }

  @Public()
  @Mutation(() => MyRegistrationModel, {
    description: 'Cancels a registration through its private link; the first on the waitlist gets the place.',
  })
  async cancelRegistration(@Args('token') token: string, @Context() ctx: GraphQLContext): Promise<MyRegistrationModel> {
    return this.registration(await this.events.cancelByToken(token, clientInfo(ctx.req)));
  }

  // ---- organisers ----

  @SignedIn()
  @Mutation(() => MeetingModel, {
    description:
      'Makes a meeting an open event with a public registration form, or changes the form (convenors and network admins).',
  })
  async configureEvent(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ConfigureEventInput,
  ): Promise<MeetingModel> {
    const { access } = await this.events.configure(viewer, input);
    return MeetingModel.from(meetingRecord(access.meeting), access.canManage);
  }

  @SignedIn()
  @Query(() => [EventRegistrationModel], {
    description: 'Everyone registered for an event, oldest first (organisers).',
  })
  async eventRegistrations(
    @CurrentViewer() viewer: Viewer,
    @Args('meetingId', { type: () => ID }) meetingId: string,
  ): Promise<EventRegistrationModel[]> {
    const { registrations } = await this.events.registrations(viewer, meetingId);
    return registrations.map((r) => EventRegistrationModel.from(r));
  }

  @SignedIn()
  @Mutation(() => EventRegistrationModel, {
    description: 'Approves or declines a pending (or waitlisted) registration (organisers).',
  })
  async decideRegistration(
    @CurrentViewer() viewer: Viewer,
    @Args('registrationId', { type: () => ID }) registrationId: string,
    @Args('approve') approve: boolean,
  ): Promise<EventRegistrationModel> {
    return EventRegistrationModel.from(await this.events.decide(viewer, { registrationId, approve }));
  }

  @SignedIn()
  @Mutation(() => EventRegistrationModel, { description: 'Checks someone in on the day, or undoes it (organisers).' })
  async checkInRegistration(
    @CurrentViewer() viewer: Viewer,
    @Args('registrationId', { type: () => ID }) registrationId: string,
    @Args('checkedIn') checkedIn: boolean,
  ): Promise<EventRegistrationModel> {
    return EventRegistrationModel.from(await this.events.checkIn(viewer, { registrationId, checkedIn }));
  }

  @SignedIn()
  @Mutation(() => Int, { description: 'Emails everyone registered; returns how many were written to (organisers).' })
  async emailRegistrants(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: EmailRegistrantsInput,
  ): Promise<number> {
    return this.events.emailRegistrants(viewer, input);
  }

  // ---- on meetings ----

  @SignedIn()
  @ResolveField(() => EventFormModel, {
    nullable: true,
    description: 'Its public registration form, if it is an open event.',
  })
  async eventForm(@Parent() meeting: MeetingModel): Promise<EventFormModel | null> {
    const form = await this.events.formOf(meeting.id);
    return form ? EventFormModel.from(form, meeting.timeZone) : null;
  }

  @SignedIn()
  @ResolveField(() => RegistrationCountsModel, {
    nullable: true,
    description: 'How many registered, for its organisers; null otherwise.',
  })
  async registrationCounts(@Parent() meeting: MeetingModel): Promise<RegistrationCountsModel | null> {
    if (!meeting.viewerCanManage) return null;
    const form = await this.events.formOf(meeting.id);
    if (!form) return null;
    return (
      (await this.events.counts([meeting.id])).get(meeting.id) ?? {
        confirmed: 0,
        pending: 0,
        waitlisted: 0,
        cancelled: 0,
        checkedIn: 0,
      }
    );
  }

  private async present(event: PublicEvent): Promise<PublicEventModel> {
    // Its hosts by name, the group it was scheduled in first: "Policing and surveillance, Health and
    // Social Care"; none for a network event.
    const ids = [...(event.meeting.group ? [event.meeting.group.id] : []), ...event.meeting.coHostIds];
    const names = await this.groups.namesOf(ids);
    return PublicEventModel.from(event, ids.flatMap((id) => names.get(id) ?? []).join(', '));
  }

  private async registration(
    found: Awaited<ReturnType<EventRegistrationsService['byToken']>>,
  ): Promise<MyRegistrationModel> {
    const { registration, event, position } = found;
    return {
      name: registration.name,
      email: registration.email,
      organisation: registration.organisation,
      status: registration.status,
      waitlistPosition: position,
      onlineUrl: registration.status === RegistrationStatus.CONFIRMED ? event.meeting.onlineUrl : null,
      event: await this.present(event),
    };
  }
}
