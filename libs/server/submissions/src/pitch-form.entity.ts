import { randomUUID } from 'node:crypto';
import { EntityRepositoryType, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { FieldTexts, FormTexts, Locale, PitchFieldKind } from '@convene/shared-contracts';
import { PitchFormRepository } from './pitch-form.repository.js';

/** A question a form adds to the standard ones, in the order shown. */
export interface PitchField {
  id: string;
  label: string;
  kind: PitchFieldKind;
  required: boolean;
  /** For CHOICE. */
  options: string[];
  /** Its label and choices in the network's other languages. */
  translations?: FieldTexts[];
}

/**
 * A public pitch form (e.g. the general one, or the summit's workshop proposals): anyone can
 * submit through it without an account while it is open. Pitches are anonymised `retentionDays`
 * after they are closed (accepted, declined or withdrawn).
 */
@Entity({ tableName: 'pitch_forms', repository: () => PitchFormRepository })
export class PitchForm {
  [OptionalProps]?:
    'intro' | 'isOpen' | 'fields' | 'retentionDays' | 'language' | 'translations' | 'createdAt' | 'updatedAt';
  [EntityRepositoryType]?: PitchFormRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The public page is /pitch/<slug>. */
  @Property({ type: 'string', length: 64, unique: true })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  intro = '';

  @Property({ type: 'boolean' })
  isOpen = true;

  @Property({ type: 'json' })
  fields: PitchField[] = [];

  /** The language its texts are written in. */
  @Property({ type: 'string', length: 8 })
  language: Locale = 'en';

  /** Its texts in the network's other languages; empty texts fall back to its own. */
  @Property({ type: 'json' })
  translations: FormTexts[] = [];

  /** What is kept, why and for how long, shown beside the consent box. */
  @Property({ type: 'text' })
  consentText!: string;

  @Property({ type: 'integer' })
  retentionDays = 365;

  @Property({ type: 'uuid' })
  createdById!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
