import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** An internal note by a convenor on a pitch: never shown to the partner. */
@Entity({ tableName: 'pitch_notes' })
@Index({ properties: ['pitchId', 'createdAt'] })
export class PitchNote {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  pitchId!: string;

  @Property({ type: 'uuid' })
  authorId!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
