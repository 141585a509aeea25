import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { JobQueue } from '../queues/job-queue.service.js';
import { jobIds } from '../queues/jobs.js';
import type { DomainEventPayloads, DomainEventType } from './domain-events.js';
import { OutboxEvent } from './outbox-event.entity.js';

/**
 * The transactional outbox: `record` adds an event to the caller's unit of work (stored by the
 * caller's flush, with the change); `publish` hands stored events to the queue after commit; the
 * worker's sweep publishes whatever was left behind (e.g. Redis down at commit time).
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly jobs: JobQueue,
  ) {}

  /** `id`: for events that must happen once whatever the retries (e.g. one reminder per meeting time). */
  record<T extends DomainEventType>(type: T, payload: DomainEventPayloads[T], id?: string): OutboxEvent {
    return this.em.create(OutboxEvent, { ...(id ? { id } : {}), type, payload: { ...payload } });
  }

  /** After commit. Never throws: what is not published now is swept later. */
  async publish(events: OutboxEvent[]): Promise<void> {
    const published = events.map((event) => event.id);
    const queued = await this.jobs.addManyAfterCommit(
      'deliver-event',
      events.map((event) => ({ payload: { eventId: event.id }, jobId: jobIds.deliverEvent(event.id) })),
    );
    if (queued && published.length) {
      await this.em
        .fork()
        .nativeUpdate(OutboxEvent, { id: { $in: published } }, { publishedAt: new Date() })
        .catch((error: Error) => this.logger.warn(`Could not mark events published (they will be re-sent harmlessly): ${error.message}`));
    }
  }

  /** Publishes events stored more than `olderThanMs` ago and never published. */
  async sweep(olderThanMs = 5_000): Promise<number> {
    const em = this.em.fork();
    const stranded = await em.find(OutboxEvent, { publishedAt: null, createdAt: { $lt: new Date(Date.now() - olderThanMs) } }, { orderBy: { createdAt: 'asc' }, limit: 500 });
    for (const event of stranded) await this.jobs.add('deliver-event', { eventId: event.id }, { jobId: jobIds.deliverEvent(event.id) });
    if (stranded.length) {
      await em.nativeUpdate(OutboxEvent, { id: { $in: stranded.map((e) => e.id) } }, { publishedAt: new Date() });
      this.logger.log(`Published ${stranded.length} event(s) left in the outbox`);
    }
    return stranded.length;
  }

  /** The stored event, for the worker. */
  find(eventId: string): Promise<OutboxEvent | null> {
    return this.em.fork().findOne(OutboxEvent, { id: eventId });
  }

  /** Several stored events in one query. */
  async findMany(eventIds: string[]): Promise<OutboxEvent[]> {
    if (!eventIds.length) return [];
    return this.em.fork().find(OutboxEvent, { id: { $in: [...new Set(eventIds)] } });
  }
}
