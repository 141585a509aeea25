import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A document linked to a discussion of the same group (e.g. the briefing a thread is about). The
 * thread belongs to the discussions domain, so it is referred to by id only.
 */
@Entity({ tableName: 'document_thread_links' })
@Index({ properties: ['threadId'] })
export class DocumentThreadLink {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  documentId!: string;

  @PrimaryKey({ type: 'uuid' })
  threadId!: string;

  @Property({ type: 'uuid' })
  linkedById!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
