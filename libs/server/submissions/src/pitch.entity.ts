import { randomUUID } from 'node:crypto';
import { ArrayType, EntityRepositoryType, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OrganisationType, PitchStatus } from '@convene/shared-contracts';
import { PitchRepository } from './pitch.repository.js';

/**
 * An idea a partner organisation pitched through a public form, without an account. It concerns
 * some working groups (or "not sure": then network admins triage it). Its private links are
 * PitchLinks; some time after it is closed its personal details are anonymised.
 */
@Entity({ tableName: 'pitches', repository: () => PitchRepository })
@Index({ properties: ['status', 'createdAt'] })
@Index({
  name: 'pitches_group_ids_index',
  expression: 'create index "pitches_group_ids_index" on "pitches" using gin ("group_ids")',
})
export class Pitch {
  [OptionalProps]?:
    | 'answers'
    | 'groupIds'
    | 'notSure'
    | 'status'
    | 'declineReason'
    | 'acceptedGroupId'
    | 'threadId'
    | 'locale'
    | 'closedAt'
    | 'anonymisedAt'
    | 'createdAt'
    | 'updatedAt';
  [EntityRepositoryType]?: PitchRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  formId!: string;

  @Property({ type: 'string', length: 120 })
  organisationName!: string;

  @Enum({ items: () => OrganisationType, nativeEnumName: 'organisation_type' })
  organisationType!: OrganisationType;

  @Property({ type: 'string', length: 120 })
  contactName!: string;

  @Property({ type: 'string', length: 254 })
  contactEmail!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  summary!: string;

  /** What help they would like from the network. */
  @Property({ type: 'text' })
  helpWanted!: string;

  /** The groups it concerns. */
  @Property({ type: new ArrayType<string>(), columnType: 'uuid[]' })
  groupIds: string[] = [];

  /** The partner did not know which group: network admins triage it. */
  @Property({ type: 'boolean' })
  notSure = false;

  /** Answers to the form's own questions, by field id. */
  @Property({ type: 'json' })
  answers: Record<string, string | boolean> = {};

  @Enum({ items: () => PitchStatus, nativeEnumName: 'pitch_status' })
  status: PitchStatus = PitchStatus.RECEIVED;

  /** Shown to the partner. */
  @Property({ type: 'text' })
  declineReason = '';

  @Property({ type: 'uuid', nullable: true })
  acceptedGroupId: string | null = null;

  /** The discussion it became (discussions domain, by id). */
  @Property({ type: 'uuid', nullable: true })
  threadId: string | null = null;

  /** The consent text the partner agreed to, and the retention it promised, as they were then. */
  @Property({ type: 'text' })
  consentText!: string;

  @Property({ type: 'integer' })
  retentionDays!: number;

  /** The language of the partner's mail. */
  @Property({ type: 'string', length: 8 })
  locale = 'en';

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  anonymisedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
