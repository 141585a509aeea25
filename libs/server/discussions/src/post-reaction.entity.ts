import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Reaction } from '@convene/shared-contracts';

/** One person's reaction to one post: at most one row per person, post and reaction. */
@Entity({ tableName: 'post_reactions' })
@Index({ properties: ['postId', 'reaction'] })
export class PostReaction {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  postId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => Reaction, nativeEnumName: 'reaction', primary: true })
  reaction!: Reaction;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
