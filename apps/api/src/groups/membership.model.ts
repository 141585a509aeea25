import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { MemberRecord, Membership, MembershipPage } from '@convene/server-groups';
import type { PersonValues } from '@convene/server-identity';
import { MembershipRole, MembershipStatus } from '../graphql/enums.js';
import { UserModel } from '../identity/user.model.js';

@ObjectType('Membership')
export class MembershipModel {
  @Field(() => ID) id!: string;
  @Field(() => UserModel) user!: UserModel;
  @Field(() => MembershipRole) role!: MembershipRole;
  @Field(() => MembershipStatus) status!: MembershipStatus;
  @Field(() => String, {
    nullable: true,
    description:
      'The note sent with a join request, while the request is pending (seen by the requester and the group’s managers).',
  })
  message!: string | null;
  @Field(() => Date) createdAt!: Date;

  /** `person`: the membership's person as plain values, when its reference is not loaded (a group view's). */
  static from(membership: Membership, person?: PersonValues | null): MembershipModel {
    return MembershipModel.withUser(
      membership,
      person ? UserModel.fromValues(person) : UserModel.from(membership.user.getEntity()),
    );
  }

  /** From a page's plain record. */
  static fromRecord(member: MemberRecord): MembershipModel {
    return MembershipModel.withUser(member, UserModel.fromValues(member.person));
  }

  private static withUser(
    membership: Pick<MemberRecord, 'id' | 'role' | 'status' | 'message' | 'createdAt'>,
    user: UserModel,
  ): MembershipModel {
    return Object.assign(new MembershipModel(), {
      id: membership.id,
      user,
      role: membership.role,
      status: membership.status,
      // The note is between the requester and the convenors: never shown once they are a member.
      message: membership.status === MembershipStatus.PENDING ? membership.message : null,
      createdAt: membership.createdAt,
    });
  }
}

@ObjectType('MembershipConnection', { description: 'A page of a group’s memberships.' })
export class MembershipConnectionModel {
  @Field(() => [MembershipModel]) nodes!: MembershipModel[];
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor!: string | null;

  static from(page: MembershipPage): MembershipConnectionModel {
    return Object.assign(new MembershipConnectionModel(), {
      ...page,
      nodes: page.nodes.map((m) => MembershipModel.fromRecord(m)),
    });
  }
}

@ObjectType('InvitationSent')
export class InvitationSentModel {
  @Field(() => String) email!: string;
}
