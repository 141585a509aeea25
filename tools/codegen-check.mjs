// Fails when the web client's generated GraphQL code is stale against apps/api/schema.gql and the
// documents. The working tree is left as it was.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const generated = join(root, 'libs/web/data-access/src/generated/graphql.ts');
const committed = await readFile(generated, 'utf8').catch(() => '');
const run = spawnSync(join(root, 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.ts', '--silent'], { cwd: root, stdio: 'inherit' });
const fresh = await readFile(generated, 'utf8').catch(() => '');
await writeFile(generated, committed);
if (run.status !== 0) {
  console.error('codegen: GraphQL Code Generator failed (see above)');
  process.exit(1);
}
if (fresh !== committed) {
  console.error('codegen: libs/web/data-access/src/generated is stale: run `node_modules/.bin/graphql-codegen --config codegen.ts` and commit it.');
  process.exit(1);
}
console.log('codegen: the generated client code is up to date');
