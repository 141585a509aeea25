import { FlushMode, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/app-config.js';
import type { DatabasePoolMetrics } from '../metrics/database-pool.metrics.js';
import { migrationsList } from './migrations/index.js';
import { releaseDeadConnections } from './release-dead-connections.util.js';

// Entity classes are registered by the composition roots (api, worker, tools), which know every domain.
// Migrations are a committed, explicit list: they run as their own step, never from module init.
// The api and worker pass their pool metrics; tools and tests' own ORMs go uncounted.
export function createOrmConfig(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolMax' | 'env'>,
  entities: Options['entities'],
  poolMetrics?: DatabasePoolMetrics,
): Options {
  return defineConfig({
    clientUrl: config.databaseUrl,
    entities,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      path: 'libs/server/core/src/database/migrations',
      emit: 'ts',
      snapshot: false,
      silent: config.env === 'test',
    },
    // Measured with the load test (test/load): 10 is enough for the worker (it runs up to 15 jobs at
    // once, most of them waiting on Redis or mail, and hardly ever waits for a connection) and for
    // an API instance, whose CPU gives out first; more connections only let more requests share it.
    pool: { min: 0, max: config.databasePoolMax },
    driverOptions: {
      connectionTimeoutMillis: 5000,
      onPoolCreated: (pool: Pool) => {
        releaseDeadConnections(pool);
        poolMetrics?.instrument(pool);
      },
    },
    // Changes reach the database only at a use case's explicit flush, never as a side effect of a query.
    flushMode: FlushMode.COMMIT,
    debug: false,
    // Every use of the database runs in a unit of work of its own (a request, a job, a socket event),
    // in tests as in production: work done outside one fails at once instead of sharing state.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
  });
}
