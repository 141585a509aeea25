import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { PitchMessageAuthor } from '@convene/shared-contracts';

/** A message between the convenors and the partner, both of whom see it. */
@Entity({ tableName: 'pitch_messages' })
@Index({ properties: ['pitchId', 'createdAt'] })
export class PitchMessage {
  [OptionalProps]?: 'authorId' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  pitchId!: string;

  @Enum({ items: () => PitchMessageAuthor, nativeEnumName: 'pitch_message_author' })
  author!: PitchMessageAuthor;

  /** The convenor who wrote it (the partner sees "the convenors", not the name). */
  @Property({ type: 'uuid', nullable: true })
  authorId: string | null = null;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
