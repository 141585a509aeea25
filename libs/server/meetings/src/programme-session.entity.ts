import { randomUUID } from 'node:crypto';
import { EntityRepositoryType, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ProgrammeSessionKind } from '@convene/shared-contracts';
import { ProgrammeRepository } from './programme.repository.js';

/**
 * One session of an event's programme: a plenary everyone attends, a workshop registrants pick
 * (with its own capacity and waitlist), or anything else on the day (lunch, a break).
 */
@Entity({ tableName: 'programme_sessions', repository: () => ProgrammeRepository })
@Index({ properties: ['meetingId', 'position'] })
export class ProgrammeSession {
  [OptionalProps]?: 'room' | 'description' | 'capacity' | 'createdAt' | 'updatedAt';
  [EntityRepositoryType]?: ProgrammeRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Enum({ items: () => ProgrammeSessionKind, nativeEnumName: 'programme_session_kind' })
  kind!: ProgrammeSessionKind;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endsAt!: Date;

  @Property({ type: 'string', length: 120 })
  room = '';

  /** Markdown. */
  @Property({ type: 'text' })
  description = '';

  /** Places, for a workshop; null for no limit. */
  @Property({ type: 'integer', nullable: true })
  capacity: number | null = null;

  /** Its place in the programme as the organisers ordered it. */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
