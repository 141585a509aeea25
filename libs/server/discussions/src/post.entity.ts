import { randomUUID } from 'node:crypto';
import { EntityRepositoryType, OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { User } from '@convene/server-identity';
import { PostRepository } from './post.repository.js';
import { Thread } from './thread.entity.js';

/**
 * One post in a thread: the opening post (no parent) or a reply to another post of the same
 * thread. The Markdown is kept as written; the HTML is rendered (safely) when it is written.
 */
@Entity({
  tableName: 'posts',
  repository: () => PostRepository,
  // A post takes its thread's group when it is written (see groupId).
  triggers: [
    {
      name: 'take_thread_group',
      timing: 'before',
      events: ['insert'],
      body: 'new.group_id := (select group_id from threads where id = new.thread_id); return new;',
    },
  ],
})
@Index({ properties: ['thread', 'createdAt', 'id'] })
@Index({
  name: 'posts_group_id_search_vector_index',
  expression: 'create index "posts_group_id_search_vector_index" on "posts" using gin ("group_id", "search_vector")',
})
export class Post {
  [OptionalProps]?:
    | 'parent'
    | 'depth'
    | 'createdAt'
    | 'editedAt'
    | 'deletedAt'
    | 'hiddenAt'
    | 'hiddenReason'
    | 'hiddenBy'
    | 'mentionedIds';
  [EntityRepositoryType]?: PostRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Thread, { ref: true, deleteRule: 'cascade' })
  thread!: Ref<Thread>;

  /**
   * The thread's group, so that search looks in some groups' posts alone (it is in the words' index).
   * Written by the database, never here: the post takes it from its thread, and follows its thread.
   */
  @Property({ type: 'uuid', nullable: true, lazy: true, hidden: true })
  groupId?: string | null;

  @ManyToOne(() => Post, { ref: true, nullable: true, deleteRule: 'cascade' })
  parent: Ref<Post> | null = null;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'text' })
  bodyHtml!: string;

  /** 0 for the opening post, parent's depth + 1 for a reply. */
  @Property({ type: 'smallint' })
  depth = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  editedAt: Date | null = null;

  /** Deleted by its author: the place in the tree stays, the text goes. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;

  /** Hidden by a convenor: members see the reason instead of the text; the author and convenors still see it. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  hiddenAt: Date | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  hiddenReason: string | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  hiddenBy: Ref<User> | null = null;

  /** The people this post's current text mentions (told once each, also across edits). */
  @Property({ type: 'uuid[]', defaultRaw: `'{}'` })
  mentionedIds: string[] = [];

  /** Titles and bodies are searched through this, accents and case folded (see the convene_search configuration). */
  @Property({
    type: 'unknown',
    columnType: 'tsvector',
    generated: "(to_tsvector('convene_search'::regconfig, body)) stored",
    lazy: true,
    hidden: true,
    nullable: true,
  })
  searchVector?: unknown;
}
