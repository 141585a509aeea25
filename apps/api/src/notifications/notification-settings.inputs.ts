import { Field, InputType, Int } from '@nestjs/graphql';
import { DigestFrequency, EmailDelivery, NotificationCategory } from '@convene/shared-contracts';

// The preferences service validates every field and answers BAD_USER_INPUT with per-field messages.

@InputType()
export class ChannelPreferenceInput {
  @Field(() => NotificationCategory) category!: NotificationCategory;
  @Field(() => Boolean) inApp!: boolean;
  @Field(() => EmailDelivery) email!: EmailDelivery;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Pushed to the viewer’s devices; left out, it stays as it was.',
  })
  push?: boolean | null;
}

@InputType()
export class UpdateNotificationSettingsInput {
  @Field(() => Boolean, { nullable: true }) contentFree?: boolean | null;
  @Field(() => DigestFrequency, { nullable: true }) digestFrequency?: DigestFrequency | null;
  @Field(() => Int, { nullable: true }) digestHour?: number | null;
  @Field(() => Int, { nullable: true }) digestWeekday?: number | null;
  @Field(() => [ChannelPreferenceInput], { nullable: true, description: 'Only the categories given change.' })
  channels?: ChannelPreferenceInput[] | null;
}
