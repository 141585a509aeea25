import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { DomainEventType } from './domain-events.js';

/**
 * A domain event, written in the same transaction as the change it reports (transactional outbox).
 * The relay hands it to the queue after commit; `publishedAt` stays null until it has.
 */
@Entity({ tableName: 'outbox_events' })
@Index({ properties: ['publishedAt', 'createdAt'] })
export class OutboxEvent {
  [OptionalProps]?: 'createdAt' | 'publishedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64 })
  type!: DomainEventType;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;
}
