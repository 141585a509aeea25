import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { OrganisationType, PitchFieldKind, PitchStatus } from '@convene/shared-contracts';
import { FieldTextsInput, FormTextsInput } from '../graphql/form-texts.model.js';

@InputType()
export class PitchAnswerInput {
  @Field(() => ID) fieldId!: string;
  @Field(() => String, { description: 'For CHECKBOX: "true" or "false".' }) value!: string;
}

@InputType()
export class PitchAttachmentClaimInput {
  @Field(() => ID, { description: 'From POST /api/pitch-attachments.' }) id!: string;
  @Field(() => String, { description: 'The claim that upload answered.' }) claim!: string;
}

@InputType()
export class SubmitPitchInput {
  @Field(() => String) formSlug!: string;
  @Field(() => String) organisationName!: string;
  @Field(() => OrganisationType) organisationType!: OrganisationType;
  @Field(() => String) contactName!: string;
  @Field(() => String) contactEmail!: string;
  @Field(() => String) title!: string;
  @Field(() => String) summary!: string;
  @Field(() => String) helpWanted!: string;
  @Field(() => [ID], { nullable: true, description: 'The working groups it concerns.' }) groupIds?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Not sure which group: the network admins triage it.' })
  notSure?: boolean | null;
  @Field(() => [PitchAnswerInput], { nullable: true }) answers?: PitchAnswerInput[] | null;
  @Field(() => [PitchAttachmentClaimInput], { nullable: true }) attachments?: PitchAttachmentClaimInput[] | null;
  @Field(() => Boolean) consent!: boolean;
  @Field(() => String, { nullable: true, description: 'Leave empty.' }) website?: string | null;
  @Field(() => String, { nullable: true, description: 'en or ar: the language of the emails.' }) locale?: string | null;
}

@InputType()
export class ReviewPitchInput {
  @Field(() => ID) pitchId!: string;
  @Field(() => PitchStatus, {
    nullable: true,
    description: 'RECEIVED, UNDER_REVIEW or DECLINED (accepting is acceptPitch).',
  })
  status?: PitchStatus | null;
  @Field(() => String, { nullable: true, description: 'Required to decline: the partner sees it.' }) declineReason?:
    string | null;
  @Field(() => [ID], { nullable: true, description: 'Replaces the reviewers: convenors of the pitch’s groups.' })
  reviewerIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'An internal note, never shown to the partner.' }) note?:
    string | null;
  @Field(() => String, { nullable: true, description: 'A message to the partner (by email and on their page).' })
  message?: string | null;
}

@InputType()
export class AcceptPitchInput {
  @Field(() => ID) pitchId!: string;
  @Field(() => ID, { description: 'A group the viewer convenes and belongs to.' }) groupId!: string;
  @Field(() => Boolean, { nullable: true, description: 'Invite the partner’s contact to the group as an observer.' })
  inviteContact?: boolean | null;
}

@InputType()
export class PitchFieldInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String) label!: string;
  @Field(() => PitchFieldKind) kind!: PitchFieldKind;
  @Field(() => Boolean, { nullable: true }) required?: boolean | null;
  @Field(() => [String], { nullable: true }) options?: string[] | null;
  @Field(() => [FieldTextsInput], { nullable: true, description: 'Its label and choices in other languages.' })
  translations?: FieldTextsInput[] | null;
}

@InputType()
export class SavePitchFormInput {
  @Field(() => ID, { nullable: true, description: 'Absent for a new form.' }) id?: string | null;
  @Field(() => String) slug!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) intro?: string | null;
  @Field(() => Boolean, { nullable: true }) isOpen?: boolean | null;
  @Field(() => String) consentText!: string;
  @Field(() => Int, { nullable: true }) retentionDays?: number | null;
  @Field(() => [PitchFieldInput], { nullable: true, description: 'In the order shown.' }) fields?:
    PitchFieldInput[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'The language its texts are written in (en or ar); English when left out.',
  })
  language?: string | null;
  @Field(() => [FormTextsInput], {
    nullable: true,
    description: 'Its title, introduction and consent text in other languages.',
  })
  translations?: FormTextsInput[] | null;
}
