import { MikroORM } from '@mikro-orm/postgresql';
import { coreEntities, createOrmConfig, ensureDatabase, type AppConfig } from '@convene/server-core';
import { identityEntities } from '@convene/server-identity';
import { groupsEntities } from '@convene/server-groups';
import { mailEntities } from '@convene/server-mail';
import { notificationsEntities } from '@convene/server-notifications';
import { discussionsEntities } from '@convene/server-discussions';
import { documentsEntities } from '@convene/server-documents';
import { meetingsEntities } from '@convene/server-meetings';
import { submissionsEntities } from '@convene/server-submissions';
import { privacyEntities } from '@convene/server-privacy';

export const testEntities = [
  ...coreEntities,
  ...identityEntities,
  ...groupsEntities,
  ...mailEntities,
  ...notificationsEntities,
  ...discussionsEntities,
  ...documentsEntities,
  ...meetingsEntities,
  ...submissionsEntities,
  ...privacyEntities,
];

/** Creates the test database if needed, brings it to the latest migration, and opens an ORM on it. */
export async function openTestOrm(config: AppConfig): Promise<MikroORM> {
  await ensureDatabase(config.databaseUrl);
  const orm = await MikroORM.init(createOrmConfig(config, testEntities));
  await orm.migrator.up();
  return orm;
}
