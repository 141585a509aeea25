import { EntityRepositoryType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ThreadReadRepository } from './thread-read.repository.js';

/**
 * How far one person has read one thread: the number of its posts (in written order) they have
 * seen. Posts are never removed (deleting leaves the place), so the count marks a position.
 */
@Entity({ tableName: 'thread_reads', repository: () => ThreadReadRepository })
export class ThreadRead {
  [EntityRepositoryType]?: ThreadReadRepository;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'uuid' })
  threadId!: string;

  @Property({ type: 'integer' })
  readCount!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  readAt!: Date;
}
