import { Args, Context, ID, Int, Mutation, Query, ResolveField, Parent, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, SignedIn, type Viewer } from '@convene/server-core';
import { PitchStatus } from '@convene/shared-contracts';
import { GroupsService } from '@convene/server-groups';
import {
  IdentityService,
  PartnerOrganisationsService,
  type OrganisationReference,
  type User,
} from '@convene/server-identity';
import {
  PartnerPitchesService,
  PitchAcceptanceService,
  PitchFormsService,
  PitchTriageService,
  submissionsErrors,
  type PartnerView,
  type Pitch,
  type PitchForm,
} from '@convene/server-submissions';
import { clientInfo, type GraphQLContext } from '../http/request-context.js';
import { UserModel } from '../identity/user.model.js';
import { PartnerOrganisationModel } from '../identity/partner-organisation.model.js';
import {
  PartnerPitchModel,
  PitchAttachmentModel,
  PitchConnectionModel,
  PitchFormModel,
  PitchMessageModel,
  PitchModel,
  PitchNoteModel,
  PitchReceiptModel,
  type PitchDetails,
  type PitchGroupChoiceModel,
} from './pitch.model.js';
import { AcceptPitchInput, ReviewPitchInput, SavePitchFormInput, SubmitPitchInput } from './pitches.inputs.js';

const RECEIVED =
  'Thank you. We have sent you an email with a private link where you can follow your pitch, read the convenors’ messages and reply.';

@Resolver(() => PitchModel)
export class PitchesResolver {
  constructor(
    private readonly partnerPitches: PartnerPitchesService,
    private readonly triage: PitchTriageService,
    private readonly forms: PitchFormsService,
    private readonly acceptance: PitchAcceptanceService,
    private readonly groups: GroupsService,
    private readonly identity: IdentityService,
    private readonly organisations: PartnerOrganisationsService,
  ) {}

  // ---- partners (no account) ----

  @Public()
  @Query(() => PitchFormModel, { description: 'A public pitch form.' })
  async pitchForm(@Args('slug') slug: string): Promise<PitchFormModel> {
    return PitchFormModel.from(await this.forms.bySlug(slug), await this.groupChoices());
  }

  @Public()
  @Mutation(() => PitchReceiptModel, {
    description: 'Pitches an idea, without an account. Attachments are uploaded first (POST /api/pitch-attachments).',
  })
  async submitPitch(
    @Args('input') input: SubmitPitchInput,
    @Context() ctx: GraphQLContext,
  ): Promise<PitchReceiptModel> {
    await this.partnerPitches.submit(input, clientInfo(ctx.req));
    return { message: RECEIVED };
  }

  @Public()
  @Query(() => PartnerPitchModel, { description: 'A pitch through its private link.' })
  async myPitch(@Args('token') token: string, @Context() ctx: GraphQLContext): Promise<PartnerPitchModel> {
    return partner(await this.partnerPitches.byToken(token, clientInfo(ctx.req)), token);
  }

  @Public()
  @Mutation(() => PartnerPitchModel, {
    description: 'The partner replies, or adds information, through the private link.',
  })
  async replyToPitch(
    @Args('token') token: string,
    @Args('body') body: string,
    @Context() ctx: GraphQLContext,
  ): Promise<PartnerPitchModel> {
    return partner(await this.partnerPitches.replyByToken(token, body, clientInfo(ctx.req)), token);
  }

  @Public()
  @Mutation(() => PartnerPitchModel, { description: 'The partner withdraws their pitch through the private link.' })
  async withdrawPitch(@Args('token') token: string, @Context() ctx: GraphQLContext): Promise<PartnerPitchModel> {
    return partner(await this.partnerPitches.withdrawByToken(token, clientInfo(ctx.req)), token);
  }

  // ---- convenors and admins ----

  @SignedIn()
  @Query(() => PitchConnectionModel, {
    description:
      'Pitches to the groups the viewer convenes (all, for network admins), newest first; empty for everyone else.',
  })
  async pitches(
    @CurrentViewer() viewer: Viewer,
    @Args('status', { type: () => PitchStatus, nullable: true }) status: PitchStatus | null,
    @Args('groupId', { type: () => ID, nullable: true }) groupId: string | null,
    @Args('formId', { type: () => ID, nullable: true }) formId: string | null,
    @Args('from', { type: () => Date, nullable: true }) from: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to: Date | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<PitchConnectionModel> {
    const page = await this.triage.list(viewer, { status, groupId, formId, from, to, first, after });
    return { ...page, nodes: await this.present(viewer, page.nodes) };
  }

  @SignedIn()
  @Query(() => PitchModel, { description: 'A pitch the viewer triages.' })
  async pitch(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<PitchModel> {
    const access = await this.triage.byId(viewer, id);
    return this.presentOne(viewer, access.pitch);
  }

  @SignedIn()
  @Mutation(() => PitchModel, {
    description:
      'A review step: status (under review, or declined with a reason the partner sees), reviewers, an internal note, a message to the partner.',
  })
  async reviewPitch(@CurrentViewer() viewer: Viewer, @Args('input') input: ReviewPitchInput): Promise<PitchModel> {
    const access = await this.triage.review(viewer, input);
    return this.presentOne(viewer, access.pitch);
  }

  @SignedIn()
  @Mutation(() => PitchModel, {
    description:
      'Accepts a pitch into a group the viewer convenes: it becomes a discussion there, with its attachments as documents.',
  })
  async acceptPitch(@CurrentViewer() viewer: Viewer, @Args('input') input: AcceptPitchInput): Promise<PitchModel> {
    const access = await this.acceptance.accept(viewer, input);
    return this.presentOne(viewer, access.pitch);
  }

  @SignedIn()
  @Query(() => [PitchFormModel], { description: 'Every pitch form (network admins and convenors).' })
  async pitchForms(@CurrentViewer() viewer: Viewer): Promise<PitchFormModel[]> {
    const [forms, groups] = await Promise.all([this.forms.list(viewer), this.groupChoices()]);
    return forms.map((f) => PitchFormModel.from(f, groups));
  }

  @SignedIn()
  @Mutation(() => PitchFormModel, {
    description:
      'Creates or changes a pitch form: its questions (in order), open or closed, consent and retention (network admins and convenors).',
  })
  async savePitchForm(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SavePitchFormInput,
  ): Promise<PitchFormModel> {
    return PitchFormModel.from(await this.forms.save(viewer, input), await this.groupChoices());
  }

  // ---- a pitch's details (only ever reached through a pitch the viewer triages) ----

  @ResolveField(() => [PitchMessageModel])
  async messages(@Parent() pitch: PitchModel): Promise<PitchMessageModel[]> {
    const { messages, people, named } = await pitch.details();
    return messages
      .filter((m) => m.pitchId === pitch.id)
      .map((m) => {
        const model = PitchMessageModel.from(m);
        const person = m.authorId && named(m.authorId) ? people.get(m.authorId) : undefined;
        model.convenor = person ? UserModel.from(person) : null;
        return model;
      });
  }

  @ResolveField(() => [PitchNoteModel], { description: 'Internal notes, oldest first.' })
  async notes(@Parent() pitch: PitchModel): Promise<PitchNoteModel[]> {
    const { notes, people, named } = await pitch.details();
    return notes
      .filter((n) => n.pitchId === pitch.id)
      .map((n) => {
        const person = named(n.authorId) ? people.get(n.authorId) : undefined;
        return { id: n.id, author: person ? UserModel.from(person) : null, body: n.body, createdAt: n.createdAt };
      });
  }

  @ResolveField(() => [UserModel])
  async reviewers(@Parent() pitch: PitchModel): Promise<UserModel[]> {
    const { reviewers, people, named } = await pitch.details();
    return reviewers
      .filter((r) => r.pitchId === pitch.id && named(r.userId))
      .flatMap((r) => {
        const person = people.get(r.userId);
        return person ? [UserModel.from(person)] : [];
      });
  }

  @ResolveField(() => [UserModel], {
    description:
      'Who the viewer may ask to review it: convenors of its groups that the viewer convenes too (all of them, and the admins for "not sure", for network admins).',
  })
  async reviewerCandidates(@Parent() pitch: PitchModel): Promise<UserModel[]> {
    return (await pitch.candidates()).map((person) => UserModel.from(person));
  }

  @ResolveField(() => [PitchAttachmentModel])
  async attachments(@Parent() pitch: PitchModel): Promise<PitchAttachmentModel[]> {
    const { attachments } = await pitch.details();
    return attachments
      .filter((a) => a.pitchId === pitch.id)
      .map((a) => PitchAttachmentModel.from(a, `/api/pitches/${pitch.id}/attachments/${a.id}`));
  }

  @ResolveField(() => PartnerOrganisationModel, {
    nullable: true,
    description: 'The partner organisation whose confirmed person has the address it was sent from, if any.',
  })
  async senderOrganisation(@Parent() pitch: PitchModel): Promise<PartnerOrganisationModel | null> {
    const org = (await pitch.senderOrganisations()).get(pitch.contactEmail.toLowerCase());
    return org ? PartnerOrganisationModel.from(org) : null;
  }

  /** One pitch as `present` makes it: the model of the only pitch it was given. */
  private async presentOne(viewer: Viewer, pitch: Pitch): Promise<PitchModel> {
    const [model] = await this.present(viewer, [pitch]);
    if (!model) throw submissionsErrors.pitchNotFound();
    return model;
  }

  /** Pitches with their forms and groups in a few queries whatever their number; details load together on first use. */
  private async present(viewer: Viewer, pitches: Pitch[]): Promise<PitchModel[]> {
    const triaged = await this.triage.triagedGroupIds(viewer);
    const [forms, refs] = await Promise.all([
      this.forms.byIds(pitches.map((p) => p.formId)),
      this.groups.referencesByIds([...pitches.flatMap((p) => p.groupIds), ...triaged.groupIds]),
    ]);
    const choice = (id: string): PitchGroupChoiceModel[] => {
      const ref = refs.get(id);
      return ref ? [{ id, slug: ref.slug, name: ref.name }] : [];
    };
    const mine = triaged.groupIds.flatMap(choice);
    let loaded: Promise<PitchDetails> | null = null;
    const details = () =>
      (loaded ??= Promise.all([this.triage.details(pitches.map((p) => p.id)), this.triage.namedConvenors(viewer)]).then(
        async ([d, named]) => {
          const ids = [
            ...d.messages.flatMap((m) => (m.authorId ? [m.authorId] : [])),
            ...d.notes.map((n) => n.authorId),
            ...d.reviewers.map((r) => r.userId),
          ];
          return { ...d, named, people: await this.identity.usersByIds(ids) };
        },
      ));
    let senders: Promise<Map<string, OrganisationReference>> | null = null;
    const senderOrganisations = () =>
      (senders ??= this.organisations.confirmedByEmails(pitches.map((p) => p.contactEmail)));
    // Candidates depend only on the groups the viewer triages among the pitch's: one look-up per distinct set.
    const candidates = new Map<string, Promise<User[]>>();
    return pitches.map((p) => {
      const managedGroupIds = triaged.isAdmin ? p.groupIds : p.groupIds.filter((id) => triaged.groupIds.includes(id));
      const acceptInto = triaged.isAdmin ? mine : mine.filter((g) => managedGroupIds.includes(g.id));
      const model = PitchModel.from(
        p,
        forms.get(p.formId) as PitchForm | undefined,
        p.groupIds.flatMap(choice),
        acceptInto,
      );
      const key = `${[...managedGroupIds].sort().join(',')}|${triaged.isAdmin && p.notSure}`;
      model.details = details;
      model.senderOrganisations = senderOrganisations;
      model.candidates = () => {
        let people = candidates.get(key);
        if (!people) {
          people = this.triage
            .reviewerCandidateIds({ pitch: p, managedGroupIds, isAdmin: triaged.isAdmin })
            .then(async (ids) => {
              const found = await this.identity.usersByIds(ids);
              return ids.flatMap((id) => {
                const person = found.get(id);
                return person ? [person] : [];
              });
            });
          candidates.set(key, people);
        }
        return people;
      };
      return model;
    });
  }

  private async groupChoices(): Promise<PitchGroupChoiceModel[]> {
    return (await this.groups.publicReferences()).map((g) => ({ id: g.id, slug: g.slug, name: g.name }));
  }
}

function partner(view: PartnerView, token: string): PartnerPitchModel {
  const attachments = view.attachments.map((a) =>
    PitchAttachmentModel.from(a, `/api/pitch-links/${token}/attachments/${a.id}`),
  );
  return PartnerPitchModel.from(view.pitch, view.groupNames, view.messages, attachments);
}
