// Queries run as functions compiled from their document (graphql-jit) instead of graphql-js's
// general executor, which walks the document and looks up every field's arguments and type again for
// every item of a list. A document is compiled the first time it is run and kept for as long as
// Apollo keeps the parsed document (its document store); the web's documents are few and fixed.
//
// Only the execution changes: Apollo has already parsed, validated and limited the document, and the
// same resolvers answer. What is not compiled runs as before: mutations (run one after another by
// graphql-js), introspection, and a request whose variables don't fit its document (graphql-js then
// answers with Apollo's own BAD_USER_INPUT errors).
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  Kind,
  type DocumentNode,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Apollo's code for an error that carries none (as its own error formatting adds). */
const INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR';

export function compiledQueries<TContext extends object>(formatError: FormatError): ApolloServerPlugin<TContext> {
  // Per parsed document (Apollo hands out the same object while it keeps it), per operation name.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const compiledFor = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
  ): CompiledQuery | null => {
    const name = operation.name?.value ?? '';
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    if (!byName.has(name)) {
      const query = compileQuery(schema, document, operation.name?.value, { disablingCapturingStackErrors: true });
      byName.set(name, isCompiledQuery(query) ? query : null);
    }
    return byName.get(name) ?? null;
  };

  return {
    async requestDidStart() {
      return {
        async responseForOperation(context): Promise<GraphQLResponse | null> {
          const { operation, document } = context;
          if (!operation || !document || !compilable(operation)) return null;
          const query = compiledFor(context.schema, document, operation);
          if (!query) return null;
          const result = await query.query(undefined, context.contextValue, context.request.variables ?? {});
          // No data at all: the variables were refused before anything ran.
          if (!('data' in result)) return null;
          const errors = result.errors?.map((error) => formatError(formattedOf(error), error));
          return {
            http: { headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: result.data, ...(errors?.length ? { errors } : {}) } },
          };
        },
      };
    },
  };
}

/** An error as Apollo hands it to formatError: its JSON, with a code (INTERNAL_SERVER_ERROR if none). */
function formattedOf(error: GraphQLError): GraphQLFormattedError {
  const formatted = error.toJSON();
  const code = error.extensions?.['code'] ?? INTERNAL_SERVER_ERROR;
  return { ...formatted, extensions: { ...formatted.extensions, code } };
}

/** A query whose top-level selections are plain fields, none of them introspection. */
function compilable(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && !selection.name.value.startsWith('__'),
    )
  );
}
