import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, createRedis, REDIS, type AppConfig, type Viewer } from '@convene/server-core';

/** A resolved session as the cache keeps it: who, and what its next check needs. */
export interface CachedSession {
  viewer: Viewer;
  expiresAt: number;
  lastSeenAt: number;
}

interface Entry extends CachedSession {
  cachedUntil: number;
}

interface Dropped {
  sessionIds?: string[];
  userIds?: string[];
}

/** How long a dropped session or person is not cached again: longer than any transaction that drops them before it commits. */
const QUARANTINE_MS = 10_000;
const MAX_ENTRIES = 50_000;

/**
 * Who a session token belongs to, for a short while (SESSION_CACHE_SECONDS), so a signed-in
 * request costs no SQL statement to know who is asking. Whatever ends a session or changes what a
 * viewer may do (sign-out, revocation, deactivation, a new password, a network role, two-factor
 * on or off, becoming a convenor) drops it here and, through Redis, on every other API instance at
 * once. The cache is used only while this instance hears those messages: when its Redis
 * subscription is down every request asks PostgreSQL, and it starts empty once it is back.
 * A dropped session or person is not cached again for a few seconds, so a request that read the
 * old rows while the change was being committed can't put them back.
 */
@Injectable()
export class SessionCache implements OnApplicationShutdown {
  private readonly logger = new Logger(SessionCache.name);
  private readonly entries = new Map<string, Entry>();
  private readonly tokenOfSession = new Map<string, string>();
  private readonly quarantined = new Map<string, number>();
  private subscriber: Redis | null = null;
  private listening = false;
  /** Counts drops, so a lookup that overlapped one does not store what it read. */
  private drops = 0;
  private readonly channel: string;
  private readonly ttlMs: number;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.channel = `${config.redisPrefix}:sessions:dropped`;
    this.ttlMs = config.session.cacheSeconds * 1000;
  }

  /** The cached session for a token hash, while it may be trusted; null otherwise. */
  get(tokenHash: string): CachedSession | null {
    if (!this.usable()) return null;
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.cachedUntil <= Date.now()) {
      this.forget(tokenHash);
      return null;
    }
    return entry;
  }

  /** Whether this instance answers from its cache now (it hears drops); the first call starts listening. */
  inUse(): boolean {
    return this.usable();
  }

  /** A mark taken before reading a session from PostgreSQL, for `set`. */
  mark(): number {
    return this.drops;
  }

  /** Keeps what a lookup that began at `mark` read, unless something was dropped meanwhile. */
  set(tokenHash: string, session: CachedSession, mark: number): void {
    if (!this.usable() || mark !== this.drops) return;
    const now = Date.now();
    for (const id of [session.viewer.sessionId, session.viewer.userId]) {
      const until = this.quarantined.get(id);
      if (until !== undefined && until > now) return;
    }
    if (this.entries.size >= MAX_ENTRIES) this.forget(this.entries.keys().next().value as string);
    this.entries.set(tokenHash, { ...session, cachedUntil: now + this.ttlMs });
    this.tokenOfSession.set(session.viewer.sessionId, tokenHash);
  }

  /** Records a session's newer last-seen time in its entry. */
  touched(tokenHash: string, lastSeenAt: number): void {
    const entry = this.entries.get(tokenHash);
    if (entry) entry.lastSeenAt = lastSeenAt;
  }

  /** Drops sessions here and on every other API instance. */
  dropSessions(sessionIds: string[]): Promise<void> {
    return this.drop({ sessionIds });
  }

  /** Drops every session of these people here and on every other API instance. */
  dropUsers(userIds: string[]): Promise<void> {
    return this.drop({ userIds });
  }

  /** Only this instance's own entry for a token (a session found over on its next check). */
  forget(tokenHash: string): void {
    const entry = this.entries.get(tokenHash);
    if (!entry) return;
    this.entries.delete(tokenHash);
    this.tokenOfSession.delete(entry.viewer.sessionId);
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
  }

  private async drop(dropped: Dropped): Promise<void> {
    if (!dropped.sessionIds?.length && !dropped.userIds?.length) return;
    this.apply(dropped);
    // Other instances drop theirs when they hear this; if it can't be sent, their own subscription
    // is down too (one Redis), and they do not use their cache until it is back, emptied.
    await this.redis
      .publish(this.channel, JSON.stringify(dropped))
      .catch((error: Error) => this.logger.warn(`Could not announce dropped sessions: ${error.message}`));
  }

  private apply({ sessionIds = [], userIds = [] }: Dropped): void {
    this.drops += 1;
    const until = Date.now() + QUARANTINE_MS;
    for (const id of [...sessionIds, ...userIds]) this.quarantined.set(id, until);
    for (const id of sessionIds) {
      const token = this.tokenOfSession.get(id);
      if (token) this.forget(token);
    }
    if (userIds.length) {
      const users = new Set(userIds);
      for (const [token, entry] of this.entries) if (users.has(entry.viewer.userId)) this.forget(token);
    }
    if (this.quarantined.size > 1000)
      for (const [id, end] of this.quarantined) if (end <= Date.now()) this.quarantined.delete(id);
  }

  /** Whether this instance hears drops now; the first call starts listening. */
  private usable(): boolean {
    if (this.ttlMs <= 0) return false;
    if (!this.subscriber) this.listen();
    return this.listening;
  }

  private listen(): void {
    const subscriber = createRedis(this.config, 'subscriber', { autoResubscribe: false });
    this.subscriber = subscriber;
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      try {
        this.apply(JSON.parse(message) as Dropped);
      } catch {
        this.clear();
      }
    });
    subscriber.on('ready', () => {
      subscriber.subscribe(this.channel).then(
        () => {
          this.clear();
          this.listening = true;
        },
        () => undefined,
      );
    });
    subscriber.on('close', () => {
      this.listening = false;
      this.clear();
    });
  }

  private clear(): void {
    this.drops += 1;
    this.entries.clear();
    this.tokenOfSession.clear();
  }
}
