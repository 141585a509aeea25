import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { WorkingGroup } from '@convene/server-groups';

/** A folder of a group's documents. Folders nest; names are unique among siblings. */
@Entity({ tableName: 'document_folders' })
@Index({
  name: 'document_folders_sibling_name_unique',
  expression:
    'create unique index "document_folders_sibling_name_unique" on "document_folders" ("group_id", "parent_id", lower("name")) nulls not distinct',
})
export class DocumentFolder {
  [OptionalProps]?: 'createdAt' | 'parent';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WorkingGroup, { ref: true, deleteRule: 'cascade' })
  group!: Ref<WorkingGroup>;

  /** Deleting a folder is refused while it holds anything, so its children never dangle. */
  @ManyToOne(() => DocumentFolder, { ref: true, nullable: true, deleteRule: 'restrict' })
  parent: Ref<DocumentFolder> | null = null;

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Property({ type: 'uuid' })
  createdById!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
