// Database tasks, run against the compiled server (dist/server):
//   node tools/db.mjs migrate            create the database if missing, run pending migrations
//   node tools/db.mjs migration:create   write a migration for the difference between entities and schema
//   node tools/db.mjs seed               seed demo data when the database has no users (never in production)
import { MikroORM } from '@mikro-orm/postgresql';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const load = (path) => import(pathToFileURL(join(root, 'dist/server', path)).href);

export async function openOrm(config) {
  const core = await load('libs/server/core/src/index.js');
  const { ormEntities } = await load('apps/api/src/orm-entities.js');
  config ??= core.loadConfig();
  return MikroORM.init(core.createOrmConfig(config, ormEntities));
}

export async function migrate(config) {
  const core = await load('libs/server/core/src/index.js');
  config ??= core.loadConfig();
  const created = await core.ensureDatabase(config.databaseUrl);
  if (created) console.log(`db: created database ${new URL(config.databaseUrl).pathname.slice(1)}`);
  const orm = await openOrm(config);
  try {
    const done = await orm.migrator.up();
    console.log(
      done.length
        ? `db: applied ${done.length} migration(s): ${done.map((m) => m.name).join(', ')}`
        : 'db: schema is up to date',
    );
  } finally {
    await orm.close();
  }
}

export async function seed(config) {
  const core = await load('libs/server/core/src/index.js');
  config ??= core.loadConfig();
  if (!config.seedDemo) return null;
  const { seedDemoData } = await load('libs/server/demo/src/index.js');
  const orm = await openOrm(config);
  try {
    return await seedDemoData(orm.em.fork(), config);
  } finally {
    await orm.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const task = process.argv[2];
  if (task === 'migrate') await migrate();
  else if (task === 'seed') {
    const result = await seed();
    console.log(result ? `db: ${result}` : 'db: demo seeding is off');
  } else if (task === 'migration:check') {
    // Against a scratch database: apply every migration, then diff the entities with the schema.
    const core = await load('libs/server/core/src/index.js');
    const base = core.loadConfig();
    const url = new URL(process.env.MIGRATION_CHECK_DATABASE_URL ?? base.databaseUrl);
    url.pathname = '/convene_migration_check';
    const config = { ...base, databaseUrl: url.toString() };
    const admin = new URL(url);
    admin.pathname = '/postgres';
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query('drop database if exists convene_migration_check with (force)');
    await client.end();
    await migrate(config);
    const orm = await openOrm(config);
    try {
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
      if (diff.trim()) {
        console.error(`db: the entities differ from the migrated schema; run migration:create. Difference:\n${diff}`);
        process.exitCode = 1;
      } else {
        console.log('db: migrations match the entities');
      }
    } finally {
      await orm.close();
    }
  } else if (task === 'migration:create') {
    const orm = await openOrm();
    try {
      const result = await orm.migrator.create(
        join(root, 'libs/server/core/src/database/migrations'),
        false,
        false,
        process.argv[3],
      );
      console.log(
        result.diff.up.length ? `db: wrote ${result.fileName} — add it to migrations/index.ts` : 'db: no changes',
      );
    } finally {
      await orm.close();
    }
  } else {
    console.error('usage: node tools/db.mjs migrate | seed | migration:create [name]');
    process.exit(2);
  }
}
