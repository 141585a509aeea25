// Persisted documents: for each operation of the web app, the exact text Apollo Client sends and
// its sha256 hash. codegen.ts puts the hash on every generated document (`__meta__.hash`, what the
// web sends instead of the text) and, through `plugin` below, writes the manifest (hash → text)
// that the API loads to answer those hashes, and in production to run nothing else.
import { createHash } from 'node:crypto';
import { InMemoryCache } from '@apollo/client/cache';
import { print } from '@apollo/client/utilities';
import { plugin as typedDocumentNode } from '@graphql-codegen/typed-document-node';
import { Kind, visit } from 'graphql';

/**
 * Directives Apollo Client acts on before a document leaves it (dropping fields, splitting the
 * response…): the text it sends would no longer be the one printed here.
 */
const CLIENT_DIRECTIVES = new Set(['client', 'connection', 'nonreactive', 'unmask', 'export', 'defer']);

// The web's client uses an InMemoryCache with no fragment registry and no document transform of
// its own; the cache's transforms (adding __typename) are all that happens to a document on its
// way to the link chain. libs/web/data-access/src/apollo/persisted-documents.spec.ts holds the
// web's real client to that.
const cache = new InMemoryCache();

/** The text Apollo Client sends for a generated document (an operation and the fragments it uses). */
export function sentText(document) {
  visit(document, {
    Directive(node) {
      if (CLIENT_DIRECTIVES.has(node.name.value)) {
        throw new Error(
          `@${node.name.value} in ${operationName(document)}: persisted documents need the text Apollo Client sends to be the one printed at build time`,
        );
      }
    },
  });
  return print(cache.transformForLink(cache.transformDocument(document)));
}

/** The persisted query hash of a text: sha256 of its UTF-8 bytes, in lowercase hex (as Apollo Server checks it). */
export function documentHash(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function persistedDocument(document) {
  const text = sentText(document);
  return { name: operationName(document), text, hash: documentHash(text) };
}

function operationName(document) {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation?.name) throw new Error('every operation of the web app needs a name');
  return operation.name.value;
}

/**
 * The codegen plugin of the manifest: `{ "<sha256 hash>": "<text>" }`, by operation name. The
 * typed-document-node plugin, given the same documents and config as the generated client code,
 * hands over each operation exactly as that code holds it (with its fragments, in its order).
 */
export async function plugin(schema, documents, config) {
  const operations = [];
  await typedDocumentNode(schema, documents, {
    ...config,
    unstable_onExecutableDocumentNode: (document) => {
      operations.push(persistedDocument(document));
      return undefined;
    },
  });
  operations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `${JSON.stringify(Object.fromEntries(operations.map(({ hash, text }) => [hash, text])), null, 2)}\n`;
}
