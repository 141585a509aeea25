import { Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';

/**
 * Redis connections. `command` connections fail fast (the API must answer, not hang, while Redis
 * is down); `worker` connections block on BullMQ commands and must retry forever
 * (`maxRetriesPerRequest: null`, as BullMQ requires for workers).
 */
export function createRedis(config: Pick<AppConfig, 'redisUrl'>, purpose: 'command' | 'worker' | 'subscriber' = 'command', extra: RedisOptions = {}): Redis {
  const base: RedisOptions = {
    connectTimeout: 3000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
  };
  const options: RedisOptions =
    purpose === 'command'
      ? { ...base, maxRetriesPerRequest: 1, enableOfflineQueue: false }
      : { ...base, maxRetriesPerRequest: null, enableOfflineQueue: true };
  const redis = new Redis(config.redisUrl, { ...options, ...extra });
  // Errors are surfaced by the commands that fail and by the readiness check; without a listener
  // ioredis would print every reconnect attempt as an unhandled error.
  redis.on('error', () => undefined);
  return redis;
}
