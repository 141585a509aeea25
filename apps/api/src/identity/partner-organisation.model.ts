import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { PartnerOrganisation } from '@convene/server-identity';

@ObjectType('PartnerOrganisation')
export class PartnerOrganisationModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) website!: string | null;

  static from(org: PartnerOrganisation): PartnerOrganisationModel {
    return Object.assign(new PartnerOrganisationModel(), { id: org.id, name: org.name, website: org.website });
  }
}
