// The web's size budget: for each page of the built web app, the compressed scripts and styles a
// browser must fetch before that page can be used — the entry with its static imports and styles,
// the page's own chunk with its static imports and styles, the English texts of the features it
// shows, and for a signed-in person the header's chunk (search and the bell) with its texts —
// counted once each, at the size the API sends (the Brotli copy beside the file, or the file
// itself where none was worth writing). Prints a table; exits 1 naming each page over its limit:
// 200 KB for sign-in and the public forms people reach from a link on a phone, 350 KB for every
// other page.
//   node tools/web-budget.mjs [built web folder, default dist/apps/web or $WEB_DIST_DIR]
// The web is built with `build.manifest: true` (apps/web/vite.config.ts); pages are the chunks
// apps/web/src/App.tsx loads from apps/web/src/pages, each with the namespaces it names there.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const KB = 1024;
/** Sign-in and the public forms (pitch, event registration): phones on slow connections. */
export const PUBLIC_FORM_LIMIT = 200 * KB;
export const PAGE_LIMIT = 350 * KB;

const PAGES_DIR = 'src/pages/';
/** Pages held to the public forms' limit, by module name in apps/web/src/pages. */
export const PUBLIC_FORMS = new Set(['SignInPage', 'PitchFormPage', 'PublicEventPage']);
/** Pages for people who are not signed in (or not yet through two-factor setup): no header actions. */
export const SIGNED_OUT = new Set([
  ...PUBLIC_FORMS,
  'SignUpPage',
  'ForgotPasswordPage',
  'ResetPasswordPage',
  'DevMailPage',
  'UnsubscribePage',
  'RegistrationPage',
  'PartnerPitchPage',
  'TwoFactorRequiredPage',
]);
/** Loaded beside every signed-in page; not a page itself. */
export const HEADER_ACTIONS = 'HeaderActions';

/** The manifest key and chunk of every file a chunk needs before it runs (itself and its static imports). */
function closure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
  seen.add(key);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, seen);
  return seen;
}

/** The files (scripts and their styles) of chunks `keys` and everything they import statically. */
export function filesOf(manifest, keys) {
  const chunks = new Set();
  for (const key of keys) closure(manifest, key, chunks);
  const files = new Set();
  for (const key of chunks) {
    files.add(manifest[key].file);
    for (const css of manifest[key].css ?? []) files.add(css);
  }
  return files;
}

/**
 * The namespaces each page fetches, from App.tsx's `lazyPage(() => import('./pages/Name'), [...])`
 * calls: page name → namespaces.
 */
export function pageNamespaces(appSource) {
  const pages = new Map();
  const call = /lazyPage\(\s*\(\) => import\('\.\/pages\/(\w+)'\),\s*\[([^\]]*)\]/g;
  for (const [, page, list] of appSource.matchAll(call)) {
    pages.set(
      page,
      [...list.matchAll(/'(\w+)'/g)].map(([, namespace]) => namespace),
    );
  }
  return pages;
}

/** The manifest key of a namespace's English texts (`libs/web/<ns>/src/i18n/<ns>.en.ts`). */
function englishTexts(manifest, namespace) {
  const key = Object.keys(manifest).find((k) => k.endsWith(`/i18n/${namespace}.en.ts`));
  if (!key) throw new Error(`the manifest has no English texts of ${namespace} (${namespace}.en.ts)`);
  return key;
}

/** A page's name from its module (`src/pages/SignInPage.tsx` → `SignInPage`). */
const pageName = (src) => src.slice(PAGES_DIR.length).replace(/\.[jt]sx?$/, '');

/**
 * Each page's cost: `{ page, bytes, limit, files }`, largest share first. `namespaces` maps a page
 * to the namespaces it fetches (pageNamespaces); `sizeOf(file)` gives the bytes sent for a file.
 */
export function pageCosts(manifest, namespaces, sizeOf) {
  const entries = Object.entries(manifest);
  const entry = entries.find(([, chunk]) => chunk.isEntry)?.[0];
  if (!entry) throw new Error('the manifest has no entry chunk');
  const pages = entries.filter(([, chunk]) => chunk.isDynamicEntry && chunk.src?.startsWith(PAGES_DIR));
  if (pages.length === 0) throw new Error(`the manifest has no page chunks (${PAGES_DIR}*)`);
  const header = pages.find(([, chunk]) => pageName(chunk.src) === HEADER_ACTIONS)?.[0];
  if (!header) throw new Error(`the manifest has no ${HEADER_ACTIONS} chunk`);
  const names = new Set(pages.map(([, chunk]) => pageName(chunk.src)));
  for (const name of SIGNED_OUT) {
    if (!names.has(name)) throw new Error(`tools/web-budget.mjs names ${name}, which the build has no page for`);
  }
  /** The chunks a page fetches itself: its module and its namespaces' English texts. */
  const own = (page, key) => {
    const fetched = namespaces.get(page);
    if (!fetched) throw new Error(`App.tsx loads no page ${page} through lazyPage`);
    return [key, ...fetched.map((namespace) => englishTexts(manifest, namespace))];
  };
  return pages
    .filter(([key]) => key !== header)
    .map(([key, chunk]) => {
      const page = pageName(chunk.src);
      const keys = [entry, ...own(page, key)];
      if (!SIGNED_OUT.has(page)) keys.push(...own(HEADER_ACTIONS, header));
      const files = filesOf(manifest, keys);
      const bytes = [...files].reduce((sum, file) => sum + sizeOf(file), 0);
      return { page, bytes, limit: PUBLIC_FORMS.has(page) ? PUBLIC_FORM_LIMIT : PAGE_LIMIT, files };
    })
    .sort((a, b) => b.bytes / b.limit - a.bytes / a.limit);
}

/** Bytes the API sends for a built file: its Brotli copy, else the file (too small to compress). */
export function sentSize(dir) {
  return (file) => {
    const path = join(dir, file);
    return statSync(existsSync(`${path}.br`) ? `${path}.br` : path).size;
  };
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

export function report(costs) {
  const lines = [`${'page'.padEnd(26)} ${'JS + CSS (br)'.padStart(14)} ${'limit'.padStart(9)}  files`];
  for (const { page, bytes, limit, files } of costs) {
    const mark = bytes > limit ? '  ✗ over' : '';
    lines.push(`${page.padEnd(26)} ${kb(bytes).padStart(14)} ${kb(limit).padStart(9)}  ${files.size}${mark}`);
  }
  return lines.join('\n');
}

async function main() {
  const dir = process.argv[2] ?? process.env.WEB_DIST_DIR ?? join(import.meta.dirname, '../dist/apps/web');
  const manifestPath = join(dir, '.vite/manifest.json');
  if (!existsSync(manifestPath)) {
    console.error(`web-budget: no ${manifestPath}; build the web first (vite build --config apps/web/vite.config.ts)`);
    process.exit(1);
  }
  const app = readFileSync(join(import.meta.dirname, '../apps/web/src/App.tsx'), 'utf8');
  const costs = pageCosts(JSON.parse(readFileSync(manifestPath, 'utf8')), pageNamespaces(app), sentSize(dir));
  console.log(report(costs));
  const over = costs.filter((cost) => cost.bytes > cost.limit);
  for (const { page, bytes, limit } of over) {
    console.error(`web-budget: ${page} needs ${kb(bytes)} before it can be used, over its ${kb(limit)}`);
  }
  process.exit(over.length ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
