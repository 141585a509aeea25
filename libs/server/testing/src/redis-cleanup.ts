import { createRedis, type AppConfig } from '@convene/server-core';

/** Deletes every key under the test prefix (rate limits, queues) so each test file starts clean. */
export async function clearRedisPrefix(config: AppConfig): Promise<void> {
  const redis = createRedis(config, 'worker');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redisPrefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
