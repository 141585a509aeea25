import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { User } from '@convene/server-identity';
import { Post } from './post.entity.js';

/** A post's text as it was before an edit. Members can read a post's history; deleting the post removes it. */
@Entity({ tableName: 'post_revisions' })
@Index({ properties: ['post', 'replacedAt'] })
export class PostRevision {
  [OptionalProps]?: 'replacedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Post, { ref: true, deleteRule: 'cascade' })
  post!: Ref<Post>;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'text' })
  bodyHtml!: string;

  /** When this text was written (the post's creation or its previous edit). */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  writtenAt!: Date;

  /** When an edit replaced it. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  replacedAt: Date = new Date();

  @ManyToOne(() => User, { ref: true })
  editor!: Ref<User>;
}
