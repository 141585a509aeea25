/// <reference types="node" />
// Every word the web shows comes from the translation files: no text written into a component or
// into a label, placeholder, title, description or accessible name; and every key a component asks
// for exists in its namespace (a missing key would show the key itself, in every language).
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Props whose text people read or hear. */
const SHOWN_PROPS = new Set([
  'label',
  'placeholder',
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'description',
  'alt',
  'error',
  'tooltip',
]);
/** Words a component may write itself: none. Paths and symbols are not words. */
const WORDS = /\p{L}{2,}/u;
const shows = (text: string) => WORDS.test(text) && !/^\s*\/[\w/-]*\s*$/.test(text);

function walk(dir: string, pick: (file: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'generated') walk(path, pick, out);
    } else if (pick(path)) out.push(path);
  }
  return out;
}

/** The English file of each namespace, by its name: `libs/web/meetings/src/i18n/meetings.en.ts` is `meetings`. */
async function namespaces(): Promise<Map<string, Set<string>>> {
  const files = walk(join(root, 'libs/web'), (f) => /\/i18n\/(locales\/)?[a-zA-Z-]+\.en\.ts$/.test(f)).concat(
    join(root, 'apps/web/src/i18n/app.en.ts'),
  );
  const out = new Map<string, Set<string>>();
  for (const file of files) {
    const module = (await import(file)) as Record<string, unknown>;
    const resources = Object.values(module).find((value) => typeof value === 'object' && value !== null) as Record<
      string,
      unknown
    >;
    const keys = new Set<string>();
    const flatten = (node: Record<string, unknown>, prefix: string) => {
      for (const [key, value] of Object.entries(node)) {
        const path = `${prefix}${key}`;
        if (typeof value === 'object' && value !== null) flatten(value as Record<string, unknown>, `${path}.`);
        keys.add(path);
        keys.add(path.replace(PLURAL, ''));
      }
    };
    flatten(resources, '');
    out.set(basename(file, '.en.ts'), keys);
  }
  return out;
}

const sources = () =>
  walk(join(root, 'libs/web'), (f) => /\.tsx?$/.test(f) && !/\.spec\.tsx?$|\/i18n\/|\.d\.ts$/.test(f)).concat(
    walk(join(root, 'apps/web/src'), (f) => /\.tsx?$/.test(f) && !/\.spec\.tsx?$|\/i18n\/|\.d\.ts$/.test(f)),
  );

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}
const where = (file: string, source: ts.SourceFile, node: ts.Node) =>
  `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
const literal = (node: ts.Node | undefined): string | null =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

describe('the words the web shows', () => {
  it('are never written into a component: no text between tags, no words in a shown prop', () => {
    const written: string[] = [];
    for (const file of sources().filter((f) => f.endsWith('.tsx'))) {
      const source = parse(file);
      const visit = (node: ts.Node) => {
        if (ts.isJsxText(node) && shows(node.text))
          written.push(`${where(file, source, node)} ${JSON.stringify(node.text.trim())}`);
        if (ts.isJsxAttribute(node) && SHOWN_PROPS.has(node.name.getText()) && node.initializer) {
          const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
          const text =
            literal(value) ??
            (value && ts.isTemplateExpression(value)
              ? [value.head.text, ...value.templateSpans.map((s) => s.literal.text)].join(' ')
              : null);
          if (text && shows(text))
            written.push(`${where(file, source, node)} ${node.name.getText()}=${JSON.stringify(text)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(written).toEqual([]);
  });

  it('come from keys that exist in the namespace the component reads', async () => {
    const known = await namespaces();
    expect([...known.keys()].sort()).toEqual([
      'account',
      'app',
      'calendarFeed',
      'discussions',
      'documents',
      'groups',
      'identity',
      'meetings',
      'notifications',
      'programme',
      'submissions',
      'ui',
    ]);
    const missing: string[] = [];
    let checked = 0;
    for (const file of sources()) {
      const source = parse(file);
      // The namespaces this file reads: useTranslation('x') or (['x', 'y']) and getFixedT(…, 'x');
      // useTranslation() reads `ui`.
      const read = new Set<string>();
      const namedOnly = new Set<string>();
      const collect = (node: ts.Node) => {
        if (ts.isCallExpression(node)) {
          const callee = node.expression.getText();
          const [first] = node.arguments;
          // Of a list, keys without a namespace come from the first; the others are named in the key.
          if (callee === 'useTranslation' && first && ts.isArrayLiteralExpression(first)) {
            read.add(literal(first.elements[0]) ?? 'ui');
            for (const element of first.elements.slice(1)) namedOnly.add(literal(element) ?? 'ui');
          } else if (callee === 'useTranslation') read.add(literal(first) ?? 'ui');
          if (callee.endsWith('getFixedT')) read.add(literal(node.arguments[1]) ?? 'ui');
        }
        ts.forEachChild(node, collect);
      };
      collect(source);
      if (!read.size) continue;
      const visit = (node: ts.Node) => {
        const first = ts.isCallExpression(node) ? node.arguments[0] : undefined;
        if (ts.isCallExpression(node) && first) {
          const callee = node.expression;
          const isT =
            (ts.isIdentifier(callee) && callee.text === 't') ||
            (ts.isCallExpression(callee) && callee.expression.getText().endsWith('getFixedT'));
          // A key may name its namespace (`account:security.title`): one the file reads.
          const text = literal(first);
          const [, named, key = null] = text === null ? [] : (/^(?:(\w+):)?(.*)$/s.exec(text) ?? []);
          const [, namedByPrefix, prefix = null] = ts.isTemplateExpression(first)
            ? (/^(?:(\w+):)?(.*)$/s.exec(first.head.text) ?? [])
            : [];
          const from = named ?? namedByPrefix;
          if (isT && (key !== null || prefix !== null)) {
            checked += 1;
            const exists = (from ? [...read, ...namedOnly].filter((ns) => ns === from) : [...read]).some((ns) => {
              const keys = known.get(ns);
              if (!keys) return false;
              if (key !== null) return keys.has(key);
              return [...keys].some((k) => k.startsWith(prefix ?? ''));
            });
            if (!exists)
              missing.push(`${where(file, source, node)} ${key ?? `${prefix}…`} (in ${[...read].join(', ')})`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });
});
