import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { DomainEventType } from './domain-events.js';

/**
 * A domain event, written in the same transaction as the change it reports (transactional outbox).
 * It is handed to the queue after commit (`publishedAt`: the last time it was), and is *delivered*
 * only when the worker has written its notifications, in their transaction (`deliveredAt`). Until
 * then the relay hands it to the queue again: Redis may have lost the job.
 */
@Entity({ tableName: 'outbox_events' })
@Index({
  name: 'outbox_events_undelivered_index',
  expression:
    'create index "outbox_events_undelivered_index" on "outbox_events" ("created_at") where "delivered_at" is null',
})
export class OutboxEvent {
  [OptionalProps]?: 'createdAt' | 'publishedAt' | 'deliveredAt';

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

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;
}
