import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Invitation')
export class InvitationModel {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => Date) expiresAt!: Date;
}

/** What the invitation page shows before the person signs up. */
@ObjectType('InvitationPreview')
export class InvitationPreviewModel {
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true, description: 'The working group the invitation is for, if any.' }) groupName!:
    string | null;
  @Field(() => Date) expiresAt!: Date;
}
