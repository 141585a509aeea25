// Checks that PostgreSQL and Redis answer before anything starts, and says how to fix it when
// they don't. Gives up within a few seconds; never hangs.
import pg from 'pg';
import { Redis } from 'ioredis';

const HOW_TO_START = {
  postgres: [
    'Debian/Ubuntu:  sudo apt-get install -y postgresql && sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    'macOS:          brew install postgresql@16 && brew services start postgresql@16',
    'Docker:         docker compose -f docker/compose.yml up -d postgres redis',
  ],
  redis: [
    'Debian/Ubuntu:  sudo apt-get install -y redis-server && redis-server --daemonize yes --bind 127.0.0.1 --port 6379',
    'macOS:          brew install redis && brew services start redis',
    'Docker:         docker compose -f docker/compose.yml up -d postgres redis',
  ],
};

const redact = (value) => {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return value;
  }
};

async function checkPostgres(databaseUrl) {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres'; // the database itself may not exist yet; it is created later
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 4000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error.message || error.code || String(error);
  } finally {
    client.end().catch(() => undefined);
  }
}

async function checkRedis(redisUrl) {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 4000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let lastError = null;
  redis.on('error', (error) => {
    lastError = error.message || error.code || String(error);
  });
  const timer = new Promise((resolve) => setTimeout(() => resolve('no answer within 5 seconds'), 5000).unref());
  try {
    const result = await Promise.race([
      redis
        .connect()
        .then(() => redis.ping())
        .then(
          () => null,
          (error) => lastError ?? (error.message || String(error)),
        ),
      timer,
    ]);
    return result;
  } finally {
    redis.disconnect();
  }
}

/** Returns a list of human messages, empty when both services answer. */
export async function preflight(config) {
  const [postgres, redis] = await Promise.all([checkPostgres(config.databaseUrl), checkRedis(config.redisUrl)]);
  const problems = [];
  if (postgres) {
    problems.push(
      [
        `Cannot reach PostgreSQL at ${redact(config.databaseUrl)} (DATABASE_URL): ${postgres}`,
        'Start PostgreSQL, or set DATABASE_URL to a server that runs:',
        ...HOW_TO_START.postgres.map((l) => `  ${l}`),
      ].join('\n'),
    );
  }
  if (redis) {
    problems.push(
      [
        `Cannot reach Redis at ${redact(config.redisUrl)} (REDIS_URL): ${redis}`,
        'Start Redis, or set REDIS_URL to a server that runs:',
        ...HOW_TO_START.redis.map((l) => `  ${l}`),
      ].join('\n'),
    );
  }
  return problems;
}
