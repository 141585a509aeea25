import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG, AuditLog, isUuid, notFound, type AppConfig, type Viewer } from '@convene/server-core';
import { AuditAction } from '@convene/shared-contracts';
import { Session } from './session.entity.js';
import { SessionRepository } from './session.repository.js';
import type { User } from './user.entity.js';
import { hashToken, newToken } from './tokens.util.js';
import { TwoFactorService } from './two-factor.service.js';
import { SessionCache } from './session-cache.js';

export interface SessionSummary {
  id: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

const TOUCH_EVERY_MS = 60_000;

export interface SessionEnded {
  sessionIds: string[];
}

/** Server-side sessions: issued at sign-in, checked on every request, ended at will. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly sessions: SessionRepository,
    private readonly twoFactor: TwoFactorService,
    private readonly cache: SessionCache,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Adds a new session for the user to the unit of work; returns the cookie token. */
  start(user: User, userAgent: string | null): { token: string; session: Session } {
    const { token, tokenHash } = newToken();
    const session = this.em.create(Session, {
      tokenHash,
      user,
      userAgent: userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + this.config.session.absoluteDays * 86_400_000),
    });
    return { token, session };
  }

  /**
   * The viewer for a cookie token, or null when it is unknown, idle too long or past its end.
   * Answered from the session cache while it holds the token (no SQL statement but a last-seen
   * update once a minute), else from PostgreSQL.
   */
  async resolve(token: string | undefined): Promise<Viewer | null> {
    if (!token || token.length > 100) return null;
    const tokenHash = hashToken(token);
    const now = Date.now();
    const idleLimit = this.config.session.idleMinutes * 60_000;
    const cached = this.cache.get(tokenHash);
    if (cached && cached.expiresAt > now && now - cached.lastSeenAt <= idleLimit) {
      if (now - cached.lastSeenAt > TOUCH_EVERY_MS) {
        // Marked first, so that the person's other requests of this moment don't update the same
        // row too (each waiting on the other's lock); one plain statement, no transaction around it.
        this.cache.touched(tokenHash, now);
        await this.sessions.touch(cached.viewer.sessionId, new Date(now));
      }
      return cached.viewer;
    }
    if (cached) this.cache.forget(tokenHash);
    const mark = this.cache.mark();
    const session = await this.sessions.checkByTokenHash(tokenHash);
    if (!session) return null;
    // Sessions begun before the last password change are over, whatever ended them or not.
    const stale = session.createdAt < session.passwordChangedAt;
    if (
      stale ||
      session.deactivatedAt ||
      session.expiresAt.getTime() <= now ||
      now - session.lastSeenAt.getTime() > idleLimit
    ) {
      await this.sessions.nativeDelete({ id: session.id });
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      session.lastSeenAt = new Date(now);
      await this.sessions.touch(session.id, session.lastSeenAt);
    }
    const twoFactorSetupRequired =
      !session.totpEnabledAt && (await this.twoFactor.required(session.userId, session.networkRole));
    const viewer: Viewer = {
      userId: session.userId,
      sessionId: session.id,
      networkRole: session.networkRole,
      ...(twoFactorSetupRequired ? { twoFactorSetupRequired } : {}),
    };
    this.cache.set(
      tokenHash,
      { viewer, expiresAt: session.expiresAt.getTime(), lastSeenAt: session.lastSeenAt.getTime() },
      mark,
    );
    return viewer;
  }

  /** The viewer's own sessions, the newest activity first. */
  async list(viewer: Viewer): Promise<SessionSummary[]> {
    const rows = await this.em.fork().find(Session, { user: viewer.userId }, { orderBy: { lastSeenAt: 'desc' } });
    return rows.map((s) => ({
      id: s.id,
      userAgent: s.userAgent,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      current: s.id === viewer.sessionId,
    }));
  }

  /** Ends one of the viewer's own sessions; NOT_FOUND for anyone else's (or an unknown id). */
  async revoke(viewer: Viewer, sessionId: string): Promise<void> {
    const ended = isUuid(sessionId) ? await this.sessions.nativeDelete({ id: sessionId, user: viewer.userId }) : 0;
    if (!ended) throw notFound('That session');
    await this.cache.dropSessions([sessionId]);
    await this.audit.recordNow({
      action: AuditAction.SESSION_REVOKED,
      actorId: viewer.userId,
      detail: { own: sessionId === viewer.sessionId },
    });
  }

  async end(sessionId: string): Promise<void> {
    await this.sessions.nativeDelete({ id: sessionId });
    await this.cache.dropSessions([sessionId]);
  }

  /** Signs the viewer out everywhere else; answers the ended sessions' ids. */
  async revokeOthers(viewer: Viewer): Promise<string[]> {
    const ended = await this.sessions.endAllForUser(viewer.userId, viewer.sessionId);
    await this.cache.dropSessions(ended);
    if (ended.length)
      await this.audit.recordNow({
        action: AuditAction.SESSION_REVOKED,
        actorId: viewer.userId,
        detail: { count: ended.length },
      });
    return ended;
  }

  /** Ends every session of the user but `keepSessionId` (all of them without it). */
  async endOthers(userId: string, keepSessionId?: string): Promise<string[]> {
    const ended = await this.sessions.endAllForUser(userId, keepSessionId);
    await this.cache.dropSessions(ended);
    return ended;
  }

  /** Deletes sessions past their idle or absolute expiry (run by the worker on a schedule). */
  async purgeExpired(): Promise<number> {
    const now = new Date();
    return this.em
      .fork()
      .getRepository(Session)
      .deleteExpired(now, new Date(now.getTime() - this.config.session.idleMinutes * 60_000));
  }
}
