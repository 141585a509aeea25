import { randomUUID } from 'node:crypto';
import { EntityRepositoryType, OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { WorkingGroup } from '@convene/server-groups';
import { User } from '@convene/server-identity';
import { ThreadRepository } from './thread.repository.js';

/** A discussion in a working group. Its opening post is the first of its posts (no parent). */
@Entity({
  tableName: 'threads',
  repository: () => ThreadRepository,
  // Its posts carry its group for search (Post.groupId): should the thread change group, they follow.
  triggers: [
    {
      name: 'give_posts_group',
      timing: 'after',
      events: ['update'],
      body: 'if new.group_id is distinct from old.group_id then update posts set group_id = new.group_id where thread_id = new.id; end if; return null;',
    },
  ],
})
@Index({ properties: ['group', 'pinned', 'lastActivityAt', 'id'] })
@Index({
  name: 'threads_search_vector_index',
  expression: 'create index "threads_search_vector_index" on "threads" using gin ("search_vector")',
})
export class Thread {
  [OptionalProps]?: 'tags' | 'pinned' | 'locked' | 'postCount' | 'createdAt' | 'lastActivityAt' | 'editedAt';
  [EntityRepositoryType]?: ThreadRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WorkingGroup, { ref: true, deleteRule: 'cascade' })
  group!: Ref<WorkingGroup>;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text[]' })
  tags: string[] = [];

  @Property({ type: 'boolean' })
  pinned = false;

  @Property({ type: 'boolean' })
  locked = false;

  /** Posts including the opening one; kept with each reply so lists need no count query. */
  @Property({ type: 'integer' })
  postCount = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastActivityAt: Date = new Date();

  /** When its title or tags last changed (what they replaced is in thread_revisions). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  editedAt: Date | null = null;

  @Property({
    type: 'unknown',
    columnType: 'tsvector',
    generated: "(to_tsvector('convene_search'::regconfig, (title)::text)) stored",
    lazy: true,
    hidden: true,
    nullable: true,
  })
  searchVector?: unknown;
}
