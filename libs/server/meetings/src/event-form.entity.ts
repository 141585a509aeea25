import { EntityRepositoryType, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { FieldTexts, FormTexts, Locale, RegistrationFieldKind } from '@convene/shared-contracts';
import { EventFormRepository } from './event-form.repository.js';

/** A question the organiser adds to the registration form. */
export interface RegistrationField {
  id: string;
  label: string;
  kind: RegistrationFieldKind;
  required: boolean;
  /** For CHOICE. */
  options: string[];
  /** Its label and choices in the network's other languages. */
  translations?: FieldTexts[];
}

/**
 * The public registration form of an open event (a meeting anyone can register for, without an
 * account): its address, capacity and waitlist, deadline, approval, extra questions, and how long
 * registrations are kept.
 */
@Entity({ tableName: 'event_forms', repository: () => EventFormRepository })
export class EventForm {
  [OptionalProps]?:
    | 'isOpen'
    | 'capacity'
    | 'waitlistEnabled'
    | 'deadline'
    | 'requiresApproval'
    | 'retentionDays'
    | 'fields'
    | 'language'
    | 'translations'
    | 'createdAt'
    | 'updatedAt';
  [EntityRepositoryType]?: EventFormRepository;

  @PrimaryKey({ type: 'uuid' })
  meetingId!: string;

  /** The public page is /events/<slug>. */
  @Property({ type: 'string', length: 64, unique: true })
  slug!: string;

  /** Accepting registrations. */
  @Property({ type: 'boolean' })
  isOpen = true;

  /** Places; null for no limit. */
  @Property({ type: 'integer', nullable: true })
  capacity: number | null = null;

  @Property({ type: 'boolean' })
  waitlistEnabled = true;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deadline: Date | null = null;

  @Property({ type: 'boolean' })
  requiresApproval = false;

  /** Registrations are anonymised this many days after the event ends. */
  @Property({ type: 'integer' })
  retentionDays = 30;

  /** The language its texts are written in. */
  @Property({ type: 'string', length: 8 })
  language: Locale = 'en';

  /** Its texts in the network's other languages; empty texts fall back to its own. */
  @Property({ type: 'json' })
  translations: FormTexts[] = [];

  /** What is kept and for how long, shown beside the consent box. */
  @Property({ type: 'text' })
  consentText!: string;

  @Property({ type: 'json' })
  fields: RegistrationField[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
