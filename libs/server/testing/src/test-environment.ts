// Every test process gets its own PostgreSQL database and Redis key prefix (in Redis DB 15),
// named after the Jest worker, so tests never touch the demo data nor each other's.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '@convene/server-core';

export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * `scope` gives a test file a database and prefix of its own, apart from the other files of its
 * Jest worker: needed where a whole worker app runs, since its scheduled sweeps act on every row
 * that other files left behind.
 */
export function useTestEnvironment(overrides: Record<string, string> = {}, scope?: string): AppConfig {
  const worker = scope ? `${scope}_${process.env['JEST_WORKER_ID'] ?? '0'}` : (process.env['JEST_WORKER_ID'] ?? '0');
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: process.env['TEST_DATABASE_URL_BASE']
      ? `${process.env['TEST_DATABASE_URL_BASE']}_${worker}`
      : `postgres://postgres@127.0.0.1:5432/convene_test_${worker}`,
    REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/15',
    REDIS_PREFIX: `convene-test-${worker.replace('_', '-')}`,
    PUBLIC_URL: 'http://localhost:3000',
    SEED_DEMO: 'false',
    SMTP_URL: '',
    // Stored files of this worker's tests, apart from the demo hub's `.data`.
    DATA_DIR: join(tmpdir(), `convene-test-data-${worker}`),
    STORAGE_DRIVER: 'local',
    // Tests sign convenors and admins in with a password alone; the two-factor suites turn it on.
    TWO_FACTOR_ENFORCED: 'false',
    // Tests write their own GraphQL documents (in production mode too); the persisted documents
    // suite turns trusted documents on.
    GRAPHQL_TRUSTED_DOCUMENTS: 'false',
    // No metrics server unless a test asks for one (a port in the shell's environment would be taken twice).
    METRICS_PORT: '',
    WORKER_METRICS_PORT: '',
    // One VAPID pair for every test, so tests in production mode start and none writes a pair to disk.
    VAPID_PUBLIC_KEY: 'BF0AOyaYE8g7SHgqP5ZovL24JcJwpD_clnTdCFrSKs1DI58V5UcKXoJR5-uk8AayLz-l9afMhmmTmIcPA7ECiU8',
    VAPID_PRIVATE_KEY: 's3NiEQ1YtpjVkfUzpa9WgsLgfY8eSuB6if9dWxzbPYw',
    ...overrides,
  };
  Object.assign(process.env, env);
  return loadConfig(process.env);
}
