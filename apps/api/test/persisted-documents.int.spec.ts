// Persisted documents against the running API: the web's operations by hash (as the production web
// sends them), and with trusted documents on, nothing else.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_PASSWORD } from '@convene/server-testing';
import { PERSISTED_DOCUMENTS_FILE } from '../src/graphql/persisted-document-manifest.js';
import { ApiHarness, type GqlClient, useApiHarness } from './api-harness.js';

const manifest = JSON.parse(readFileSync(PERSISTED_DOCUMENTS_FILE, 'utf8')) as Record<string, string>;

/** The web's document of an operation, from the manifest the API loads. */
function webDocument(name: string): { hash: string; text: string } {
  const found = Object.entries(manifest).find(([, text]) => new RegExp(`^(query|mutation) ${name}\\b`).test(text));
  if (!found) throw new Error(`the web has no operation ${name}`);
  return { hash: found[0], text: found[1] };
}

/** The body the production web sends: the hash, no text. */
function byHash(name: string, variables: Record<string, unknown> = {}, { withText = false } = {}) {
  const { hash, text } = webDocument(name);
  return {
    operationName: name,
    variables,
    extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    ...(withText ? { query: text } : {}),
  };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const STACK = /stacktrace|\bat [\w$.<>]+ \(|node_modules|\.[cm]?[jt]s:\d+:\d+/;

describe('persisted documents with trusted documents on', () => {
  const api = useApiHarness({ GRAPHQL_TRUSTED_DOCUMENTS: 'true' });

  async function signedIn(): Promise<{ client: GqlClient; email: string }> {
    const user = await api.data.user();
    const client = api.client();
    const signIn = await client.send<{ signIn: { email: string } }>(
      byHash('SignIn', { input: { email: user.email, password: TEST_PASSWORD } }),
    );
    expect(signIn.errors).toBeUndefined();
    expect(signIn.data?.signIn.email).toBe(user.email);
    return { client, email: user.email };
  }

  it('answers the web’s operations by hash alone: a mutation, then queries as the person it signed in', async () => {
    const { client, email } = await signedIn();
    const me = await client.send<{ me: { email: string; locale: string } }>(byHash('Me'));
    expect(me).toMatchObject({ status: 200, data: { me: { email, __typename: 'Viewer' } } });
    expect(me.errors).toBeUndefined();

    const renamed = await client.send(
      byHash('UpdateViewerLocale', { input: { displayName: 'Amal by hash', locale: 'ar', timeZone: 'Europe/London' } }),
    );
    expect(renamed.errors).toBeUndefined();
    expect((await client.send<{ me: { displayName: string; locale: string } }>(byHash('Me'))).data?.me).toMatchObject({
      displayName: 'Amal by hash',
      locale: 'ar',
    });
  });

  it('answers a hash sent with its text (as the web sends it in development)', async () => {
    const { client, email } = await signedIn();
    const me = await client.send<{ me: { email: string } }>(byHash('Me', {}, { withText: true }));
    expect(me.errors).toBeUndefined();
    expect(me.data?.me.email).toBe(email);
  });

  it('answers a hash it does not know with PERSISTED_QUERY_NOT_FOUND, on which the web sends its text', async () => {
    const { client } = await signedIn();
    const unknown = await client.send({
      operationName: 'Me',
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('query Me { me { id } }') } },
    });
    expect(unknown.status).toBe(200);
    expect(unknown.data ?? null).toBeNull();
    expect(unknown.errors).toEqual([
      {
        message: 'PersistedQueryNotFound',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', reason: 'PERSISTED_QUERY_NOT_FOUND' },
      },
    ]);
  });

  it('refuses any other document with DOCUMENT_NOT_ALLOWED and no stack, whatever it asks for and however it is sent', async () => {
    const { client } = await signedIn();
    const others = [
      { query: '{ me { id email } }' },
      // What the web's own text would be without its __typename fields: not the web's document.
      { query: webDocument('Me').text.replaceAll(/\n\s*__typename/g, '') },
      { query: '{ __schema { types { name } } }' },
      { query: '{ me { passwordHash } }' },
      { query: 'mutation { signOut }' },
      { query: 'query Broken {' },
      { query: '{ me { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ me { id } }') } } },
    ];
    for (const body of others) {
      const answer = await client.send(body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors).toEqual([
        {
          message: expect.stringMatching(/^Only the operations of this version of the web app are accepted\./),
          extensions: { code: 'DOCUMENT_NOT_ALLOWED', reason: 'DOCUMENT_NOT_ALLOWED' },
        },
      ]);
      expect(JSON.stringify(answer)).not.toMatch(STACK);
    }
    // The refused sign-out did not run: the session still answers.
    expect((await client.send<{ me: { id: string } | null }>(byHash('Me'))).data?.me).not.toBeNull();
  });

  it('runs the text of a web document sent without its hash, as it is the same document', async () => {
    const { client, email } = await signedIn();
    const me = await client.send<{ me: { email: string } }>({ operationName: 'Me', query: webDocument('Me').text });
    expect(me.errors).toBeUndefined();
    expect(me.data?.me.email).toBe(email);
  });
});

describe('persisted documents with trusted documents off (development, tests)', () => {
  let api: ApiHarness;
  let client: GqlClient;
  let email: string;
  beforeAll(async () => {
    api = await ApiHarness.start();
    const user = await api.data.user();
    email = user.email;
    client = await api.signedIn(user);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('runs free text', async () => {
    expect((await client.request<{ me: { email: string } }>('{ me { email } }')).data?.me.email).toBe(email);
  });

  it('answers the web’s hashes from the manifest, with no round trip for the text', async () => {
    const me = await client.send<{ me: { email: string } }>(byHash('Me'));
    expect(me.errors).toBeUndefined();
    expect(me.data?.me.email).toBe(email);
  });

  it('answers a hash it does not know with PERSISTED_QUERY_NOT_FOUND, and runs it once sent with its text', async () => {
    const text = 'query Mine { me { email } }';
    const hashOnly = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } } };
    expect((await client.send(hashOnly)).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await client.send<{ me: { email: string } }>({ ...hashOnly, query: text })).data?.me.email).toBe(email);
  });
});
