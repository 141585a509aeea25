import { Field, InputType } from '@nestjs/graphql';

// The push devices service validates every field and answers BAD_USER_INPUT with per-field messages.

@InputType()
export class PushKeysInput {
  @Field(() => String, { description: "The browser's P-256 public key, base64url." }) p256dh!: string;
  @Field(() => String, { description: "The browser's authentication secret, base64url." }) auth!: string;
}

/** A browser's `PushSubscription.toJSON()`, and the name the device goes by. */
@InputType()
export class RegisterPushDeviceInput {
  @Field(() => String) endpoint!: string;
  @Field(() => PushKeysInput) keys!: PushKeysInput;
  @Field(() => String, { nullable: true, description: 'e.g. "Chromium on Linux"; at most 100 characters.' })
  label?: string | null;
}
