import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { User } from '@convene/server-identity';
import { Thread } from './thread.entity.js';

/**
 * A discussion's title and tags as they were before an edit (by its author or a convenor), and who
 * changed them when. Members read a discussion's history; deleting the discussion removes it.
 */
@Entity({ tableName: 'thread_revisions' })
@Index({ properties: ['thread', 'replacedAt'] })
export class ThreadRevision {
  [OptionalProps]?: 'replacedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Thread, { ref: true, deleteRule: 'cascade' })
  thread!: Ref<Thread>;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text[]' })
  tags!: string[];

  /** When an edit replaced them. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  replacedAt: Date = new Date();

  @ManyToOne(() => User, { ref: true })
  editor!: Ref<User>;
}
