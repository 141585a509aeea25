import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, NetworkAdminOnly, SignedIn, type Viewer } from '@convene/server-core';
import { GroupsService } from '@convene/server-groups';
import { PartnerOrganisationsService, type PartnerOrganisation } from '@convene/server-identity';
import { PitchTriageService } from '@convene/server-submissions';
import {
  OrganisationGroupModel,
  OrganisationPersonModel,
  OrganisationPitchModel,
  PartnerOrganisationProfileModel,
  PendingAffiliationModel,
} from './partner-organisation.model.js';
import { DecideAffiliationInput, PartnerOrganisationInput } from './partner-organisations.inputs.js';

/** Partner organisations: their pages for everyone signed in, their management for network admins. */
@Resolver(() => PartnerOrganisationProfileModel)
export class PartnerOrganisationsResolver {
  constructor(
    private readonly organisations: PartnerOrganisationsService,
    private readonly groups: GroupsService,
    private readonly triage: PitchTriageService,
  ) {}

  @SignedIn()
  @Query(() => [PartnerOrganisationProfileModel], {
    description: 'Partner organisations by name; archived ones only for network admins who ask for them.',
  })
  async partnerOrganisations(
    @CurrentViewer() viewer: Viewer,
    @Args('includeArchived', { type: () => Boolean, defaultValue: false }) includeArchived: boolean,
  ): Promise<PartnerOrganisationProfileModel[]> {
    return this.presentAll(viewer, await this.organisations.list(viewer, includeArchived));
  }

  @SignedIn()
  @Query(() => PartnerOrganisationProfileModel)
  async partnerOrganisation(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PartnerOrganisationProfileModel> {
    return this.present(viewer, await this.organisations.byId(id));
  }

  @NetworkAdminOnly()
  @Mutation(() => PartnerOrganisationProfileModel)
  async createPartnerOrganisation(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: PartnerOrganisationInput,
  ): Promise<PartnerOrganisationProfileModel> {
    return this.present(viewer, await this.organisations.create(viewer, input));
  }

  @NetworkAdminOnly()
  @Mutation(() => PartnerOrganisationProfileModel)
  async updatePartnerOrganisation(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: PartnerOrganisationInput,
  ): Promise<PartnerOrganisationProfileModel> {
    return this.present(viewer, await this.organisations.update(viewer, id, input));
  }

  @NetworkAdminOnly()
  @Mutation(() => PartnerOrganisationProfileModel, {
    description: 'Takes it out of the lists and the profile’s choices; requests waiting for it are declined.',
  })
  async archivePartnerOrganisation(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PartnerOrganisationProfileModel> {
    return this.present(viewer, await this.organisations.setArchived(viewer, id, true));
  }

  @NetworkAdminOnly()
  @Mutation(() => PartnerOrganisationProfileModel)
  async restorePartnerOrganisation(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PartnerOrganisationProfileModel> {
    return this.present(viewer, await this.organisations.setArchived(viewer, id, false));
  }

  @NetworkAdminOnly()
  @Mutation(() => PartnerOrganisationProfileModel, {
    description:
      'Moves the source’s people (confirmed and waiting) to the target and removes the source, in one transaction. Answers the target.',
  })
  async mergePartnerOrganisations(
    @CurrentViewer() viewer: Viewer,
    @Args('sourceId', { type: () => ID }) sourceId: string,
    @Args('targetId', { type: () => ID }) targetId: string,
  ): Promise<PartnerOrganisationProfileModel> {
    return this.present(viewer, await this.organisations.merge(viewer, sourceId, targetId));
  }

  @NetworkAdminOnly()
  @Mutation(() => PartnerOrganisationProfileModel, {
    description:
      'Confirms that someone works at the organisation they named (it then shows beside their name), or declines it. Answers the organisation.',
  })
  async decideAffiliation(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: DecideAffiliationInput,
  ): Promise<PartnerOrganisationProfileModel> {
    await this.organisations.decideAffiliation(viewer, input);
    return this.present(viewer, await this.organisations.byId(input.organisationId, 'organisationId'));
  }

  @ResolveField(() => [OrganisationPersonModel], {
    description:
      'Its confirmed people the viewer may see: as the member lists of their groups show them (all, for admins).',
  })
  async people(@Parent() org: PartnerOrganisationProfileModel): Promise<OrganisationPersonModel[]> {
    return (await org.visiblePeople()).map(({ person, groups }) => ({ ...person, workingGroups: groups }));
  }

  @ResolveField(() => [OrganisationGroupModel], {
    description: 'The working groups its people take part in, where the viewer may see them.',
  })
  async workingGroups(@Parent() org: PartnerOrganisationProfileModel): Promise<OrganisationGroupModel[]> {
    const groups = new Map<string, OrganisationGroupModel>();
    for (const { groups: theirs } of await org.visiblePeople()) for (const g of theirs) groups.set(g.id, g);
    return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  @ResolveField(() => [OrganisationPitchModel], {
    description: 'Pitches its confirmed people sent, newest first: those the viewer triages (none for others).',
  })
  async pitches(@Parent() org: PartnerOrganisationProfileModel): Promise<OrganisationPitchModel[]> {
    const pitches = await this.triage.fromAddresses(org.viewer, await this.organisations.confirmedEmails(org.id));
    return pitches.map((p) => ({
      id: p.id,
      title: p.title,
      contactName: p.contactName,
      status: p.status,
      createdAt: p.createdAt,
    }));
  }

  @ResolveField(() => [PendingAffiliationModel], {
    nullable: true,
    description:
      'People waiting for a network admin to confirm that they work here; null for everyone but network admins.',
  })
  async pendingAffiliations(@Parent() org: PartnerOrganisationProfileModel): Promise<PendingAffiliationModel[] | null> {
    return this.organisations.pendingAffiliations(org.viewer, org.id);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'How many wait for a network admin to confirm that they work here; null for everyone but network admins.',
  })
  async pendingAffiliationCount(@Parent() org: PartnerOrganisationProfileModel): Promise<number | null> {
    const counts = await org.pendingCounts();
    return counts ? (counts.get(org.id) ?? 0) : null;
  }

  private present(viewer: Viewer, org: PartnerOrganisation): PartnerOrganisationProfileModel {
    const [model] = this.presentAll(viewer, [org]);
    if (!model) throw new Error('An organisation was presented as nothing.');
    return model;
  }

  /** The organisations of one answer: what their fields load, they load once for all of them. */
  private presentAll(viewer: Viewer, orgs: PartnerOrganisation[]): PartnerOrganisationProfileModel[] {
    let counted: ReturnType<PartnerOrganisationProfileModel['pendingCounts']> | null = null;
    const pendingCounts = () =>
      (counted ??= this.organisations.pendingCounts(
        viewer,
        orgs.map((o) => o.id),
      ));
    return orgs.map((org) => this.model(viewer, org, pendingCounts));
  }

  private model(
    viewer: Viewer,
    org: PartnerOrganisation,
    pendingCounts: PartnerOrganisationProfileModel['pendingCounts'],
  ): PartnerOrganisationProfileModel {
    const model = PartnerOrganisationProfileModel.from(org);
    model.viewer = viewer;
    model.pendingCounts = pendingCounts;
    let loaded: ReturnType<PartnerOrganisationProfileModel['visiblePeople']> | null = null;
    model.visiblePeople = () =>
      (loaded ??= this.organisations.confirmedPeople(org.id).then(async (people) => {
        const seen = await this.groups.visibleGroupsOf(
          viewer,
          people.map((p) => p.id),
        );
        return people.flatMap((person) => {
          const groups = seen.get(person.id);
          return groups ? [{ person, groups }] : [];
        });
      }));
    return model;
  }
}
