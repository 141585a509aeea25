import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { NotificationType } from '@convene/shared-contracts';

/**
 * One thing one person is told about. Unique per (event, recipient), so a job that runs twice adds
 * nothing; `seq` increases per recipient, so a client catches up with "everything after N".
 */
@Entity({ tableName: 'notifications' })
@Unique({ properties: ['eventId', 'recipientId'] })
@Index({ properties: ['recipientId', 'seq'] })
export class Notification {
  [OptionalProps]?: 'createdAt' | 'readAt' | 'groupId' | 'actorId' | 'subjectId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  recipientId!: string;

  @Property({ type: 'bigint', runtimeType: 'number' })
  seq!: number;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Enum({ items: () => NotificationType, nativeEnumName: 'notification_type' })
  type!: NotificationType;

  @Property({ type: 'uuid', nullable: true })
  groupId: string | null = null;

  /** Who caused it, when that is a person. */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  /** What it is about (a membership, later a thread or a document). */
  @Property({ type: 'uuid', nullable: true })
  subjectId: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  readAt: Date | null = null;
}
