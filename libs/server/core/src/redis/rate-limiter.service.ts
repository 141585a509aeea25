import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ErrorCode } from '@convene/shared-contracts';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import { REDIS } from './redis.module.js';

export interface RateLimitRule {
  /** What is limited, e.g. `signin:account`. */
  scope: string;
  /** Who is limited (an email, an address): hashed before it reaches Redis. */
  subject: string;
  limit: number;
  windowSeconds: number;
}

/** Fixed-window counters in Redis. Every call counts, whether or not the attempt succeeds. */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one attempt against every rule; throws RATE_LIMITED when any is over its limit. */
  async consume(rules: RateLimitRule[]): Promise<void> {
    const multi = this.redis.multi();
    for (const rule of rules) {
      const key = this.key(rule);
      multi.incr(key);
      multi.expire(key, rule.windowSeconds, 'NX');
      multi.ttl(key);
    }
    // Redis unreachable (a rejection) or the transaction discarded (null): the same answer for both.
    const results = await multi.exec().catch(() => null);
    if (!results)
      throw new DomainError(
        ErrorCode.ServiceUnavailable,
        'RATE_LIMIT_UNAVAILABLE',
        'The service is briefly unavailable. Please try again in a moment.',
      );
    let retryAfter = 0;
    for (const [i, rule] of rules.entries()) {
      // Three replies per rule, in the order queued above: INCR, EXPIRE, TTL.
      const count = Number(results[i * 3][1]);
      const ttl = Number(results[i * 3 + 2][1]);
      if (count > rule.limit) retryAfter = Math.max(retryAfter, ttl > 0 ? ttl : rule.windowSeconds);
    }
    if (retryAfter > 0) {
      const minutes = Math.max(1, Math.ceil(retryAfter / 60));
      throw new DomainError(
        ErrorCode.RateLimited,
        'TOO_MANY_ATTEMPTS',
        `Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      );
    }
  }

  /** How many attempts the rule's current window holds (for audits and tests). */
  async attempts(rule: Pick<RateLimitRule, 'scope' | 'subject'>): Promise<number> {
    return Number((await this.redis.get(this.key(rule))) ?? 0);
  }

  async reset(rule: Pick<RateLimitRule, 'scope' | 'subject'>): Promise<void> {
    await this.redis.del(this.key(rule)).catch(() => undefined);
  }

  private key(rule: Pick<RateLimitRule, 'scope' | 'subject'>): string {
    const digest = createHash('sha256').update(rule.subject).digest('base64url').slice(0, 32);
    return `${this.config.redisPrefix}:rl:${rule.scope}:${digest}`;
  }
}
