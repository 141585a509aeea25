import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  MeetingChangeScope,
  PollAnswer,
  RecurrenceFrequency,
  RegistrationFieldKind,
  RsvpResponse,
} from '@convene/shared-contracts';
import { FieldTextsInput, FormTextsInput } from '../graphql/form-texts.model.js';

@InputType()
export class RecurrenceInput {
  @Field(() => RecurrenceFrequency) frequency!: RecurrenceFrequency;
  @Field(() => Int, { nullable: true, description: 'Every n weeks or months (1–12); 1 when left out.' }) interval?:
    number | null;
  @Field(() => Int, { nullable: true, description: 'How many meetings in all (2–52).' }) count?: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'The last day a meeting may fall on, YYYY-MM-DD, in the meeting’s zone.',
  })
  until?: string | null;
}

/** A network event: what a meeting has, without a group and its documents, discussions or repeats. */
@InputType()
export class ScheduleNetworkEventInput {
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true, description: 'Markdown.' }) description?: string | null;
  @Field(() => String, { description: 'Local date-time in timeZone, YYYY-MM-DDTHH:mm.' }) startsAt!: string;
  @Field(() => String, { description: 'Local date-time in timeZone, YYYY-MM-DDTHH:mm.' }) endsAt!: string;
  @Field(() => String, { description: 'An IANA zone, like Europe/London.' }) timeZone!: string;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => String, { nullable: true }) accessibilityNotes?: string | null;
  @Field(() => String, { nullable: true, description: 'A video call link (https).' }) onlineUrl?: string | null;
  @Field(() => [Int], { nullable: true, description: 'Minutes before the start; a day and an hour when left out.' })
  reminderMinutes?: number[] | null;
  @Field(() => String, { nullable: true, description: 'Markdown.' }) agendaText?: string | null;
}

/** A group's meeting: what a network event has, with its group, co-hosts, repeats and the group's documents and discussion. */
@InputType()
export class ScheduleMeetingInput extends ScheduleNetworkEventInput {
  @Field(() => ID) groupId!: string;
  @Field(() => [ID], {
    nullable: true,
    description: 'Other groups hosting it jointly (at most 10); the scheduler must convene each.',
  })
  coHostGroupIds?: string[] | null;
  @Field(() => RecurrenceInput, { nullable: true }) recurrence?: RecurrenceInput | null;
  @Field(() => ID, { nullable: true, description: 'A document of the group.' }) agendaDocumentId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A discussion of the group.' }) threadId?: string | null;
}

@InputType()
export class UpdateMeetingInput {
  @Field(() => ID) id!: string;
  @Field(() => MeetingChangeScope, { nullable: true, description: 'OCCURRENCE when left out.' })
  scope?: MeetingChangeScope | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) startsAt?: string | null;
  @Field(() => String, { nullable: true }) endsAt?: string | null;
  @Field(() => String, { nullable: true }) timeZone?: string | null;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => String, { nullable: true }) accessibilityNotes?: string | null;
  @Field(() => String, { nullable: true }) onlineUrl?: string | null;
  @Field(() => [Int], { nullable: true }) reminderMinutes?: number[] | null;
  @Field(() => String, { nullable: true }) agendaText?: string | null;
  @Field(() => ID, { nullable: true }) agendaDocumentId?: string | null;
  @Field(() => String, { nullable: true }) minutesText?: string | null;
  @Field(() => ID, { nullable: true }) minutesDocumentId?: string | null;
  @Field(() => ID, { nullable: true }) threadId?: string | null;
  @Field(() => [ID], {
    nullable: true,
    description:
      'All the other groups hosting it (an empty list: none; left out: unchanged). Who adds or removes a group must convene it.',
  })
  coHostGroupIds?: string[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Links to remove: agendaDocumentId, minutesDocumentId, threadId, onlineUrl.',
  })
  clear?: ('agendaDocumentId' | 'minutesDocumentId' | 'threadId' | 'onlineUrl')[] | null;
}

@InputType()
export class CancelMeetingInput {
  @Field(() => ID) id!: string;
  @Field(() => MeetingChangeScope, { nullable: true }) scope?: MeetingChangeScope | null;
  @Field(() => String, { nullable: true, description: 'Told to the people who answered.' }) reason?: string | null;
}

@InputType()
export class RsvpInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => RsvpResponse) response!: RsvpResponse;
  @Field(() => String, { nullable: true, description: 'Access or interpretation needs: only convenors see it.' })
  note?: string | null;
}

@InputType()
export class PollSlotInput {
  @Field(() => String, { description: 'Local date-time in the poll’s zone, YYYY-MM-DDTHH:mm.' }) startsAt!: string;
  @Field(() => String) endsAt!: string;
}

@InputType()
export class CreateMeetingPollInput {
  @Field(() => ID) groupId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String) timeZone!: string;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => String, { nullable: true }) accessibilityNotes?: string | null;
  @Field(() => String, { nullable: true }) onlineUrl?: string | null;
  @Field(() => [PollSlotInput]) slots!: PollSlotInput[];
}

@InputType()
export class PollAnswerInput {
  @Field(() => ID) slotId!: string;
  @Field(() => PollAnswer) answer!: PollAnswer;
}

@InputType()
export class AnswerMeetingPollInput {
  @Field(() => ID) pollId!: string;
  @Field(() => [PollAnswerInput]) answers!: PollAnswerInput[];
}

@InputType()
export class PickMeetingPollSlotInput {
  @Field(() => ID) pollId!: string;
  @Field(() => ID) slotId!: string;
  @Field(() => [Int], { nullable: true }) reminderMinutes?: number[] | null;
}

@InputType()
export class RegistrationFieldInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Keep a question’s id when editing the form, so earlier answers stay attached.',
  })
  id?: string | null;
  @Field(() => String) label!: string;
  @Field(() => RegistrationFieldKind) kind!: RegistrationFieldKind;
  @Field(() => Boolean, { nullable: true }) required?: boolean | null;
  @Field(() => [String], { nullable: true, description: 'For CHOICE.' }) options?: string[] | null;
  @Field(() => [FieldTextsInput], { nullable: true, description: 'Its label and choices in other languages.' })
  translations?: FieldTextsInput[] | null;
}

@InputType()
export class ConfigureEventInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => String, { description: 'The public page’s address: /events/<slug>.' }) slug!: string;
  @Field(() => Boolean, { nullable: true }) isOpen?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Places; no limit when left out.' }) capacity?: number | null;
  @Field(() => Boolean, { nullable: true }) waitlistEnabled?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Local date-time in the event’s zone.' }) deadline?:
    string | null;
  @Field(() => Boolean, { nullable: true }) requiresApproval?: boolean | null;
  @Field(() => Int, { nullable: true }) retentionDays?: number | null;
  @Field(() => String) consentText!: string;
  @Field(() => [RegistrationFieldInput], { nullable: true }) fields?: RegistrationFieldInput[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'The language the meeting and its form are written in (en or ar); English when left out.',
  })
  language?: string | null;
  @Field(() => [FormTextsInput], {
    nullable: true,
    description: 'The public page’s title, description (Markdown) and consent text in other languages.',
  })
  translations?: FormTextsInput[] | null;
}

@InputType()
export class RegistrationAnswerInput {
  @Field(() => ID) fieldId!: string;
  @Field(() => String, { description: 'For CHECKBOX: "true" or "false".' }) value!: string;
}

@InputType()
export class RegisterForEventInput {
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) organisation?: string | null;
  @Field(() => [RegistrationAnswerInput], { nullable: true }) answers?: RegistrationAnswerInput[] | null;
  @Field(() => Boolean) consent!: boolean;
  @Field(() => String, { nullable: true, description: 'Leave empty.' }) website?: string | null;
  @Field(() => String, { nullable: true, description: 'en or ar: the language of the emails.' }) locale?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The workshops of the programme picked.' }) sessionIds?:
    string[] | null;
}

@InputType()
export class EmailRegistrantsInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => String) subject!: string;
  @Field(() => String) message!: string;
  @Field(() => Boolean, { nullable: true }) includeWaitlist?: boolean | null;
}
