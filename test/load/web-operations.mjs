// The web app's own GraphQL documents, as its generated client holds them and Apollo Client sends
// them: when a page's query changes, the load sends the changed query. An operation the load
// names and the web no longer has stops the run at once.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kind, print, visit } from 'graphql';

const root = join(import.meta.dirname, '../..');
// Node strips the file's type annotations; it holds no runtime TypeScript.
const generated = await import(pathToFileURL(join(root, 'libs/web/data-access/src/generated/graphql.ts')).href);

/** What Apollo Client 4's HttpLink adds to every request body. */
const CLIENT_LIBRARY = { clientLibrary: { name: '@apollo/client', version: '4.3.8' } };

const operations = new Map();

/**
 * `{ name, kind: 'query' | 'mutation', prefix }`: the request body up to its variables, ready to
 * be completed per request (the query text is printed once).
 */
export function webOperation(name) {
  let operation = operations.get(name);
  if (operation) return operation;
  const document = generated[`${name}Document`];
  const definition = document?.definitions.find((d) => d.kind === 'OperationDefinition');
  if (!definition || definition.name?.value !== name) throw new Error(`The web has no GraphQL operation named ${name} (libs/web/*/src/graphql)`);
  operation = { name, kind: definition.operation, query: print(withTypename(document)) };
  operations.set(name, operation);
  return operation;
}

const TYPENAME = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** What Apollo Client's cache does to every document it sends: `__typename` in each object's selection. */
function withTypename(document) {
  return visit(document, {
    SelectionSet(node, _key, parent) {
      if (parent?.kind === Kind.OPERATION_DEFINITION) return undefined;
      if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
      return { ...node, selections: [...node.selections, TYPENAME] };
    },
  });
}

/** The JSON body Apollo Client sends for one operation. */
export function requestBody(operation, variables) {
  return JSON.stringify({ operationName: operation.name, variables, extensions: CLIENT_LIBRARY, query: operation.query });
}
