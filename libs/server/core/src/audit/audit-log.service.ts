import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AuditAction } from '@convene/shared-contracts';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  subjectUserId?: string | null;
  groupId?: string | null;
  detail?: Record<string, string | number | boolean> | null;
}

export interface AuditQuery {
  action?: AuditAction | null;
  /** Events done by or to this person. */
  userId?: string | null;
  groupId?: string | null;
  /** Keyset cursor: events strictly older than this one. */
  before?: { createdAt: Date; id: string } | null;
  first: number;
}

/** The audit log: written in the transaction of the change it records, read by network admins. */
@Injectable()
export class AuditLog {
  private readonly logger = new Logger(AuditLog.name);

  constructor(private readonly em: EntityManager) {}

  /** Adds the event to `em`'s unit of work: it commits, or not, with the change it records. */
  record(em: EntityManager, entry: AuditEntry): AuditEvent {
    return em.create(AuditEvent, {
      action: entry.action,
      actorId: entry.actorId ?? null,
      subjectUserId: entry.subjectUserId ?? null,
      groupId: entry.groupId ?? null,
      detail: entry.detail ?? null,
    });
  }

  /** Writes an event that has no transaction of its own to join (a failed sign-in). Never throws. */
  async recordNow(entry: AuditEntry): Promise<void> {
    try {
      const em = this.em.fork();
      this.record(em, entry);
      await em.flush();
    } catch (error) {
      this.logger.warn(`Audit event ${entry.action} not written: ${(error as Error).message}`);
    }
  }

  async list(query: AuditQuery): Promise<AuditEvent[]> {
    const where: Record<string, unknown>[] = [];
    if (query.action) where.push({ action: query.action });
    if (query.groupId) where.push({ groupId: query.groupId });
    if (query.userId) where.push({ $or: [{ actorId: query.userId }, { subjectUserId: query.userId }] });
    if (query.before) {
      where.push({
        $or: [
          { createdAt: { $lt: query.before.createdAt } },
          { createdAt: query.before.createdAt, id: { $lt: query.before.id } },
        ],
      });
    }
    return this.em
      .fork()
      .find(AuditEvent, { $and: where }, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: query.first });
  }
}
