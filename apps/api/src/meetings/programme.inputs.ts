import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ProgrammeSessionKind } from '@convene/shared-contracts';

@InputType()
export class ProgrammeSessionFieldsInput {
  @Field(() => String) title!: string;
  @Field(() => ProgrammeSessionKind) kind!: ProgrammeSessionKind;
  @Field(() => String, { description: 'Local date-time in the event’s zone, YYYY-MM-DDTHH:mm.' }) startsAt!: string;
  @Field(() => String, { description: 'Local date-time in the event’s zone, YYYY-MM-DDTHH:mm.' }) endsAt!: string;
  @Field(() => String, { nullable: true }) room?: string | null;
  @Field(() => String, { nullable: true, description: 'Markdown.' }) description?: string | null;
  @Field(() => Int, { nullable: true, description: 'Places at a workshop; empty for no limit.' }) capacity?:
    number | null;
}

@InputType()
export class AddProgrammeSessionInput extends ProgrammeSessionFieldsInput {
  @Field(() => ID) meetingId!: string;
}

@InputType()
export class UpdateProgrammeSessionInput extends ProgrammeSessionFieldsInput {
  @Field(() => ID) sessionId!: string;
}

@InputType()
export class ReorderProgrammeInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => [ID], { description: 'Every session of the programme, in the new order.' }) sessionIds!: string[];
}
