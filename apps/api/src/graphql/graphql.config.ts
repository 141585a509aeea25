import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { AppConfig } from '@convene/server-core';
import { formatError, formatErrorWithoutSuggestions } from './format-error.js';
import { operationLimitsRule } from './operation-limits.js';
import type { GraphQLContext } from '../http/request-context.js';

/** Apollo Server settings: CSRF prevention on, no stack traces, limits, nothing exposed in production. */
export function graphqlConfig(config: AppConfig): Omit<ApolloDriverConfig, 'driver'> {
  const production = config.env === 'production';
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
    formatError: production ? formatErrorWithoutSuggestions : formatError,
    plugins: [ApolloServerPluginLandingPageDisabled()],
    context: ({ req, res }: GraphQLContext): GraphQLContext => ({ req, res }),
  };
}
