import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A convenor assigned to review a pitch. */
@Entity({ tableName: 'pitch_reviewers' })
@Index({ properties: ['userId'] })
export class PitchReviewer {
  [OptionalProps]?: 'assignedAt';

  @PrimaryKey({ type: 'uuid' })
  pitchId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  assignedById!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  assignedAt: Date = new Date();
}
