// Compiles the server side (api, worker, server and shared libs) with swc into dist/server,
// keeping the folder layout and rewriting the @convene/* path aliases into relative imports.
// swc keeps legacy decorators and their metadata, which Nest's dependency injection needs.
// Files the server reads at run time are copied beside the code, in the same layout.
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist/server');
const sources = ['apps/api/src', 'apps/worker/src', 'libs/server', 'libs/shared'];
/** The web's persisted documents (hash → text), which the API answers hashes from. */
const assets = ['libs/web/data-access/src/generated/persisted-documents.json'];

const tsconfig = JSON.parse(await readFile(join(root, 'tsconfig.base.json'), 'utf8'));
const paths = tsconfig.compilerOptions.paths;

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(full);
    } else if (/\.ts$/.test(entry.name) && !/\.(spec|d)\.ts$/.test(entry.name)) {
      yield full;
    }
  }
}

export async function buildServer() {
  await rm(outDir, { recursive: true, force: true });
  let count = 0;
  for (const source of sources) {
    for await (const file of walk(join(root, source))) {
      const { code, map } = await transformFile(file, {
        swcrc: false,
        sourceMaps: true,
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
          keepClassNames: true,
          baseUrl: root,
          paths,
        },
        module: { type: 'es6', resolveFully: true },
      });
      const target = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (map) await writeFile(`${target}.map`, map);
      count += 1;
    }
  }
  for (const asset of assets) {
    const target = join(outDir, asset);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(root, asset), target);
  }
  return count;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const count = await buildServer();
  console.log(`server: compiled ${count} files into dist/server in ${Date.now() - started} ms`);
}
