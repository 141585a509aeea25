import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import * as generated from '../generated/graphql';
/** The manifest codegen wrote for the API: sha256 hash → document text. */
import manifestFile from '../generated/persisted-documents.json' with { type: 'json' };
import { createApolloClient } from './apollo-client';

const manifest: Record<string, string> = manifestFile;

const operations = Object.entries(generated as Record<string, unknown>).flatMap(([name, value]) => {
  const document = value as DocumentNode;
  const operation = name.endsWith('Document')
    ? document.definitions?.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    : undefined;
  return operation?.name ? [{ name: operation.name.value, kind: operation.operation, document }] : [];
});

interface SentBody {
  operationName: string;
  query?: string;
  extensions?: { persistedQuery?: { version: number; sha256Hash: string } };
}

/** The persisted document's hash a request carries; fails the test when there is none. */
function hashOf(body: SentBody): string {
  const hash = body.extensions?.persistedQuery?.sha256Hash;
  if (!hash) throw new Error(`${body.operationName} was sent without a persisted document hash`);
  return hash;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe(createApolloClient.name, () => {
  let sent: SentBody[];
  let answer: (body: SentBody) => unknown;

  beforeEach(() => {
    sent = [];
    answer = () => ({ data: {} });
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
      const body = JSON.parse(String(init?.body)) as SentBody;
      sent.push(body);
      return new Response(JSON.stringify(answer(body)), { headers: { 'content-type': 'application/json' } });
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  /** Sends every operation of the web once, as the web does (nothing read from or written to the cache). */
  async function sendEvery(client: ReturnType<typeof createApolloClient>): Promise<Map<string, SentBody>> {
    for (const { kind, document } of operations) {
      const request =
        kind === 'mutation'
          ? client.mutate({ mutation: document, variables: {}, fetchPolicy: 'no-cache' })
          : client.query({ query: document, variables: {}, fetchPolicy: 'no-cache' });
      await request.catch(() => undefined);
    }
    return new Map(sent.map((body) => [body.operationName, body]));
  }

  it('finds the web operations to check (the check itself is not empty)', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.map((o) => o.name)).toEqual(expect.arrayContaining(['Me', 'SignIn', 'CreateThread']));
  });

  it('sends every operation as the hash of a document in the manifest, without its text', async () => {
    const bodies = await sendEvery(createApolloClient());
    expect(bodies.size).toBe(operations.length);
    for (const body of bodies.values()) {
      expect(body.query).toBeUndefined();
      expect(body.extensions?.persistedQuery?.version).toBe(1);
      expect(manifest[hashOf(body)]).toBeDefined();
    }
    // One document per operation and nothing else: the API runs no more than the web sends.
    expect(new Set([...bodies.values()].map(hashOf))).toEqual(new Set(Object.keys(manifest)));
  });

  it('sends with the text exactly the document the manifest holds, whose sha256 is the hash (development)', async () => {
    const bodies = await sendEvery(createApolloClient({ sendDocumentText: true }));
    expect(bodies.size).toBe(operations.length);
    for (const body of bodies.values()) {
      const hash = hashOf(body);
      expect(typeof body.query).toBe('string');
      expect(await sha256(body.query ?? '')).toBe(hash);
      expect(manifest[hash]).toBe(body.query);
    }
  });

  it('asks again with the text when the API does not know the hash, and reports what it answers then', async () => {
    answer = (body) =>
      body.query
        ? {
            errors: [
              {
                message: 'Only the operations of this version of the web app are accepted.',
                extensions: { code: 'DOCUMENT_NOT_ALLOWED' },
              },
            ],
          }
        : { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };
    const result = createApolloClient().query({ query: generated.MeDocument, fetchPolicy: 'no-cache' });
    await expect(result).rejects.toMatchObject({ errors: [{ extensions: { code: 'DOCUMENT_NOT_ALLOWED' } }] });
    expect(sent.map((b) => [b.operationName, b.query !== undefined])).toEqual([
      ['Me', false],
      ['Me', true],
    ]);
  });

  it('refuses a document that codegen did not make, which the API would not know', async () => {
    const handWritten = parse('query Handmade { me { id } }');
    await expect(createApolloClient().query({ query: handWritten, fetchPolicy: 'no-cache' })).rejects.toThrow(
      /Handmade is not a generated document/,
    );
    expect(sent).toEqual([]);
  });
});
