import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProgrammeSessionKind, SessionPlaceStatus } from '@convene/shared-contracts';
import {
  formatLocalDateTime,
  toZoned,
  type MySession,
  type SessionAttendee,
  type SessionWithCounts,
} from '@convene/server-meetings';
import { renderMarkdown } from '@convene/server-discussions';

registerEnumType(ProgrammeSessionKind, { name: 'ProgrammeSessionKind' });
registerEnumType(SessionPlaceStatus, { name: 'SessionPlaceStatus' });

const local = (date: Date, zone: string) => formatLocalDateTime(toZoned(date, zone));

@ObjectType('ProgrammeSession', {
  description: 'A session of an event’s programme: everyone attends plenaries; workshops are picked.',
})
export class ProgrammeSessionModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) meetingId!: string;
  @Field(() => String) title!: string;
  @Field(() => ProgrammeSessionKind) kind!: ProgrammeSessionKind;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => String, { description: 'The start in the event’s zone, YYYY-MM-DDTHH:mm (for editing).' })
  startsAtLocal!: string;
  @Field(() => String, { description: 'The end in the event’s zone, YYYY-MM-DDTHH:mm (for editing).' })
  endsAtLocal!: string;
  @Field(() => String) room!: string;
  @Field(() => String, { description: 'Markdown.' }) description!: string;
  @Field(() => String, { description: 'The description rendered from Markdown (sanitised HTML).' })
  descriptionHtml!: string;
  @Field(() => Int, { nullable: true, description: 'Places at a workshop; null for no limit.' }) capacity!:
    number | null;
  @Field(() => Int, { description: 'Its place in the programme (0 first).' }) position!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'People with a place at it (a workshop); null on the public page, which says only the places left.',
  })
  confirmed!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'People waiting for a place at it (a workshop); null on the public page.',
  })
  waitlisted!: number | null;
  @Field(() => Int, { nullable: true, description: 'Places left at a workshop with a capacity; null otherwise.' })
  placesLeft!: number | null;

  /** `counted`: with how many have a place and wait (for those who see the meeting, not the public). */
  static from(
    { session, confirmed, waitlisted, placesLeft }: SessionWithCounts,
    timeZone: string,
    counted = true,
  ): ProgrammeSessionModel {
    return Object.assign(new ProgrammeSessionModel(), {
      id: session.id,
      meetingId: session.meetingId,
      title: session.title,
      kind: session.kind,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      startsAtLocal: local(session.startsAt, timeZone),
      endsAtLocal: local(session.endsAt, timeZone),
      room: session.room,
      description: session.description,
      descriptionHtml: session.description ? renderMarkdown(session.description) : '',
      capacity: session.capacity,
      position: session.position,
      confirmed: counted ? confirmed : null,
      waitlisted: counted ? waitlisted : null,
      placesLeft,
    });
  }
}

@ObjectType('MySession', { description: 'A session of the programme as the registrant sees it.' })
export class MySessionModel {
  @Field(() => ProgrammeSessionModel) session!: ProgrammeSessionModel;
  @Field(() => Boolean, { description: 'They attend it: a plenary, or a workshop where they have a place.' })
  attending!: boolean;
  @Field(() => SessionPlaceStatus, { nullable: true, description: 'Their pick of a workshop: a place or a wait.' })
  pick!: SessionPlaceStatus | null;
  @Field(() => Int, { nullable: true, description: 'Their place on the workshop’s waitlist (1 is next).' })
  waitlistPosition!: number | null;

  static from(mine: MySession, timeZone: string): MySessionModel {
    return Object.assign(new MySessionModel(), {
      session: ProgrammeSessionModel.from(mine, timeZone, false),
      attending: mine.attending,
      pick: mine.pick,
      waitlistPosition: mine.waitlistPosition,
    });
  }
}

@ObjectType('SessionAttendee', { description: 'Someone with a place at a workshop, or waiting for one (organisers).' })
export class SessionAttendeeModel {
  @Field(() => ID) registrationId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String) organisation!: string;
  @Field(() => SessionPlaceStatus) status!: SessionPlaceStatus;
  @Field(() => Int, { nullable: true, description: 'Place on the waitlist (1 is next).' }) waitlistPosition!:
    number | null;
  @Field(() => Date) pickedAt!: Date;

  static from(a: SessionAttendee): SessionAttendeeModel {
    return Object.assign(new SessionAttendeeModel(), {
      registrationId: a.registrationId,
      name: a.name,
      email: a.email,
      organisation: a.organisation,
      status: a.status,
      waitlistPosition: a.position,
      pickedAt: a.queuedAt,
    });
  }
}
