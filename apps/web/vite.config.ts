// Vite config for the web app. Aliases come from tsconfig.base.json so the two never drift;
// only web and shared libs are exposed to the browser bundle.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.plugin';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '../..');
/** Where the build goes: dist/apps/web, unless CONVENE_WEB_OUT names another folder (a second build beside). */
const outDir = process.env['CONVENE_WEB_OUT'] ?? resolve(workspaceRoot, 'dist/apps/web');
const apiOrigin = process.env['CONVENE_API_ORIGIN'] ?? 'http://localhost:3000';

function browserAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const aliases: Record<string, string> = {};
  for (const [name, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
    if (target && (name.startsWith('@convene/web-') || name.startsWith('@convene/shared-'))) {
      aliases[name] = resolve(workspaceRoot, target);
    }
  }
  return aliases;
}

const proxied = ['/graphql', '/api', '/health'];

export default defineConfig({
  root: here,
  plugins: [react(), precompress(outDir)],
  resolve: { alias: browserAliases() },
  build: {
    outDir,
    emptyOutDir: true,
    // Maps are written for reading errors on the server, but no script points to them and the
    // API never serves them.
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 3,
            },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, priority: 2 },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|zen-observable)/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      ...Object.fromEntries(proxied.map((path) => [path, { target: apiOrigin, changeOrigin: false }])),
      '/socket.io': { target: apiOrigin, ws: true },
    },
  },
  preview: {
    port: 4173,
    proxy: {
      ...Object.fromEntries(proxied.map((path) => [path, { target: apiOrigin, changeOrigin: false }])),
      '/socket.io': { target: apiOrigin, ws: true },
    },
  },
});
