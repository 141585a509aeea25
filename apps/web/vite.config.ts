// Vite config for the web app. Aliases come from tsconfig.base.json so the two never drift;
// only web and shared libs are exposed to the browser bundle.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Alias } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { shellOnly } from './pwa-shell.ts';
import { graphqlDocuments } from './graphql-documents.plugin.ts';
import { mantineStyles } from './mantine-styles.plugin.ts';
import { precompress } from './precompress.plugin.ts';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '../..');
/** Where the build goes: dist/apps/web, unless CONVENE_WEB_OUT names another folder (a second build beside). */
const outDir = process.env['CONVENE_WEB_OUT'] ?? resolve(workspaceRoot, 'dist/apps/web');
const apiOrigin = process.env['CONVENE_API_ORIGIN'] ?? 'http://localhost:3000';

/** Each alias matches its name exactly, so an entry of a lib (`@convene/web-ui/testing`) is its own alias. */
function browserAliases(): Alias[] {
  const tsconfig = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const aliases: Alias[] = [];
  for (const [name, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
    if (target && (name.startsWith('@convene/web-') || name.startsWith('@convene/shared-'))) {
      aliases.push({
        find: new RegExp(`^${name.replace(/[/.-]/g, '\\$&')}$`),
        replacement: resolve(workspaceRoot, target),
      });
    }
  }
  return aliases;
}

const proxied = ['/graphql', '/api', '/health'];

export default defineConfig({
  root: here,
  plugins: [
    mantineStyles(workspaceRoot),
    graphqlDocuments(),
    react(),
    // The service worker (src/sw/sw.ts) with the list of files it keeps when a version installs:
    // the app shell only; a feature's pages are kept as they are first visited.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        rollupFormat: 'iife',
        sourcemap: false,
        globPatterns: ['index.html', 'offline.html', 'manifest*.webmanifest', 'icons/*.png', 'assets/*.{js,css}'],
        manifestTransforms: [shellOnly(outDir)],
      },
    }),
    precompress(outDir),
  ],
  // rxjs (under Apollo Client) in its ES2015 build: classes instead of tslib's helpers.
  resolve: { alias: browserAliases(), conditions: ['es2015', ...defaultClientConditions] },
  build: {
    outDir,
    emptyOutDir: true,
    // Maps are written for reading errors on the server, but no script points to them and the
    // API never serves them.
    sourcemap: 'hidden',
    // .vite/manifest.json: each route chunk's imports and styles, read by tools/web-budget.mjs.
    manifest: true,
    rolldownOptions: {
      // Needed to inline shared chunks (below): the entry exports nothing anyway.
      preserveEntrySignatures: false,
      // The app's own modules only declare things: a page chunk takes what it uses through a lib's
      // index (its barrel), not every module the index names.
      treeshake: {
        moduleSideEffects: [
          { test: /[\\/](libs[\\/]web|libs[\\/]shared|apps[\\/]web[\\/]src)[\\/].*\.tsx?$/, sideEffects: false },
        ],
      },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        // Only what the first page needs whatever it is ($initial: the entry's static imports) is
        // grouped; the rest of a library stays with the pages that use it (a PDF reader, the
        // dropzone, socket.io, form widgets), so no first load carries every page's libraries.
        codeSplitting: {
          // Shared chunks under 24 KB go into the chunks that use them: a page then needs a third as
          // many files (the group page 35 instead of 96), which on HTTP/1.1 over a slow link, six
          // requests at a time, costs far more than the few repeated kilobytes.
          experimentalInlineCommonChunks: { maxSize: 24 * 1024 },
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
              tags: ['$initial'],
              priority: 3,
            },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, tags: ['$initial'], priority: 2 },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|zen-observable)/,
              tags: ['$initial'],
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 1 },
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
