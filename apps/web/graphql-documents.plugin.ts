// The generated GraphQL client (libs/web/data-access/src/generated/graphql.ts) holds every
// operation's document in one module, and a bundler places a module in one chunk: every first
// load would carry all 128 documents. This plugin hands each document to the bundle as a module
// of its own, re-exported from the generated one, so each goes with the pages that use it. The
// generated file and what it exports are unchanged.
import type { Plugin } from 'vite';

const GENERATED = /[\\/]libs[\\/]web[\\/]data-access[\\/]src[\\/]generated[\\/]graphql\.ts$/;
/** One generated document: a JSON literal on one line, cast to its typed DocumentNode. */
const DOCUMENT = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<[^\n]*>;$/gm;
const PREFIX = '\0convene-graphql-document:';

export function graphqlDocuments(): Plugin {
  const documents = new Map<string, string>();
  return {
    name: 'convene-graphql-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!GENERATED.test(id)) return null;
      const split = code.replace(DOCUMENT, (_line, name: string, literal: string) => {
        documents.set(name, literal);
        return `export { ${name} } from '${PREFIX}${name}';`;
      });
      return { code: split, map: null };
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const literal = documents.get(id.slice(PREFIX.length));
      if (literal === undefined) throw new Error(`graphql-documents: no document ${id.slice(PREFIX.length)}`);
      return { code: `export const ${id.slice(PREFIX.length)} = ${literal};`, moduleSideEffects: false };
    },
  };
}
