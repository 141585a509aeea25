// The web app's own GraphQL operations, sent as its production build sends them: the persisted
// document's hash that codegen put on each generated document, not its text (the API, in
// production, runs nothing else). When a page's query changes, the load sends the changed
// query's hash. An operation the load names and the web no longer has stops the run at once.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '../..');
// Node strips the file's type annotations; it holds no runtime TypeScript.
const generated = await import(pathToFileURL(join(root, 'libs/web/data-access/src/generated/graphql.ts')).href);

/** What Apollo Client 4's HttpLink adds to every request body's extensions. */
const CLIENT_LIBRARY = { clientLibrary: { name: '@apollo/client', version: '4.3.8' } };

const operations = new Map();

/** `{ name, kind: 'query' | 'mutation', hash }`: what a request needs to name the web's document. */
export function webOperation(name) {
  let operation = operations.get(name);
  if (operation) return operation;
  const document = generated[`${name}Document`];
  const definition = document?.definitions.find((d) => d.kind === 'OperationDefinition');
  if (!definition || definition.name?.value !== name)
    throw new Error(`The web has no GraphQL operation named ${name} (libs/web/*/src/graphql)`);
  const hash = document.__meta__?.hash;
  if (typeof hash !== 'string')
    throw new Error(
      `${name} carries no persisted document hash: run node_modules/.bin/graphql-codegen --config codegen.ts`,
    );
  operation = { name, kind: definition.operation, hash };
  operations.set(name, operation);
  return operation;
}

/** The JSON body Apollo Client (PersistedQueryLink, then HttpLink) sends for one operation. */
export function requestBody(operation, variables) {
  return JSON.stringify({
    operationName: operation.name,
    variables,
    extensions: { ...CLIENT_LIBRARY, persistedQuery: { version: 1, sha256Hash: operation.hash } },
  });
}
