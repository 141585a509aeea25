import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { JobQueue } from '../queues/job-queue.service.js';
import { jobIds } from '../queues/jobs.js';
import type { DomainEventPayloads, DomainEventType } from './domain-events.js';
import { OutboxEvent } from './outbox-event.entity.js';

/** An event never handed to the queue (Redis was away at commit) is relayed once it is this old. */
const UNPUBLISHED_AFTER_MS = 5_000;
const RELAY_BATCH = 500;

/**
 * The transactional outbox: `record` adds an event to the caller's unit of work (stored by the
 * caller's flush, with the change); `publish` hands stored events to the queue after commit; the
 * worker marks an event delivered with the notifications it wrote (`markDelivered`, in their
 * transaction); the relay hands whatever is still undelivered to the queue again.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'outboxRetrySeconds'>,
  ) {}

  /** `id`: for events that must happen once whatever the retries (e.g. one reminder per meeting time). */
  record<T extends DomainEventType>(type: T, payload: DomainEventPayloads[T], id?: string): OutboxEvent {
    return this.em.create(OutboxEvent, { ...(id ? { id } : {}), type, payload: { ...payload } });
  }

  /** After commit. Never throws: what is not published now is relayed later. */
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
        .catch((error: Error) =>
          this.logger.warn(`Could not mark events published (they will be re-sent harmlessly): ${error.message}`),
        );
    }
  }

  /**
   * Hands undelivered events to the queue again: those never published (and older than a few
   * seconds, so the API's own publish goes first), and those published longer than
   * OUTBOX_RETRY_SECONDS ago (Redis may have lost the job). A job that is still waiting or running
   * keeps its id, so adding it again does nothing; one that failed for good is retried.
   * `everything`: right after Redis came back, when any job may have been lost: every undelivered
   * event, whatever its age. Returns how many were handed on.
   */
  async relay(options: { everything?: boolean } = {}): Promise<number> {
    const em = this.em.fork();
    const now = Date.now();
    const retryBefore = new Date(now - this.config.outboxRetrySeconds * 1000);
    const due = options.everything
      ? { deliveredAt: null }
      : {
          deliveredAt: null,
          $or: [
            { publishedAt: null, createdAt: { $lt: new Date(now - UNPUBLISHED_AFTER_MS) } },
            { publishedAt: { $lt: retryBefore } },
          ],
        };
    let relayed = 0;
    let after = new Date(0);
    for (;;) {
      const batch = await em.find(
        OutboxEvent,
        { ...due, createdAt: { $gt: after } },
        { orderBy: { createdAt: 'asc', id: 'asc' }, limit: RELAY_BATCH, fields: ['id', 'publishedAt', 'createdAt'] },
      );
      const last = batch.at(-1);
      if (!last) break;
      await this.jobs.requeue(
        'deliver-event',
        batch.map((event) => ({
          payload: { eventId: event.id },
          jobId: jobIds.deliverEvent(event.id),
          stale: !!event.publishedAt && event.publishedAt < retryBefore,
        })),
      );
      await em.nativeUpdate(OutboxEvent, { id: { $in: batch.map((e) => e.id) } }, { publishedAt: new Date() });
      relayed += batch.length;
      // Events stored in the same millisecond as the batch's last wait for the next relay.
      after = last.createdAt;
      if (batch.length < RELAY_BATCH) break;
    }
    if (relayed) this.logger.log(`Relayed ${relayed} undelivered event(s)`);
    return relayed;
  }

  /** The worker has written the event's notifications: in their transaction (`em`), so both or neither. */
  async markDelivered(em: EntityManager, eventId: string): Promise<void> {
    await em.nativeUpdate(OutboxEvent, { id: eventId, deliveredAt: null }, { deliveredAt: new Date() });
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
