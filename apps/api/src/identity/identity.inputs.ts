import { Field, ID, InputType } from '@nestjs/graphql';
import { SignUpMode } from '../graphql/enums.js';

// Inputs are declared loosely (plain strings); the identity service validates every field and
// answers BAD_USER_INPUT with per-field messages.

@InputType()
export class SignInInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
  @Field(() => String, {
    nullable: true,
    description: 'A code from the authenticator app, or a recovery code, where two-factor sign-in is on.',
  })
  code?: string | null;
}

@InputType()
export class DisableTwoFactorInput {
  @Field(() => String) password!: string;
  @Field(() => String) code!: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) locale?: string | null;
}

@InputType()
export class ResetPasswordInput {
  @Field(() => String) token!: string;
  @Field(() => String) newPassword!: string;
  @Field(() => String, { nullable: true, description: 'Needed where two-factor sign-in is on.' }) code?: string | null;
}

@InputType()
export class SignUpInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) invitationToken?: string | null;
  @Field(() => String, { nullable: true }) locale?: string | null;
  @Field(() => String, { nullable: true }) timeZone?: string | null;
}

@InputType()
export class UpdateProfileInput {
  @Field(() => String) displayName!: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'The organisation they work at: it shows once a network admin confirms it. Null for none; left out, unchanged.',
  })
  organisationId?: string | null;
  @Field(() => String) locale!: string;
  @Field(() => String) timeZone!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String) currentPassword!: string;
  @Field(() => String) newPassword!: string;
}

@InputType()
export class InviteToNetworkInput {
  @Field(() => String) email!: string;
}

@InputType()
export class UpdateNetworkSettingsInput {
  @Field(() => SignUpMode) signUpMode!: SignUpMode;
}
