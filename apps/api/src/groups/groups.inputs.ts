import { Field, ID, InputType } from '@nestjs/graphql';
import { JoinPolicy, MemberListVisibility, MembershipRole } from '../graphql/enums.js';

// The groups service validates every field and answers BAD_USER_INPUT with per-field messages.

@InputType()
export class CreateWorkingGroupInput {
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => String) purpose!: string;
  @Field(() => JoinPolicy) joinPolicy!: JoinPolicy;
  @Field(() => MemberListVisibility) memberListVisibility!: MemberListVisibility;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Notifications and emails say that something happened in the group, never what. Off by default.',
  })
  contentFreeNotifications?: boolean | null;
}

@InputType()
export class UpdateWorkingGroupInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) purpose?: string;
  @Field(() => JoinPolicy, { nullable: true }) joinPolicy?: JoinPolicy;
  @Field(() => MemberListVisibility, { nullable: true }) memberListVisibility?: MemberListVisibility;
  @Field(() => Boolean, { nullable: true }) contentFreeNotifications?: boolean | null;
}

@InputType()
export class RequestToJoinInput {
  @Field(() => ID) groupId!: string;
  @Field(() => String, { nullable: true }) message?: string | null;
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID) groupId!: string;
  @Field(() => String) email!: string;
  @Field(() => MembershipRole, { defaultValue: MembershipRole.MEMBER }) role!: MembershipRole;
}

@InputType()
export class DecideMembershipInput {
  @Field(() => ID) membershipId!: string;
  @Field(() => Boolean) approve!: boolean;
}

@InputType()
export class SetMemberRoleInput {
  @Field(() => ID) membershipId!: string;
  @Field(() => MembershipRole) role!: MembershipRole;
}
