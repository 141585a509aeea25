import { Field, HideField, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  MeetingChangeScope,
  MeetingStatus,
  PollAnswer,
  PollStatus,
  RecurrenceFrequency,
  RegistrationFieldKind,
  RegistrationStatus,
  RsvpResponse,
} from '@convene/shared-contracts';
import {
  formatLocalDateTime,
  toZoned,
  type EventForm,
  type MeetingRecord,
  type RsvpRecord,
  type EventRegistration,
  type MeetingPoll,
  type MeetingPollSlot,
  type MeetingRsvp,
  type PublicEvent,
  type RegistrationCounts,
} from '@convene/server-meetings';
import { renderMarkdown } from '@convene/server-discussions';
import { UserModel } from '../identity/user.model.js';
import { WorkingGroupModel } from '../groups/working-group.model.js';
import { PRELOADED, type Preloadable } from '../graphql/preloaded-fields.js';
import { FieldTextsModel, FormTextsModel } from '../graphql/form-texts.model.js';

registerEnumType(MeetingStatus, { name: 'MeetingStatus' });
registerEnumType(RsvpResponse, { name: 'RsvpResponse' });
registerEnumType(RecurrenceFrequency, {
  name: 'RecurrenceFrequency',
  description:
    'WEEKLY: every n weeks on the same weekday; MONTHLY_BY_WEEKDAY: the same weekday of every n-th month (2nd Tuesday, last Friday).',
});
registerEnumType(MeetingChangeScope, {
  name: 'MeetingChangeScope',
  description: 'OCCURRENCE: this meeting only; FOLLOWING: it and the later meetings of its series.',
});
registerEnumType(PollStatus, { name: 'PollStatus' });
registerEnumType(PollAnswer, { name: 'PollAnswer' });
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });
registerEnumType(RegistrationFieldKind, { name: 'RegistrationFieldKind' });

const local = (date: Date, zone: string) => formatLocalDateTime(toZoned(date, zone));
/** Markdown as the discussions render it: escaped, no raw HTML, safe links. */
const html = (markdown: string) => (markdown ? renderMarkdown(markdown) : '');

@ObjectType('RsvpCounts')
export class RsvpCountsModel {
  @Field(() => Int) going!: number;
  @Field(() => Int) maybe!: number;
  @Field(() => Int) notGoing!: number;
}

@ObjectType('Rsvp', { description: 'One member’s answer to a meeting.' })
export class RsvpModel {
  @Field(() => UserModel, { nullable: true }) person!: UserModel | null;
  @Field(() => RsvpResponse) response!: RsvpResponse;
  @Field(() => String, {
    nullable: true,
    description: 'Access or interpretation needs: for convenors, and for the person who wrote it.',
  })
  note!: string | null;
  @Field(() => Date) updatedAt!: Date;
  @HideField() userId!: string;

  static from(rsvp: MeetingRsvp | RsvpRecord, showNote: boolean): RsvpModel {
    return Object.assign(new RsvpModel(), {
      person: null,
      response: rsvp.response,
      note: showNote ? rsvp.note : null,
      updatedAt: rsvp.updatedAt,
      userId: rsvp.userId,
    });
  }
}

@ObjectType('LinkedItem', { description: 'A document or discussion of the group linked to a meeting.' })
export class LinkedItemModel {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
}

@ObjectType('MeetingRepeats', {
  description: 'How a meeting’s series repeats, in parts to put in words in any language.',
})
export class MeetingRepeatsModel {
  @Field(() => RecurrenceFrequency) frequency!: RecurrenceFrequency;
  @Field(() => Int, { description: 'Every how many weeks or months.' }) interval!: number;
  @Field(() => Int, { description: '0 Sunday … 6 Saturday, in the meeting’s time zone.' }) weekday!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Monthly: which such weekday of the month, 1–4, or -1 for the last; null when weekly.',
  })
  position!: number | null;
}

/** The fields of a meeting a list loads for all its meetings at once (see MeetingPresenter). */
export interface MeetingPreloads {
  myRsvp: RsvpModel | null;
  rsvpCounts: RsvpCountsModel;
  rsvps: RsvpModel[];
  recurrence: string | null;
  repeats: MeetingRepeatsModel | null;
  group: WorkingGroupModel | null;
  hosts: WorkingGroupModel[];
  agendaDocument: LinkedItemModel | null;
  minutesDocument: LinkedItemModel | null;
  thread: LinkedItemModel | null;
  eventForm: EventFormModel | null;
  /** Null where the viewer does not organise it or it is not an open event. */
  registrationCounts: RegistrationCounts | null;
}

@ObjectType('Meeting')
export class MeetingModel implements Preloadable<MeetingPreloads> {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'Null for a network event.' }) groupId!: string | null;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'Markdown.' }) description!: string;
  @Field(() => Date, { description: 'UTC; show it in the viewer’s zone with the zone named.' }) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'One meeting of a series moved on its own: the start its series gave it (UTC).',
  })
  movedFrom!: Date | null;
  @Field(() => String, { description: 'The IANA zone it was scheduled in.' }) timeZone!: string;
  // The local times and the HTML below are worked out only when a query asks for them.
  @Field(() => String, { description: 'The start as typed in its own zone, YYYY-MM-DDTHH:mm (for editing).' })
  get startsAtLocal(): string {
    return local(this.startsAt, this.timeZone);
  }

  @Field(() => String)
  get endsAtLocal(): string {
    return local(this.endsAt, this.timeZone);
  }

  @Field(() => String, { description: 'The address, for meetings in person.' }) location!: string;
  @Field(() => String) accessibilityNotes!: string;
  @Field(() => String, { nullable: true, description: 'The video call link: for the group’s members.' }) onlineUrl!:
    string | null;
  @Field(() => MeetingStatus) status!: MeetingStatus;
  @Field(() => String) cancellationReason!: string;
  @Field(() => Int, { description: 'Grows with every change calendars must pick up.' }) sequence!: number;
  @Field(() => [Int], { description: 'Minutes before the start when members are reminded.' })
  reminderMinutes!: number[];
  @Field(() => ID, { nullable: true, description: 'The series this meeting belongs to, if it repeats.' }) seriesId!:
    string | null;
  @Field(() => String, { description: 'Markdown.' }) agendaText!: string;
  @Field(() => String, { description: 'Markdown.' }) minutesText!: string;

  @Field(() => String, { description: 'The description rendered from Markdown (sanitised HTML).' })
  get descriptionHtml(): string {
    return html(this.description);
  }

  @Field(() => String, { description: 'The agenda rendered from Markdown (sanitised HTML).' })
  get agendaHtml(): string {
    return html(this.agendaText);
  }

  @Field(() => String, { description: 'The minutes rendered from Markdown (sanitised HTML).' })
  get minutesHtml(): string {
    return html(this.minutesText);
  }

  @Field(() => ID, { nullable: true }) agendaDocumentId!: string | null;
  @Field(() => ID, { nullable: true }) minutesDocumentId!: string | null;
  @Field(() => ID, { nullable: true }) threadId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The poll this meeting was picked from.' }) pollId!: string | null;
  @Field(() => Boolean, {
    description: 'Whether the viewer may change it (a convenor of one of its groups, or a network admin).',
  })
  viewerCanManage!: boolean;
  @Field(() => String, { description: 'Its calendar file (REST, with the session cookie).' }) icsUrl!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  @HideField() createdById!: string;
  /** The other groups hosting it (see the `hosts` field). */
  @HideField() coHostIds!: string[];

  /** Fields the list's presenter loaded for the whole list at once. */
  declare [PRELOADED]?: Partial<MeetingPreloads>;

  static from(meeting: MeetingRecord, canManage: boolean): MeetingModel {
    return Object.assign(new MeetingModel(), {
      id: meeting.id,
      groupId: meeting.groupId,
      coHostIds: meeting.coHostIds,
      title: meeting.title,
      description: meeting.description,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      movedFrom: meeting.movedFrom,
      timeZone: meeting.timeZone,
      location: meeting.location,
      accessibilityNotes: meeting.accessibilityNotes,
      onlineUrl: meeting.onlineUrl,
      status: meeting.status,
      cancellationReason: meeting.cancellationReason,
      sequence: meeting.sequence,
      reminderMinutes: meeting.reminderMinutes,
      seriesId: meeting.seriesId,
      agendaText: meeting.agendaText,
      minutesText: meeting.minutesText,
      agendaDocumentId: meeting.agendaDocumentId,
      minutesDocumentId: meeting.minutesDocumentId,
      threadId: meeting.threadId,
      pollId: meeting.pollId,
      viewerCanManage: canManage,
      icsUrl: `/api/meetings/${meeting.id}/ics`,
      createdAt: meeting.createdAt,
      updatedAt: meeting.updatedAt,
      createdById: meeting.createdById,
    });
  }
}

@ObjectType('CalendarFeed', { description: 'The viewer’s secret calendar feed address.' })
export class CalendarFeedModel {
  @Field(() => Boolean) active!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Only right after creating or resetting it: keep it secret, it is shown once.',
  })
  url!: string | null;
  @Field(() => Date, { nullable: true }) createdAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When a calendar last fetched it.' }) lastUsedAt!: Date | null;
}

// ---- polls ----

@ObjectType('PollVote')
export class PollVoteModel {
  @Field(() => UserModel, { nullable: true }) person!: UserModel | null;
  @Field(() => PollAnswer) answer!: PollAnswer;
  @HideField() userId!: string;
}

@ObjectType('PollSlot')
export class PollSlotModel {
  @Field(() => ID) id!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => [PollVoteModel], {
    description:
      'Named answers: everyone’s, or (where the member list is for convenors) the viewer’s and the convenors’.',
  })
  votes!: PollVoteModel[];
  @Field(() => Int) yes!: number;
  @Field(() => Int) ifNeedBe!: number;
  @Field(() => Int) no!: number;
  @Field(() => PollAnswer, { nullable: true, description: 'The viewer’s own answer.' }) myAnswer!: PollAnswer | null;

  /** Counts include every answer; `votes` lists only those whose names the viewer may see. */
  static from(
    slot: MeetingPollSlot,
    votes: { userId: string; answer: PollAnswer }[],
    viewerId: string,
    visible: (userId: string) => boolean,
  ): PollSlotModel {
    const count = (a: PollAnswer) => votes.filter((v) => v.answer === a).length;
    return Object.assign(new PollSlotModel(), {
      id: slot.id,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      votes: votes
        .filter((v) => visible(v.userId))
        .map((v) => Object.assign(new PollVoteModel(), { person: null, answer: v.answer, userId: v.userId })),
      yes: count(PollAnswer.YES),
      ifNeedBe: count(PollAnswer.IF_NEED_BE),
      no: count(PollAnswer.NO),
      myAnswer: votes.find((v) => v.userId === viewerId)?.answer ?? null,
    });
  }
}

@ObjectType('MeetingPoll', { description: 'Finding a time: proposed slots and the group’s answers.' })
export class MeetingPollModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) groupId!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => String) timeZone!: string;
  @Field(() => String) location!: string;
  @Field(() => String) accessibilityNotes!: string;
  @Field(() => String, { nullable: true }) onlineUrl!: string | null;
  @Field(() => PollStatus) status!: PollStatus;
  @Field(() => ID, { nullable: true, description: 'The meeting the picked slot became.' }) meetingId!: string | null;
  @Field(() => [PollSlotModel]) slots!: PollSlotModel[];
  @Field(() => Int, { description: 'How many people answered.' }) respondents!: number;
  @Field(() => Boolean) viewerCanManage!: boolean;
  @Field(() => Boolean, { description: 'Its group is archived: the poll can be read, not answered or decided.' })
  groupArchived!: boolean;
  @Field(() => Date) createdAt!: Date;

  static from(
    poll: MeetingPoll,
    slots: PollSlotModel[],
    group: { canManage: boolean; archived: boolean },
    respondents: number,
  ): MeetingPollModel {
    return Object.assign(new MeetingPollModel(), {
      id: poll.id,
      groupId: poll.groupId,
      title: poll.title,
      description: poll.description,
      timeZone: poll.timeZone,
      location: poll.location,
      accessibilityNotes: poll.accessibilityNotes,
      onlineUrl: poll.onlineUrl,
      status: poll.status,
      meetingId: poll.meetingId,
      slots,
      respondents,
      viewerCanManage: group.canManage,
      groupArchived: group.archived,
      createdAt: poll.createdAt,
    });
  }
}

// ---- open events ----

@ObjectType('RegistrationField', { description: 'A question the organisers added to the registration form.' })
export class RegistrationFieldModel {
  @Field(() => ID) id!: string;
  @Field(() => String) label!: string;
  @Field(() => RegistrationFieldKind) kind!: RegistrationFieldKind;
  @Field(() => Boolean) required!: boolean;
  @Field(() => [String]) options!: string[];
  @Field(() => [FieldTextsModel], { description: 'Its label and choices in the network’s other languages.' })
  translations!: FieldTextsModel[];

  static from(field: EventForm['fields'][number]): RegistrationFieldModel {
    return Object.assign(new RegistrationFieldModel(), { ...field, translations: field.translations ?? [] });
  }
}

@ObjectType('PublicEventTexts', {
  description: 'An open event’s page in another language; an empty text falls back to its own.',
})
export class PublicEventTextsModel {
  @Field(() => String, { description: 'en or ar.' }) locale!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'The description rendered from Markdown (sanitised HTML).' })
  descriptionHtml!: string;
  @Field(() => String) consentText!: string;
}

@ObjectType('EventForm', { description: 'The public registration form of an open event.' })
export class EventFormModel {
  @Field(() => String, { description: 'The public page is /events/<slug>.' }) slug!: string;
  @Field(() => Boolean) isOpen!: boolean;
  @Field(() => Int, { nullable: true }) capacity!: number | null;
  @Field(() => Boolean) waitlistEnabled!: boolean;
  @Field(() => Date, { nullable: true }) deadline!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'The deadline in the event’s zone, YYYY-MM-DDTHH:mm (for editing).',
  })
  deadlineLocal!: string | null;
  @Field(() => Boolean) requiresApproval!: boolean;
  @Field(() => Int, { description: 'Registrations are anonymised this many days after the event.' })
  retentionDays!: number;
  @Field(() => String) consentText!: string;
  @Field(() => [RegistrationFieldModel]) fields!: RegistrationFieldModel[];
  @Field(() => String, { description: 'The language the meeting and its form are written in (en or ar).' })
  language!: string;
  @Field(() => [FormTextsModel], {
    description: 'The public page’s title, description (Markdown) and consent text in other languages.',
  })
  translations!: FormTextsModel[];

  static from(form: EventForm, zone: string): EventFormModel {
    return Object.assign(new EventFormModel(), {
      slug: form.slug,
      isOpen: form.isOpen,
      capacity: form.capacity,
      waitlistEnabled: form.waitlistEnabled,
      deadline: form.deadline,
      deadlineLocal: form.deadline ? local(form.deadline, zone) : null,
      requiresApproval: form.requiresApproval,
      retentionDays: form.retentionDays,
      consentText: form.consentText,
      fields: form.fields.map(RegistrationFieldModel.from),
      language: form.language,
      translations: form.translations,
    });
  }
}

@ObjectType('RegistrationCounts')
export class RegistrationCountsModel {
  @Field(() => Int) confirmed!: number;
  @Field(() => Int) pending!: number;
  @Field(() => Int) waitlisted!: number;
  @Field(() => Int) cancelled!: number;
  @Field(() => Int) checkedIn!: number;
}

@ObjectType('RegistrationAnswer')
export class RegistrationAnswerModel {
  @Field(() => ID) fieldId!: string;
  @Field(() => String) value!: string;
}

@ObjectType('EventRegistration', { description: 'Someone registered for an open event (for its organisers).' })
export class EventRegistrationModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String) organisation!: string;
  @Field(() => [RegistrationAnswerModel]) answers!: RegistrationAnswerModel[];
  @Field(() => RegistrationStatus) status!: RegistrationStatus;
  @Field(() => Date, { nullable: true }) checkedInAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Boolean, { description: 'Its personal details were removed after the retention period.' })
  anonymised!: boolean;

  static from(r: EventRegistration): EventRegistrationModel {
    return Object.assign(new EventRegistrationModel(), {
      id: r.id,
      name: r.name,
      email: r.email,
      organisation: r.organisation,
      answers: Object.entries(r.answers).map(([fieldId, value]) => ({
        fieldId,
        value: typeof value === 'boolean' ? (value ? 'true' : 'false') : value,
      })),
      status: r.status,
      checkedInAt: r.checkedInAt,
      createdAt: r.createdAt,
      anonymised: Boolean(r.anonymisedAt),
    });
  }
}

@ObjectType('PublicEvent', { description: 'An open event, for anyone to see: no account needed.' })
export class PublicEventModel {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'Markdown.' }) description!: string;
  @Field(() => String, { description: 'The description rendered from Markdown (sanitised HTML).' })
  descriptionHtml!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => String) timeZone!: string;
  @Field(() => String) location!: string;
  @Field(() => String) accessibilityNotes!: string;
  @Field(() => Boolean, {
    description: 'Whether it is (also) held online; the link goes to confirmed registrants only.',
  })
  online!: boolean;
  @Field(() => String, {
    description: 'The organising groups, by name (joined by commas when several host it); empty for a network event.',
  })
  groupName!: string;
  @Field(() => MeetingStatus) status!: MeetingStatus;
  @Field(() => Int, { nullable: true, description: 'Places left; null for no limit.' }) placesLeft!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'CLOSED, DEADLINE_PASSED, FULL, CANCELLED or ENDED; null while registration is open.',
  })
  closedReason!: string | null;
  @Field(() => Boolean, { description: 'Full, and new registrations join the waitlist.' }) waitlisted!: boolean;
  @Field(() => Date, { nullable: true }) deadline!: Date | null;
  @Field(() => Boolean) requiresApproval!: boolean;
  @Field(() => String) consentText!: string;
  @Field(() => Int) retentionDays!: number;
  @Field(() => [RegistrationFieldModel]) fields!: RegistrationFieldModel[];
  @Field(() => String, { description: 'The language the page is written in (en or ar).' }) language!: string;
  @Field(() => [PublicEventTextsModel], { description: 'The page in other languages.' })
  translations!: PublicEventTextsModel[];

  static from(event: PublicEvent, groupName: string): PublicEventModel {
    const { meeting, form } = event;
    return Object.assign(new PublicEventModel(), {
      id: meeting.id,
      slug: form.slug,
      title: meeting.title,
      description: meeting.description,
      descriptionHtml: html(meeting.description),
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      timeZone: meeting.timeZone,
      location: meeting.location,
      accessibilityNotes: meeting.accessibilityNotes,
      online: Boolean(meeting.onlineUrl),
      groupName,
      status: meeting.status,
      placesLeft: event.placesLeft,
      closedReason: event.closedReason,
      waitlisted: event.waitlisted,
      deadline: form.deadline,
      requiresApproval: form.requiresApproval,
      consentText: form.consentText,
      retentionDays: form.retentionDays,
      fields: form.fields.map(RegistrationFieldModel.from),
      language: form.language,
      translations: form.translations.map((t) =>
        Object.assign(new PublicEventTextsModel(), {
          locale: t.locale,
          title: t.title,
          descriptionHtml: html(t.intro),
          consentText: t.consentText,
        }),
      ),
    });
  }
}

@ObjectType('RegistrationReceipt', {
  description: 'The same answer whether or not the email was already registered: what happened is said by email.',
})
export class RegistrationReceiptModel {
  @Field(() => String) message!: string;
}

@ObjectType('MyRegistration', { description: 'A registration seen through its private link.' })
export class MyRegistrationModel {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String) organisation!: string;
  @Field(() => RegistrationStatus) status!: RegistrationStatus;
  @Field(() => Int, { nullable: true, description: 'Place on the waitlist (1 is next).' }) waitlistPosition!:
    number | null;
  @Field(() => String, { nullable: true, description: 'The video call link, once the place is confirmed.' })
  onlineUrl!: string | null;
  @Field(() => PublicEventModel) event!: PublicEventModel;
}
