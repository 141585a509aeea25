import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { User } from '@convene/server-identity';
import { NetworkRole } from '../graphql/enums.js';
import { PartnerOrganisationModel } from './partner-organisation.model.js';

/** The signed-in person, with what only they (and admins) may see. */
@ObjectType('Viewer')
export class ViewerModel {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) locale!: string;
  @Field(() => String) timeZone!: string;
  @Field(() => NetworkRole) networkRole!: NetworkRole;
  @Field(() => PartnerOrganisationModel, { nullable: true }) organisation!: PartnerOrganisationModel | null;
  @Field(() => Boolean, { description: 'Whether two-factor sign-in is on.' }) twoFactorEnabled!: boolean;
  @Field(() => Boolean, {
    description: 'Their role needs two-factor sign-in and it is not on yet: nothing else works until it is.',
  })
  twoFactorSetupRequired!: boolean;

  static from(user: User, twoFactorSetupRequired = false): ViewerModel {
    const org = user.organisation?.isInitialized() ? user.organisation.getEntity() : null;
    return Object.assign(new ViewerModel(), {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      timeZone: user.timeZone,
      networkRole: user.networkRole,
      organisation: org ? PartnerOrganisationModel.from(org) : null,
      twoFactorEnabled: !!user.totpEnabledAt,
      twoFactorSetupRequired,
    });
  }
}
