import type { ApolloDriverConfig } from '@nestjs/apollo';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { AppConfig } from '@convene/server-core';
import { compiledQueries } from './compiled-queries.js';
import { formatError, formatErrorWithoutSuggestions } from './format-error.js';
import { operationLimitsRule } from './operation-limits.js';
import { PersistedDocumentManifest } from './persisted-document-manifest.js';
import { persistedDocuments } from './persisted-documents.js';
import { answerPreloadedFields } from './preloaded-fields.js';
import type { GraphQLContext } from '../http/request-context.js';

/**
 * Apollo Server settings: CSRF prevention on, no stack traces, limits, nothing exposed in
 * production; the web's persisted documents answered by hash, and with trusted documents on
 * (production) nothing else run.
 */
export function graphqlConfig(
  config: AppConfig,
  manifest = PersistedDocumentManifest.read(),
): Omit<ApolloDriverConfig, 'driver'> {
  const production = config.env === 'production';
  const persisted = persistedDocuments(manifest, { trusted: config.graphqlTrustedDocuments });
  const shapeError = production ? formatErrorWithoutSuggestions : formatError;
  return {
    path: '/graphql',
    // The committed schema.gql is written by tools/emit-schema.mjs; at run time it stays in memory.
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    graphiql: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: [operationLimitsRule()],
    formatError: shapeError,
    persistedQueries: persisted.persistedQueries,
    ...(persisted.documentStore ? { documentStore: persisted.documentStore } : {}),
    // No cache hints are used (every answer is the viewer's own): without this Apollo's cache-control
    // plugin wraps every field's resolver to collect them.
    // Queries run compiled (see compiled-queries.ts), their errors shaped by the same formatError.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...persisted.plugins,
      compiledQueries(shapeError),
    ],
    // Fields a list loaded for all its items answer from the item (see preloaded-fields.ts).
    transformSchema: answerPreloadedFields,
    context: ({ req, res }: GraphQLContext): GraphQLContext => ({ req, res }),
  };
}
