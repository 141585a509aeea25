import { randomUUID } from 'node:crypto';
import { BigIntType, EntityRepositoryType, OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { WorkingGroup } from '@convene/server-groups';
import { User } from '@convene/server-identity';
import { DocumentFolder } from './document-folder.entity.js';
import { DocumentRepository } from './document.repository.js';

/**
 * A document of a working group: what people name, describe, tag and file in folders. Its bytes are
 * in its versions; the current version's size and type are copied here so lists sort and filter
 * without a join.
 */
@Entity({ tableName: 'documents', repository: () => DocumentRepository })
@Index({ properties: ['group', 'deletedAt', 'updatedAt', 'id'] })
@Index({
  name: 'documents_search_vector_index',
  expression: 'create index "documents_search_vector_index" on "documents" using gin ("search_vector")',
})
export class Document {
  [OptionalProps]?:
    | 'description'
    | 'tags'
    | 'folder'
    | 'versionCount'
    | 'createdAt'
    | 'updatedAt'
    | 'deletedAt'
    | 'deletedById'
    | 'threadId';
  [EntityRepositoryType]?: DocumentRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WorkingGroup, { ref: true, deleteRule: 'cascade' })
  group!: Ref<WorkingGroup>;

  /** Deleting a folder is refused while documents are in it (in the trash too). */
  @ManyToOne(() => DocumentFolder, { ref: true, nullable: true, deleteRule: 'restrict' })
  folder: Ref<DocumentFolder> | null = null;

  /** Shown name; starts as the first upload's file name. */
  @Property({ type: 'string', length: 255 })
  title!: string;

  @Property({ type: 'text' })
  description = '';

  @Property({ type: 'text[]' })
  tags: string[] = [];

  /** The current version's type, sniffed from its bytes. */
  @Property({ type: 'string', length: 127 })
  contentType!: string;

  /** The current version's size in bytes. */
  @Property({ type: new BigIntType('number') })
  size!: number;

  /** Highest version number; the current version is the one with this number. */
  @Property({ type: 'integer' })
  versionCount = 1;

  @ManyToOne(() => User, { ref: true })
  createdBy!: Ref<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();

  /** In the trash since then; convenors can restore it for 30 days, then it is purged. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  deletedById: string | null = null;

  /** The discussion thread about this document, once someone starts it. */
  @Property({ type: 'uuid', nullable: true })
  threadId: string | null = null;

  /** Text of the current version (text and PDF files), extracted by a worker job for search. */
  @Property({ type: 'text', nullable: true, lazy: true })
  extractedText: string | null = null;

  // File names count by their parts too ("budget_2026.xlsx" is found by "budget").
  @Property({
    type: 'unknown',
    columnType: 'tsvector',
    generated:
      "(setweight(to_tsvector('convene_search'::regconfig, (((title)::text || ' '::text) || regexp_replace((title)::text, '[._-]+'::text, ' '::text, 'g'::text))), 'A') || setweight(to_tsvector('convene_search'::regconfig, description), 'B') || setweight(to_tsvector('convene_search'::regconfig, coalesce(left(extracted_text, 500000), '')), 'C')) stored",
    lazy: true,
    hidden: true,
    nullable: true,
  })
  searchVector?: unknown;
}
