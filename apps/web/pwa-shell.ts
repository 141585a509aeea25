import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestTransform } from 'workbox-build';

/**
 * Keeps in the precache list only the scripts and styles index.html loads (the app shell), with
 * the files that are not scripts or styles (index.html, the offline page, icons, manifests). The
 * rest of the build is kept by the worker as it is first used: installing the app must not cost
 * a person on prepaid data every page of every feature.
 */
export function shellOnly(outDir: string): ManifestTransform {
  return async (entries) => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const loaded = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((match) => match[1]));
    const manifest = entries.filter((entry) => !entry.url.startsWith('assets/') || loaded.has(entry.url));
    return { manifest, warnings: [] };
  };
}
