import { EntityRepository } from '@mikro-orm/postgresql';
import type { NetworkRole } from '@convene/shared-contracts';
import type { Session } from './session.entity.js';

/** A session and what deciding whether it still holds needs of its person, as plain values. */
export interface SessionCheck {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userId: string;
  networkRole: NetworkRole;
  passwordChangedAt: Date;
  deactivatedAt: Date | null;
  totpEnabledAt: Date | null;
}

export class SessionRepository extends EntityRepository<Session> {
  /**
   * The session of a token hash with its person, in one plain statement (asked on every request
   * the session cache can't answer: the ORM's query building and entities cost more than the row).
   */
  async checkByTokenHash(tokenHash: string): Promise<SessionCheck | null> {
    const [row] = await this.getEntityManager()
      .getConnection()
      .execute<
        {
          id: string;
          created_at: Date;
          last_seen_at: Date;
          expires_at: Date;
          user_id: string;
          network_role: NetworkRole;
          password_changed_at: Date;
          deactivated_at: Date | null;
          totp_enabled_at: Date | null;
        }[]
      >(
        `select s.id, s.created_at, s.last_seen_at, s.expires_at, u.id as user_id, u.network_role, u.password_changed_at, u.deactivated_at, u.totp_enabled_at
       from sessions s join users u on u.id = s.user_id where s.token_hash = ?`,
        [tokenHash],
      );
    if (!row) return null;
    const time = (value: Date | null) => (value === null ? null : new Date(value));
    return {
      id: row.id,
      createdAt: new Date(row.created_at),
      lastSeenAt: new Date(row.last_seen_at),
      expiresAt: new Date(row.expires_at),
      userId: row.user_id,
      networkRole: row.network_role,
      passwordChangedAt: new Date(row.password_changed_at),
      deactivatedAt: time(row.deactivated_at),
      totpEnabledAt: time(row.totp_enabled_at),
    };
  }

  /** Records that a session was used at `at`: one plain statement, no transaction. */
  async touch(id: string, at: Date): Promise<void> {
    await this.getEntityManager()
      .getConnection()
      .execute('update sessions set last_seen_at = ? where id = ?', [at, id]);
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
