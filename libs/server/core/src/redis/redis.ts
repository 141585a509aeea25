import { Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';

/**
 * Redis connections. `command` connections fail fast (the API must answer, not hang, while Redis
 * is down); `worker` connections block on BullMQ commands and must retry forever
 * (`maxRetriesPerRequest: null`, as BullMQ requires for workers).
 */
export function createRedis(
  config: Pick<AppConfig, 'redisUrl'>,
  purpose: 'command' | 'worker' | 'subscriber' = 'command',
  extra: RedisOptions = {},
): Redis {
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

/** Commands that socket.io's Redis adapter and emitter send without looking at the answer. */
const UNANSWERED_COMMANDS = ['publish', 'subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe'] as const;

/**
 * For a connection handed to a library that sends `UNANSWERED_COMMANDS` and drops their promises
 * (socket.io's adapter and emitter): a connection that queues while Redis is away rejects what it
 * holds when it is closed mid-attempt, which would otherwise surface as unhandled rejections.
 * The caller still gets the promise; nothing else changes.
 */
export function ignoringDroppedAnswers(redis: Redis): Redis {
  for (const name of UNANSWERED_COMMANDS) {
    const send = redis[name] as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(redis, name, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        const sent = send.apply(redis, args);
        sent.catch(() => undefined);
        return sent;
      },
    });
  }
  return redis;
}

/**
 * Waits for `work` (closing queues or workers, which waits for Redis) while Redis is up; once it
 * is away, or goes away meanwhile, waits `graceMs` more at most. Resolves whether `work` finished.
 */
export async function whileRedisUp(redis: Redis, work: Promise<unknown>, graceMs: number): Promise<boolean> {
  const finished = work.then(
    () => true,
    () => true,
  );
  let onClose: () => void = () => undefined;
  const lost = new Promise<void>((resolve) => {
    if (redis.status !== 'ready') return resolve();
    onClose = () => resolve();
    redis.once('close', onClose);
  });
  const first = await Promise.race([finished, lost.then(() => null)]);
  redis.off('close', onClose);
  if (first !== null) return first;
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
  const result = await Promise.race([finished, gaveUp]);
  clearTimeout(timer);
  return result;
}
