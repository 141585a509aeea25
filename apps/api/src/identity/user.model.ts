import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { PersonValues, User } from '@convene/server-identity';
import { PartnerOrganisationModel } from './partner-organisation.model.js';

/** Another person, as members of a shared group see them: no email. */
@ObjectType('User')
export class UserModel {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
  @Field(() => PartnerOrganisationModel, { nullable: true }) organisation!: PartnerOrganisationModel | null;

  /** From values read without entities (a hot list's single statement). */
  static fromValues(user: PersonValues): UserModel {
    const organisation = user.organisation ? Object.assign(new PartnerOrganisationModel(), user.organisation) : null;
    return Object.assign(new UserModel(), { id: user.id, displayName: user.displayName, organisation });
  }

  static from(user: User): UserModel {
    const org = user.organisation?.isInitialized() ? user.organisation.getEntity() : null;
    return Object.assign(new UserModel(), {
      id: user.id,
      displayName: user.displayName,
      organisation: org ? PartnerOrganisationModel.from(org) : null,
    });
  }
}
