// Mantine's styles per component instead of its whole sheet: each module of the app that imports
// components from @mantine/core (or a Mantine package built on it) gets the stylesheets of those
// components and of every Mantine component they render inside (`@mantine/core/styles/Button.css`
// after `UnstyledButton.css` and `Loader.css`), so a page's chunk carries the styles its
// components need and no other. The baseline, the CSS variables and the global styles are
// imported once, by UiProviders.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Packages whose components render @mantine/core components. */
const PACKAGES = ['@mantine/core', '@mantine/notifications', '@mantine/dropzone'];
const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+['"](@mantine\/[a-z-]+)['"]/g;
const RELATIVE = /(?:import|export)\s[^'"]*?from\s+"(\.{1,2}\/[^"]+)"/g;
const FROM_CORE = /import\s*\{([^}]*)\}\s*from\s*"@mantine\/core"/g;
const STYLES_OF = /\/([A-Za-z]+)\.module\.mjs$/;

/** The names a `{ A, type B, C as D }` list imports as values (A, C). */
function valueNames(list: string): string[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith('type '))
    .map((part) => part.split(/\s+as\s+/)[0]?.trim() ?? '')
    .filter(Boolean);
}

export function mantineStyles(workspaceRoot: string): Plugin {
  const esmDir = (pkg: string) => join(workspaceRoot, 'node_modules', pkg, 'esm');
  const coreStyles = join(workspaceRoot, 'node_modules/@mantine/core/styles');
  const coreEsm = esmDir('@mantine/core');
  /** export name → the module that defines it, per package. */
  const exportsOf = new Map<string, Map<string, string>>();
  const sources = new Map<string, string>();
  const read = (file: string) => {
    let source = sources.get(file);
    if (source === undefined) sources.set(file, (source = readFileSync(file, 'utf8')));
    return source;
  };
  /** export name → its stylesheets (those of what it renders inside first), per package. */
  const stylesOfExport = new Map<string, string[]>();

  function exportMap(pkg: string): Map<string, string> {
    let map = exportsOf.get(pkg);
    if (!map) {
      map = new Map();
      const dir = esmDir(pkg);
      for (const match of read(join(dir, 'index.mjs')).matchAll(
        /(?:import|export)\s*\{([^}]*)\}\s*from\s*"(\.[^"]+)"/g,
      )) {
        for (const name of valueNames(match[1] ?? '')) map.set(name, resolve(dir, match[2] ?? ''));
      }
      exportsOf.set(pkg, map);
    }
    return map;
  }

  /** Adds to `out` the stylesheets of `file` and of every module it imports, imports first. */
  function collect(file: string, seen: Set<string>, out: string[]): void {
    if (seen.has(file)) return;
    seen.add(file);
    const source = read(file);
    const own: string[] = [];
    for (const match of source.matchAll(RELATIVE)) {
      const target = resolve(dirname(file), match[1] ?? '');
      const styles = STYLES_OF.exec(target)?.[1];
      if (!styles) collect(target, seen, out);
      else if (target.startsWith(coreEsm) && existsSync(join(coreStyles, `${styles}.css`))) {
        own.push(`@mantine/core/styles/${styles}.css`);
      }
    }
    // A package built on core (notifications, dropzone) renders core's components.
    for (const match of source.matchAll(FROM_CORE)) {
      for (const name of valueNames(match[1] ?? '')) {
        const target = exportMap('@mantine/core').get(name);
        if (target) collect(target, seen, out);
      }
    }
    for (const style of own) if (!out.includes(style)) out.push(style);
  }

  function stylesOf(pkg: string, name: string): string[] {
    const key = `${pkg}:${name}`;
    let styles = stylesOfExport.get(key);
    if (!styles) {
      styles = [];
      const file = exportMap(pkg).get(name);
      if (file) collect(file, new Set(), styles);
      stylesOfExport.set(key, styles);
    }
    return styles;
  }

  return {
    name: 'convene-mantine-styles',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.tsx?$/.test(id) || !code.includes("from '@mantine/")) return null;
      const styles: string[] = [];
      for (const match of code.matchAll(IMPORT)) {
        const pkg = match[3] ?? '';
        if (match[1] || !PACKAGES.includes(pkg)) continue;
        for (const name of valueNames(match[2] ?? '')) {
          for (const style of stylesOf(pkg, name)) if (!styles.includes(style)) styles.push(style);
        }
      }
      if (styles.length === 0) return null;
      return { code: `${styles.map((style) => `import '${style}';`).join('\n')}\n${code}`, map: null };
    },
  };
}
