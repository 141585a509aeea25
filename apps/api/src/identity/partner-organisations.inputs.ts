import { Field, ID, InputType } from '@nestjs/graphql';
import { PartnerOrganisationKind } from '@convene/shared-contracts';

// Declared loosely; PartnerOrganisationsService validates every field and answers BAD_USER_INPUT
// with per-field messages.

@InputType()
export class OrganisationDescriptionInput {
  @Field(() => String, { description: 'en or ar.' }) language!: string;
  @Field(() => String) text!: string;
}

@InputType()
export class PartnerOrganisationInput {
  @Field(() => String) name!: string;
  @Field(() => PartnerOrganisationKind) kind!: PartnerOrganisationKind;
  @Field(() => String, { nullable: true }) area?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => [OrganisationDescriptionInput], { nullable: true }) descriptions?: OrganisationDescriptionInput[] | null;
}

@InputType()
export class DecideAffiliationInput {
  @Field(() => ID) userId!: string;
  @Field(() => ID, { description: 'The organisation the admin saw them waiting for.' }) organisationId!: string;
  @Field(() => Boolean) confirm!: boolean;
}
