import { randomUUID } from 'node:crypto';
import { EntityRepositoryType, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { RegistrationStatus } from '@convene/shared-contracts';
import { EventRegistrationRepository } from './event-registration.repository.js';

/**
 * Someone's registration for an open event, made without an account. The private links that let
 * them view or cancel it are its EventRegistrationLinks. Some days after the event the personal
 * details are anonymised (`anonymisedAt`).
 */
@Entity({ tableName: 'event_registrations', repository: () => EventRegistrationRepository })
@Index({ properties: ['meetingId', 'status', 'createdAt'] })
@Index({
  name: 'event_registrations_meeting_email_unique',
  expression:
    'create unique index "event_registrations_meeting_email_unique" on "event_registrations" ("meeting_id", "email_key") where "email_key" is not null',
})
export class EventRegistration {
  [OptionalProps]?:
    | 'organisation'
    | 'locale'
    | 'answers'
    | 'checkedInAt'
    | 'cancelledAt'
    | 'anonymisedAt'
    | 'createdAt'
    | 'updatedAt'
    | 'emailKey';
  [EntityRepositoryType]?: EventRegistrationRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Property({ type: 'string', length: 254 })
  email!: string;

  /** The email lower-cased, unique per event; null once anonymised. */
  @Property({ type: 'string', length: 254, nullable: true })
  emailKey: string | null = null;

  @Property({ type: 'string', length: 120 })
  organisation = '';

  /** The language of their mail. */
  @Property({ type: 'string', length: 8 })
  locale = 'en';

  /** Answers to the form's own questions, by field id. */
  @Property({ type: 'json' })
  answers: Record<string, string | boolean> = {};

  @Enum({ items: () => RegistrationStatus, nativeEnumName: 'registration_status' })
  status!: RegistrationStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  checkedInAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  anonymisedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
