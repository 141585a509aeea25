import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { RecurrenceFrequency } from '@convene/shared-contracts';

/**
 * How a recurring meeting repeats. Its occurrences are meetings of their own (created up to a year
 * ahead), so that one of them can be moved, described or cancelled without touching the others.
 */
@Entity({ tableName: 'meeting_series' })
export class MeetingSeries {
  [OptionalProps]?: 'count' | 'until' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  groupId!: string;

  @Enum({ items: () => RecurrenceFrequency, nativeEnumName: 'recurrence_frequency' })
  frequency!: RecurrenceFrequency;

  /** Every n weeks or months. */
  @Property({ type: 'smallint' })
  interval!: number;

  @Property({ type: 'smallint', nullable: true })
  count: number | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  until: Date | null = null;

  /** The zone whose wall clock the series keeps (18:00 stays 18:00 across daylight-saving changes). */
  @Property({ type: 'string', length: 64 })
  timeZone!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
