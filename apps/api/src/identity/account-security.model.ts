import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** One of the viewer's signed-in devices. */
@ObjectType('AccountSession')
export class AccountSessionModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'The browser it was started from, as it named itself.' })
  userAgent!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) lastSeenAt!: Date;
  @Field(() => Boolean, { description: 'The session of this request.' }) current!: boolean;
}

@ObjectType('TwoFactorStatus')
export class TwoFactorStatusModel {
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => Date, { nullable: true }) enabledAt!: Date | null;
  @Field(() => Int) recoveryCodesLeft!: number;
  @Field(() => Boolean, { description: 'Whether the viewer’s role needs it (network admins, convenors).' })
  required!: boolean;
}

/** A secret being set up, shown once: scan the QR code or type the secret, then confirm a code. */
@ObjectType('TwoFactorSetup')
export class TwoFactorSetupModel {
  @Field(() => String) secret!: string;
  @Field(() => String) otpauthUri!: string;
  @Field(() => String, { description: 'The otpauth address as an SVG QR code.' }) qrSvg!: string;
}

@ObjectType('PasswordResetPreview')
export class PasswordResetPreviewModel {
  @Field(() => Boolean, { description: 'The reset needs a code from the authenticator app or a recovery code.' })
  twoFactorRequired!: boolean;
}
