import { describe, expect, it } from '@jest/globals';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@convene/shared-contracts';
import { DomainError } from '@convene/server-core';
import { compiledQueries } from './compiled-queries.js';
import { formatError } from './format-error.js';

const typeDefs = `
  type Query { meetings(first: Int!): [Meeting!]! meeting(id: ID!): Meeting }
  type Mutation { rename(id: ID!, title: String!): Meeting }
  type Meeting { id: ID! title: String! tags: [String!]! host: Person }
  type Person { id: ID! name: String! }
`;

const meetings = Array.from({ length: 30 }, (_, i) => ({
  id: `m${i}`,
  title: `Meeting ${i}`,
  tags: i % 2 ? ['legal'] : [],
  host: i % 3 ? { id: `p${i}`, name: `Person ${i}` } : null,
}));

const resolvers = {
  Query: {
    meetings: (_: unknown, { first }: { first: number }) => meetings.slice(0, first),
    meeting: (_: unknown, { id }: { id: string }) => {
      const meeting = meetings.find((m) => m.id === id);
      if (!meeting)
        throw new DomainError(
          ErrorCode.NotFound,
          'MEETING_NOT_FOUND',
          'This meeting does not exist or you cannot see it.',
        );
      return meeting;
    },
  },
  Mutation: {
    rename: (_: unknown, { id, title }: { id: string; title: string }) => ({
      ...meetings.find((m) => m.id === id),
      title,
    }),
  },
  Meeting: {
    // An error below the top: the field is nulled and the rest of the answer stays.
    host: (meeting: (typeof meetings)[number]) => {
      if (meeting.id === 'm7') throw new Error('connection reset');
      return meeting.host;
    },
  },
};

interface Answer {
  status: number;
  data?: unknown;
  errors?: { message: string; path?: unknown; extensions?: Record<string, unknown> }[];
}

/** Apollo Server on a small schema, with or without compiled queries, counting graphql-js executions. */
async function startServer(compiled: boolean) {
  const work = { executedByGraphqlJs: 0 };
  const counting: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async executionDidStart() {
          work.executedByGraphqlJs += 1;
        },
      };
    },
  };
  const server = new ApolloServer({
    typeDefs,
    resolvers,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [counting, ...(compiled ? [compiledQueries(formatError)] : [])],
  });
  await server.start();
  const send = async (query: string, variables?: Record<string, unknown>): Promise<Answer> => {
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: variables ? { query, variables } : { query },
      },
      context: async () => ({}),
    });
    if (response.body.kind !== 'complete') throw new Error('expected a single answer');
    return { status: response.status ?? 200, ...(JSON.parse(response.body.string) as Omit<Answer, 'status'>) };
  };
  return { server, work, send };
}

/** The answer with compiled queries, the answer graphql-js gives alone, and whether graphql-js ran. */
async function bothWays(query: string, variables?: Record<string, unknown>) {
  const compiled = await startServer(true);
  const plain = await startServer(false);
  try {
    return {
      compiled: await compiled.send(query, variables),
      plain: await plain.send(query, variables),
      graphqlJsRan: compiled.work.executedByGraphqlJs > 0,
    };
  } finally {
    await compiled.server.stop();
    await plain.server.stop();
  }
}

describe(compiledQueries.name, () => {
  it('answers a query from its compiled form with the same data as graphql-js', async () => {
    const { compiled, plain, graphqlJsRan } = await bothWays(
      'query List($first: Int!) { meetings(first: $first) { id title tags host { id name } } }',
      { first: 6 },
    );
    expect(graphqlJsRan).toBe(false);
    expect(compiled).toEqual(plain);
    expect(compiled.data).toEqual({ meetings: meetings.slice(0, 6) });
  });

  it('shapes a resolver’s domain error with the code, reason and path formatError gives it', async () => {
    const { compiled, plain, graphqlJsRan } = await bothWays('query One($id: ID!) { meeting(id: $id) { id } }', {
      id: 'nope',
    });
    expect(graphqlJsRan).toBe(false);
    expect(compiled).toEqual(plain);
    expect(compiled.errors).toEqual([
      {
        message: 'This meeting does not exist or you cannot see it.',
        path: ['meeting'],
        extensions: { code: ErrorCode.NotFound, reason: 'MEETING_NOT_FOUND' },
      },
    ]);
  });

  it('hides an unexpected error below the top as graphql-js does, nulling only that field', async () => {
    const { compiled, plain, graphqlJsRan } = await bothWays('{ meetings(first: 8) { id host { name } } }');
    expect(graphqlJsRan).toBe(false);
    expect(compiled).toEqual(plain);
    expect(compiled.errors?.map((e) => [e.extensions?.['code'], e.path, e.message])).toEqual([
      [ErrorCode.Internal, ['meetings', 7, 'host'], 'Something went wrong on our side. Please try again.'],
    ]);
    expect((compiled.data as { meetings: unknown[] }).meetings).toHaveLength(8);
  });

  it('leaves variables that do not fit to graphql-js, which refuses them with BAD_USER_INPUT and 400', async () => {
    const { compiled, plain, graphqlJsRan } = await bothWays(
      'query List($first: Int!) { meetings(first: $first) { id } }',
      { first: 'many' },
    );
    expect(graphqlJsRan).toBe(true);
    expect(compiled).toEqual(plain);
    expect(compiled.status).toBe(400);
    expect(compiled.errors?.[0]?.extensions?.['code']).toBe(ErrorCode.BadUserInput);
  });

  it('leaves mutations and introspection to graphql-js', async () => {
    const mutation = await bothWays('mutation { rename(id: "m1", title: "Renamed") { id title } }');
    expect(mutation.graphqlJsRan).toBe(true);
    expect(mutation.compiled).toEqual({ status: 200, data: { rename: { id: 'm1', title: 'Renamed' } } });
    const introspection = await bothWays('{ __schema { queryType { name } } }');
    expect(introspection.graphqlJsRan).toBe(true);
    expect(introspection.compiled).toEqual(introspection.plain);
  });
});
