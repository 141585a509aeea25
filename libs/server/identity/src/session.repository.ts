import { EntityRepository } from '@mikro-orm/postgresql';
import type { Session } from './session.entity.js';

export class SessionRepository extends EntityRepository<Session> {
  findByTokenHash(tokenHash: string): Promise<Session | null> {
    return this.findOne({ tokenHash }, { populate: ['user'] });
  }

  /** Ends every session of a user except `keepId`; returns the ended sessions' ids. */
  async endAllForUser(userId: string, keepId?: string): Promise<string[]> {
    const where = keepId ? { user: userId, id: { $ne: keepId } } : { user: userId };
    const rows = await this.find(where, { fields: ['id'] });
    if (rows.length) await this.nativeDelete({ id: { $in: rows.map((r) => r.id) } });
    return rows.map((r) => r.id);
  }

  deleteExpired(now: Date, idleBefore: Date): Promise<number> {
    return this.nativeDelete({ $or: [{ expiresAt: { $lt: now } }, { lastSeenAt: { $lt: idleBefore } }] });
  }
}
