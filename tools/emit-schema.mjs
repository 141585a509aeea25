// Writes apps/api/schema.gql from the compiled API (run tools/build-server.mjs first).
//   node tools/emit-schema.mjs          write the file
//   node tools/emit-schema.mjs --check  exit 1 when the committed file is stale
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const target = join(root, 'apps/api/schema.gql');
const { renderSchema } = await import(
  pathToFileURL(join(root, 'dist/server/apps/api/src/graphql/emit-schema.js')).href
);
const schema = await renderSchema();
if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== schema) {
    console.error(
      'apps/api/schema.gql is stale: run `node tools/build-server.mjs && node tools/emit-schema.mjs` and commit it.',
    );
    process.exit(1);
  }
  console.log('schema: apps/api/schema.gql is up to date');
} else {
  await writeFile(target, schema);
  console.log('schema: wrote apps/api/schema.gql');
}
