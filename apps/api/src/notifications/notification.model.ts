import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotificationType } from '@convene/shared-contracts';
import { UserModel } from '../identity/user.model.js';

registerEnumType(NotificationType, { name: 'NotificationType' });

@ObjectType('GroupReference')
export class GroupReferenceModel {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
}

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID) id!: string;
  @Field(() => Int, {
    description: 'Increases with each notification of the same person; fetch `notifications(after:)` to catch up.',
  })
  seq!: number;
  @Field(() => NotificationType) type!: NotificationType;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
  @Field(() => GroupReferenceModel, { nullable: true }) group!: GroupReferenceModel | null;
  @Field(() => UserModel, { nullable: true, description: 'Who caused it; null in content-free mode.' })
  actor!: UserModel | null;
  @Field(() => ID, { nullable: true, description: 'What it is about: a membership, or for discussions the thread.' })
  subjectId!: string | null;
  @Field(() => Boolean, {
    description:
      'Content-free (the group or the person asked for it): say that something happened and where, never who or what.',
  })
  contentFree!: boolean;
}
