// Fails when the web client's generated GraphQL code (typed documents and the persisted documents
// manifest the API runs) is stale against apps/api/schema.gql and the documents. The working tree
// is left as it was.
import { spawnSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const generated = ['graphql.ts', 'persisted-documents.json'].map((name) =>
  join(root, 'libs/web/data-access/src/generated', name),
);
const read = (file) => readFile(file, 'utf8').catch(() => null);
const committed = await Promise.all(generated.map(read));
const run = spawnSync(join(root, 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.ts', '--silent'], {
  cwd: root,
  stdio: 'inherit',
});
const fresh = await Promise.all(generated.map(read));
await Promise.all(
  generated.map((file, i) => (committed[i] === null ? rm(file, { force: true }) : writeFile(file, committed[i]))),
);
if (run.status !== 0) {
  console.error('codegen: GraphQL Code Generator failed (see above)');
  process.exit(1);
}
const stale = generated.filter((_, i) => fresh[i] !== committed[i]).map((file) => file.slice(root.length));
if (stale.length) {
  console.error(
    `codegen: ${stale.join(' and ')} stale: run \`node_modules/.bin/graphql-codegen --config codegen.ts\` and commit the result.`,
  );
  process.exit(1);
}
console.log('codegen: the generated client code and persisted documents are up to date');
