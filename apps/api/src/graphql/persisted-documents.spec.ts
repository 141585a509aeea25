import { afterEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { formatError } from './format-error.js';
import { PersistedDocumentManifest } from './persisted-document-manifest.js';
import { persistedDocuments } from './persisted-documents.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const GREETING = 'query Greeting {\n  greeting\n}';
const RENAME = 'mutation Rename($name: String!) {\n  rename(name: $name)\n}';
const OTHER = 'query Other {\n  greeting\n  __typename\n}';
const manifest = PersistedDocumentManifest.of({ [sha256(GREETING)]: GREETING, [sha256(RENAME)]: RENAME });

interface Answer {
  status: number;
  data?: Record<string, unknown>;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Apollo Server on a small schema with the persisted documents' options, and what it parsed and validated. */
async function startServer(trusted: boolean) {
  const work = { parsed: 0, validated: 0 };
  const counting: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async parsingDidStart() {
          work.parsed += 1;
        },
        async validationDidStart() {
          work.validated += 1;
        },
      };
    },
  };
  const options = persistedDocuments(manifest, { trusted });
  const server = new ApolloServer({
    typeDefs: 'type Query { greeting: String } type Mutation { rename(name: String!): String }',
    resolvers: {
      Query: { greeting: () => 'hello' },
      Mutation: { rename: (_: unknown, { name }: { name: string }) => name },
    },
    includeStacktraceInErrorResponses: false,
    formatError,
    persistedQueries: options.persistedQueries,
    ...(options.documentStore ? { documentStore: options.documentStore } : {}),
    plugins: [...options.plugins, counting],
  });
  await server.start();
  const send = async (body: Record<string, unknown>): Promise<Answer> => {
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body,
      },
      context: async () => ({}),
    });
    if (response.body.kind !== 'complete') throw new Error('expected a single answer');
    return { status: response.status ?? 200, ...(JSON.parse(response.body.string) as Omit<Answer, 'status'>) };
  };
  return { server, work, send };
}

const byHash = (text: string, extra: Record<string, unknown> = {}) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } },
  ...extra,
});

describe(persistedDocuments.name, () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  async function start(trusted: boolean) {
    const started = await startServer(trusted);
    stop = () => started.server.stop();
    return started;
  }

  describe('with trusted documents on', () => {
    it('answers a known hash with its document, parsed and validated once however often it is asked', async () => {
      const { send, work } = await start(true);
      expect(await send(byHash(GREETING))).toEqual({ status: 200, data: { greeting: 'hello' } });
      expect(await send(byHash(GREETING))).toEqual({ status: 200, data: { greeting: 'hello' } });
      expect(work).toEqual({ parsed: 1, validated: 1 });
    });

    it('answers a known hash sent with its text, and a mutation by hash', async () => {
      const { send } = await start(true);
      expect(await send(byHash(GREETING, { query: GREETING }))).toEqual({ status: 200, data: { greeting: 'hello' } });
      expect(await send(byHash(RENAME, { variables: { name: 'Amal' } }))).toEqual({
        status: 200,
        data: { rename: 'Amal' },
      });
    });

    it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, as the protocol has it', async () => {
      const { send } = await start(true);
      const answer = await send(byHash(OTHER));
      expect(answer.status).toBe(200);
      expect(answer.errors).toEqual([
        {
          message: 'PersistedQueryNotFound',
          extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', reason: 'PERSISTED_QUERY_NOT_FOUND' },
        },
      ]);
    });

    it('refuses text that is not in the manifest with DOCUMENT_NOT_ALLOWED, without parsing it, however it is sent', async () => {
      const { send, work } = await start(true);
      for (const body of [
        { query: OTHER },
        byHash(OTHER, { query: OTHER }),
        { query: '{ nope }' },
        { query: 'query Broken {' },
      ]) {
        const answer = await send(body);
        expect(answer.status).toBe(400);
        expect(answer.data).toBeUndefined();
        expect(answer.errors).toEqual([
          {
            message: expect.stringMatching(/^Only the operations of this version of the web app are accepted/),
            extensions: { code: 'DOCUMENT_NOT_ALLOWED', reason: 'DOCUMENT_NOT_ALLOWED' },
          },
        ]);
      }
      expect(work).toEqual({ parsed: 0, validated: 0 });
    });

    it('runs free text that is exactly a document of the manifest', async () => {
      const { send } = await start(true);
      expect(await send({ query: GREETING })).toEqual({ status: 200, data: { greeting: 'hello' } });
    });

    it('refuses a known hash sent with some other text', async () => {
      const { send } = await start(true);
      const answer = await send(byHash(GREETING, { query: OTHER }));
      expect(answer.status).toBe(400);
      expect(answer.data).toBeUndefined();
      expect(answer.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_INVALID' });
    });
  });

  describe('with trusted documents off', () => {
    it('runs free text and answers the manifest’s hashes', async () => {
      const { send } = await start(false);
      expect(await send({ query: OTHER })).toEqual({ status: 200, data: { greeting: 'hello', __typename: 'Query' } });
      expect(await send(byHash(RENAME, { variables: { name: 'Amal' } }))).toEqual({
        status: 200,
        data: { rename: 'Amal' },
      });
    });

    it('runs an unknown document sent with its hash but does not remember it', async () => {
      const { send } = await start(false);
      expect(await send(byHash(OTHER, { query: OTHER }))).toEqual({
        status: 200,
        data: { greeting: 'hello', __typename: 'Query' },
      });
      expect((await send(byHash(OTHER))).errors?.[0]?.extensions?.['code']).toBe('PERSISTED_QUERY_NOT_FOUND');
    });
  });
});
