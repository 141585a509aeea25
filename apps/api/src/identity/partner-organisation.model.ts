import { Field, HideField, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PartnerOrganisationKind, PitchStatus } from '@convene/shared-contracts';
import type { Viewer } from '@convene/server-core';
import type { GroupLink } from '@convene/server-groups';
import type { OrganisationPerson, PartnerOrganisation } from '@convene/server-identity';

registerEnumType(PartnerOrganisationKind, { name: 'PartnerOrganisationKind' });

/**
 * An organisation as it shows beside a person's name. Lists fill it from the values their one
 * statement read (id, name, website): what the organisation's own page needs is
 * PartnerOrganisationProfile, loaded by its own queries.
 */
@ObjectType('PartnerOrganisation')
export class PartnerOrganisationModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) website!: string | null;

  static from(org: Pick<PartnerOrganisation, 'id' | 'name' | 'website'>): PartnerOrganisationModel {
    return Object.assign(new PartnerOrganisationModel(), { id: org.id, name: org.name, website: org.website });
  }
}

@ObjectType('OrganisationDescription')
export class OrganisationDescriptionModel {
  @Field(() => String, { description: 'en or ar.' }) language!: string;
  @Field(() => String) text!: string;
}

@ObjectType('OrganisationGroup', { description: 'A working group one of its people takes part in.' })
export class OrganisationGroupModel {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
}

@ObjectType('OrganisationPerson', { description: 'A confirmed person of the organisation: no email.' })
export class OrganisationPersonModel {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
  @Field(() => [OrganisationGroupModel], { description: 'Their groups where the viewer may see them.' })
  workingGroups!: OrganisationGroupModel[];
}

@ObjectType('PendingAffiliation', { description: 'Someone who says they work at the organisation, not yet confirmed.' })
export class PendingAffiliationModel {
  @Field(() => ID) userId!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) email!: string;
  @Field(() => Date) since!: Date;
}

@ObjectType('OrganisationPitch', { description: 'A pitch sent by one of the organisation’s confirmed people.' })
export class OrganisationPitchModel {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) contactName!: string;
  @Field(() => PitchStatus) status!: PitchStatus;
  @Field(() => Date) createdAt!: Date;
}

/** The people of an organisation the viewer may see, with their groups. */
export type VisiblePeople = { person: OrganisationPerson; groups: GroupLink[] }[];

@ObjectType('PartnerOrganisationProfile', {
  description: 'A partner organisation as its page and the admins’ list show it.',
})
export class PartnerOrganisationProfileModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => PartnerOrganisationKind) kind!: PartnerOrganisationKind;
  @Field(() => String, { description: 'Where it works, in its own words.' }) area!: string;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => [OrganisationDescriptionModel], { description: 'Its short description, per language.' })
  descriptions!: OrganisationDescriptionModel[];
  @Field(() => Date, { nullable: true, description: 'Archived ones are out of the lists and the profile’s choices.' })
  archivedAt!: Date | null;

  @HideField() viewer!: Viewer;
  /** How many wait for confirmation at each organisation of the answer (null: not for this viewer), counted once for all. */
  @HideField() pendingCounts!: () => Promise<Map<string, number> | null>;
  /** Its people the viewer may see, loaded once for the fields that list them. */
  @HideField() visiblePeople!: () => Promise<VisiblePeople>;

  static from(org: PartnerOrganisation): PartnerOrganisationProfileModel {
    return Object.assign(new PartnerOrganisationProfileModel(), {
      id: org.id,
      name: org.name,
      kind: org.kind,
      area: org.area,
      website: org.website,
      descriptions: Object.entries(org.descriptions).flatMap(([language, text]) => (text ? [{ language, text }] : [])),
      archivedAt: org.archivedAt,
    });
  }
}
