// Hostile requests against the running API: GraphQL abuse (aliases, depth, batches, huge documents,
// schema probing), the classic cross-site request shapes (each refused and without effect), and the
// security headers and cookie flags that every kind of response must carry.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { io } from 'socket.io-client';
import { ApiHarness, type GqlClient, useApiHarness } from './api-harness.js';
import { pdf, upload } from './document-files.js';
import { dataOf, groupPersonas } from './group-personas.js';

/**
 * Production with trusted documents off, as an operator may run it: free-form documents are what
 * these protections are for (with them on, each of these documents is refused before it is even
 * parsed: persisted-documents.int.spec.ts).
 */
const PRODUCTION = { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525', GRAPHQL_TRUSTED_DOCUMENTS: 'false' };
/** What a leaked stack trace looks like in a body: Apollo's field, a V8 frame, a source path. */
const STACK = /stacktrace|\bat [\w$.<>]+ \(|node_modules|\.[cm]?[jt]s:\d+:\d+/;
const ME = `{ me { id displayName } }`;
/** A mutation with a visible effect: a cross-site request that got through would rename its victim. */
const RENAME = `mutation Rename { updateProfile(input: { displayName: "Renamed by evil.example", locale: "en", timeZone: "Europe/London" }) { displayName } }`;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: {
    errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
    error?: { code?: string; reason?: string; message?: string };
    data?: unknown;
  } | null;
}

/** A request with exactly the headers and body given (no JSON content type, no app header added). */
async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The first error's code, whichever shape (GraphQL `errors`, REST `error`) the answer has. */
const codeIn = (answer: Answer) => answer.json?.errors?.[0]?.extensions?.code ?? answer.json?.error?.code;

const FROM = '2026-01-01T00:00:00Z';
const TO = '2026-02-01T00:00:00Z';

/**
 * A legal selection `depth` levels deep: WorkingGroup.meetings and Meeting.group make a cycle in
 * the schema, so the only thing wrong with it is its depth.
 */
function deepSelection(depth: number): string {
  let selection = 'id';
  for (let level = depth - 1; level >= 1; level--) {
    const field = level === 1 ? 'workingGroups' : level % 2 === 0 ? `meetings(from: "${FROM}", to: "${TO}")` : 'group';
    selection = `${field} { ${selection} }`;
  }
  return `{ ${selection} }`;
}

/** The same depth reached through a chain of fragments, each one level (the limit expands them). */
function deepFragments(depth: number): string {
  const fragments: string[] = [];
  for (let level = 2; level < depth; level++) {
    const [type, field] =
      level % 2 === 0 ? ['WorkingGroup', `meetings(from: "${FROM}", to: "${TO}")`] : ['Meeting', 'group'];
    fragments.push(`fragment F${level} on ${type} { ${field} { ${level + 1 < depth ? `...F${level + 1}` : 'id'} } }`);
  }
  return `query Deep { workingGroups { ...F2 } } ${fragments.join(' ')}`;
}

describe('hostile GraphQL and cross-site requests', () => {
  const api = useApiHarness({ WEB_DIST_DIR: '' });

  const graphql = (body: string, headers: Record<string, string> = {}) =>
    send(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  /** The person's display name as the API now has it. */
  const displayName = async (client: GqlClient) =>
    dataOf(await client.request<{ me: { displayName: string } }>(ME)).me.displayName;

  /** A refusal: the status, a stable code, nothing run, and no stack trace in the body. */
  function expectRefused(answer: Answer, status: number, code = 'BAD_USER_INPUT') {
    expect(answer.status).toBe(status);
    expect(codeIn(answer)).toBe(code);
    expect(answer.json?.data ?? null).toBeNull();
    expect(answer.text).not.toMatch(STACK);
  }

  describe('GraphQL abuse', () => {
    it.each([
      [
        'signIn',
        `mutation { signIn(input: { email: "a\\u0000@example.org", password: "whatever it is" }) { id } }`,
        'BAD_USER_INPUT',
      ],
      ['workingGroup', `{ workingGroup(slug: "a\\u0000b") { id } }`, 'BAD_USER_INPUT'],
      [
        'signUp',
        `mutation { signUp(input: { email: "nul@example.org", password: "a long phrase here", displayName: "Nul\\u0000" }) { id } }`,
        'BAD_USER_INPUT',
      ],
    ])('answers a NUL character in %s with a clear error, not a database failure', async (_name, query, code) => {
      const client = await api.signedIn(await api.data.user());
      const result = await client.request(query);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
    });

    it('refuses an operation with 100 aliases before running it', async () => {
      const client = await api.signedIn(await api.data.user());
      const aliased = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: networkSettings { signUpMode }`).join(' ')} }`;
      const answer = await graphql(JSON.stringify({ query: aliased }), { cookie: client.cookie! });
      expectRefused(answer, 400);
      expect(answer.json?.errors?.[0]?.extensions?.reason).toBe('OPERATION_TOO_COMPLEX');
    });

    it('answers a legal selection 10 levels deep (the limit), so the deeper probes below are refused for depth alone', async () => {
      const client = await api.signedIn(await api.data.user());
      for (const query of [deepSelection(10), deepFragments(10)])
        expect(await client.request(query)).toMatchObject({ status: 200, data: { workingGroups: expect.any(Array) } });
    });

    it.each([
      ['nested fields', deepSelection(20)],
      ['a chain of fragments', deepFragments(20)],
    ])('refuses a selection 20 levels deep through %s, with that one error', async (_how, query) => {
      const client = await api.signedIn(await api.data.user());
      const answer = await graphql(JSON.stringify({ query }), { cookie: client.cookie! });
      expectRefused(answer, 400);
      // The only error is the depth: the selection is otherwise valid.
      expect(answer.json?.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/too deep \(20 levels/),
          extensions: { code: 'BAD_USER_INPUT', reason: 'OPERATION_TOO_COMPLEX' },
        }),
      ]);
    });

    it('refuses a batch (a JSON array of operations) and runs none of its operations', async () => {
      const client = await api.signedIn(await api.data.user({ displayName: 'Bea Batch' }));
      const answer = await graphql(JSON.stringify([{ query: RENAME }, { query: ME }]), { cookie: client.cookie! });
      expectRefused(answer, 400);
      expect(answer.json?.errors?.[0]?.message).toMatch(/batching disabled/i);
      expect(await displayName(client)).toBe('Bea Batch');
    });

    it('refuses a 2 MB query document in the body with a JSON 413, and keeps serving', async () => {
      const client = await api.signedIn(await api.data.user({ displayName: 'Hugo Huge' }));
      const huge = `${RENAME} # ${'x'.repeat(2 * 1024 * 1024)}`;
      const answer = await graphql(JSON.stringify({ query: huge }), { cookie: client.cookie! });
      expectRefused(answer, 413);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await displayName(client)).toBe('Hugo Huge');
      expect((await api.client().get('/health/live')).status).toBe(200);
    });

    it('refuses a 2 MB query in the URL with a JSON 431 (Node’s header limit), and keeps serving', async () => {
      const huge = `{ me { id } } # ${'x'.repeat(2 * 1024 * 1024)}`;
      const answer = await send(`${api.url}/graphql?query=${encodeURIComponent(huge)}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expectRefused(answer, 431);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect((await api.client().get('/health/live')).status).toBe(200);
    });

    it('refuses malformed JSON with a JSON 400 and no stack trace', async () => {
      expectRefused(await graphql('{"query": "{ me { id } }"'), 400);
    });
  });

  describe('cross-site requests to /graphql, sent with the victim’s session cookie', () => {
    const url = (path: string) => `${api.url}${path}`;
    const inUrl = `/graphql?query=${encodeURIComponent(RENAME)}`;
    const multipart = () => {
      const form = new FormData();
      form.set('operations', JSON.stringify({ query: RENAME }));
      form.set('map', '{}');
      return form;
    };
    // What a page on another site can make a browser send without a CORS preflight, and the
    // preflighted GET whose mutation must still not run.
    const variants: [string, (cookie: string) => Promise<Answer>, number, RegExp][] = [
      [
        '(a) POST application/x-www-form-urlencoded',
        (cookie) =>
          send(url('/graphql'), {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: `query=${encodeURIComponent(RENAME)}`,
          }),
        400,
        /Cross-Site Request Forgery/,
      ],
      [
        '(b) POST text/plain',
        (cookie) =>
          send(url('/graphql'), {
            method: 'POST',
            headers: { cookie, 'content-type': 'text/plain' },
            body: JSON.stringify({ query: RENAME }),
          }),
        400,
        /Cross-Site Request Forgery/,
      ],
      [
        '(c) POST multipart/form-data',
        (cookie) => send(url('/graphql'), { method: 'POST', headers: { cookie }, body: multipart() }),
        400,
        /Cross-Site Request Forgery/,
      ],
      [
        '(d) POST with no content type',
        (cookie) =>
          send(url('/graphql'), {
            method: 'POST',
            headers: { cookie },
            body: new Uint8Array(Buffer.from(JSON.stringify({ query: RENAME }))),
          }),
        400,
        /Cross-Site Request Forgery/,
      ],
      [
        '(e) GET with the mutation in the URL, no preflight header',
        (cookie) => send(url(inUrl), { headers: { cookie } }),
        400,
        /Cross-Site Request Forgery/,
      ],
      [
        '(f) GET with apollo-require-preflight, carrying a mutation',
        (cookie) => send(url(inUrl), { headers: { cookie, 'apollo-require-preflight': 'true' } }),
        405,
        /GET requests only support query operations/,
      ],
      [
        '(f) GET with x-apollo-operation-name, carrying a mutation',
        (cookie) => send(url(inUrl), { headers: { cookie, 'x-apollo-operation-name': 'Rename' } }),
        405,
        /GET requests only support query operations/,
      ],
    ];

    it.each(variants)('%s is refused and renames no one', async (_variant, attack, status, message) => {
      const client = await api.signedIn(await api.data.user({ displayName: 'Vic Victim' }));
      const answer = await attack(client.cookie!);
      expectRefused(answer, status);
      expect(answer.json?.errors?.[0]?.message).toMatch(message);
      expect(await displayName(client)).toBe('Vic Victim');
    });

    it('the same mutation sent as the app sends it does rename (the probes above would show an effect)', async () => {
      const client = await api.signedIn(await api.data.user({ displayName: 'Vic Victim' }));
      expect(dataOf(await client.request(RENAME))).toEqual({
        updateProfile: { displayName: 'Renamed by evil.example' },
      });
      expect(await displayName(client)).toBe('Renamed by evil.example');
    });
  });

  describe('cross-site socket.io handshakes', () => {
    const handshake = (headers: Record<string, string>) =>
      send(`${api.url}/socket.io/?EIO=4&transport=polling`, { headers });
    /** A websocket handshake as a browser on `origin` would make it, with the person's cookie. */
    async function websocket(origin: string, cookie: string): Promise<'connected' | 'refused'> {
      const socket = io(api.url, {
        path: '/socket.io',
        transports: ['websocket'],
        extraHeaders: { origin, cookie },
        reconnection: false,
      });
      try {
        return await new Promise((resolve) => {
          socket.once('connect', () => resolve('connected'));
          socket.once('connect_error', () => resolve('refused'));
        });
      } finally {
        socket.disconnect();
      }
    }

    it.each(['https://evil.example', 'null', 'http://127.0.0.1.evil.example'])(
      'refuses a handshake from Origin %s, even with a valid session',
      async (origin) => {
        const client = await api.signedIn(await api.data.user());
        const polling = await handshake({ origin, cookie: client.cookie! });
        expect(polling.status).toBe(403);
        expect(polling.text).not.toContain('"sid"');
        expect(await websocket(origin, client.cookie!)).toBe('refused');
      },
    );

    it('accepts the same handshakes from our own origin (the refusals above are about the origin)', async () => {
      const client = await api.signedIn(await api.data.user());
      const polling = await handshake({ origin: api.url, cookie: client.cookie! });
      expect(polling.status).toBe(200);
      expect(polling.text).toContain('"sid"');
      expect(await websocket(api.url, client.cookie!)).toBe('connected');
    });
  });

  describe('cross-site uploads', () => {
    /** A browser's plain form post from another site: multipart, the cookie, no X-Requested-With. */
    async function crossSiteForm(path: string, cookie: string | null): Promise<Answer> {
      const form = new FormData();
      form.set(
        'file',
        new Blob([new Uint8Array(pdf('Planted by evil.example'))], { type: 'application/pdf' }),
        'planted.pdf',
      );
      return send(`${api.url}${path}`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', ...(cookie ? { cookie } : {}) },
        body: form,
      });
    }
    const count = async (sql: string, params: unknown[]) =>
      (await api.orm.em.fork().getConnection().execute<{ n: number }[]>(sql, params))[0]!.n;

    it('refuses a form posted to the document upload routes, storing nothing', async () => {
      const w = await groupPersonas(api);
      const member = await w.as('member');
      const shared = await upload(api.url, member, `/api/groups/${w.group.id}/documents`, [
        { name: 'agenda.pdf', bytes: pdf() },
      ]);
      expect(shared.status).toBe(201);
      for (const path of [
        `/api/groups/${w.group.id}/documents`,
        `/api/documents/${shared.json.document!.id}/versions`,
      ]) {
        const answer = await crossSiteForm(path, member.cookie);
        expectRefused(answer, 403, 'FORBIDDEN');
        expect(answer.json?.error?.reason).toBe('UPLOAD_HEADER_MISSING');
      }
      expect(await count('select count(*)::int as n from documents where group_id = ?', [w.group.id])).toBe(1);
      expect(
        await count('select count(*)::int as n from document_versions where document_id = ?', [
          shared.json.document!.id,
        ]),
      ).toBe(1);
    });

    it('refuses a form posted to the public pitch attachment route, storing nothing', async () => {
      const before = await count('select count(*)::int as n from pitch_attachments', []);
      const answer = await crossSiteForm('/api/pitch-attachments', null);
      expectRefused(answer, 403, 'FORBIDDEN');
      expect(answer.json?.error?.reason).toBe('UPLOAD_HEADER_MISSING');
      expect(await count('select count(*)::int as n from pitch_attachments', [])).toBe(before);
    });
  });
});

describe('schema probing in production', () => {
  const api = useApiHarness({ ...PRODUCTION, WEB_DIST_DIR: '' });

  // Each probe names something close to a real field, argument, type or value; graphql-js would
  // answer "Did you mean …?" with the real name. Some are caught by validation, the variable ones
  // only when the variables are read.
  it.each([
    ['a misspelt field', '{ networkSetting { signUpMode } }', {}, 'networkSetting'],
    ['a misspelt argument', '{ workingGroup(slugg: "x") { id } }', {}, 'slugg'],
    ['a misspelt type in a fragment', '{ me { ... on Viewr { id } } }', {}, 'Viewr'],
    ['a misspelt enum literal', '{ workingGroups { documents(sort: UPDATD) { nodes { id } } } }', {}, 'UPDATD'],
    [
      'a misspelt input field in a variable',
      'mutation ($input: SignInInput!) { signIn(input: $input) { id } }',
      { input: { emial: 'a@example.org', password: 'x' } },
      'emial',
    ],
    [
      'a misspelt enum value in a variable',
      'query ($sort: DocumentSort) { workingGroups { documents(sort: $sort) { nodes { id } } } }',
      { sort: 'UPDATD' },
      'UPDATD',
    ],
  ])('hides suggestions for %s', async (_probe, query, variables, typo) => {
    const result = await api.client().request(query, variables);
    expect(result.status).toBe(400);
    expect(result.errors?.length).toBeGreaterThan(0);
    // The error is about the probe…
    expect(result.errors!.map((e) => e.message).join(' ')).toContain(typo);
    // …and tells nothing more about the schema.
    for (const error of result.errors!) {
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).not.toMatch(/did you mean/i);
    }
    expect(JSON.stringify(result)).not.toMatch(STACK);
  });

  it.each([
    ['__schema', '{ __schema { types { name } } }'],
    ['__type', '{ __type(name: "Viewer") { fields { name } } }'],
    ['__schema inside a fragment', 'query { ...Probe } fragment Probe on Query { __schema { queryType { name } } }'],
  ])('refuses introspection through %s', async (_how, query) => {
    const result = await api.client().request(query);
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/introspection is not allowed/);
  });
});

describe.each([
  ['development (test)', { NODE_ENV: 'test', SMTP_URL: '' }],
  ['production', PRODUCTION],
])('security headers and cookie flags in %s', (_mode, env) => {
  const production = env.NODE_ENV === 'production';
  let api: ApiHarness;
  let webDir: string;
  let member: GqlClient;
  let documentId: string;

  beforeAll(async () => {
    // A stand-in for the built web app, so that pages and assets are served as in production.
    webDir = await mkdtemp(join(tmpdir(), 'convene-web-'));
    await mkdir(join(webDir, 'assets'));
    await writeFile(
      join(webDir, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>',
    );
    await writeFile(join(webDir, 'assets', 'app.js'), 'export {};');
    await writeFile(join(webDir, 'assets', 'app.css'), 'body { margin: 0; }');
    await writeFile(join(webDir, 'assets', 'pdf.worker.min-abc.mjs'), 'self.onmessage = () => undefined;');
    api = await ApiHarness.start({ ...env, WEB_DIST_DIR: webDir });
    const w = await groupPersonas(api);
    member = await w.as('member');
    const shared = await upload(api.url, member, `/api/groups/${w.group.id}/documents`, [
      { name: 'minutes.pdf', bytes: pdf() },
    ]);
    documentId = shared.json.document!.id;
  });
  afterAll(async () => {
    await api.stop();
    await rm(webDir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    send(`${api.url}${path}`, { headers: { cookie: member.cookie!, ...headers } });
  const post = (contentType: string, body: string) =>
    send(`${api.url}/graphql`, {
      method: 'POST',
      headers: { cookie: member.cookie!, 'content-type': contentType },
      body,
    });

  // [kind, request, status, content type, the policy's default-src]. A file is served under a
  // stricter policy of its own ('none'), never a looser one.
  const kinds: [string, () => Promise<Answer>, number, RegExp, string][] = [
    ['the web app’s page', () => get('/'), 200, /^text\/html/, "'self'"],
    ['a client-side route of the web app', () => get('/groups/some-group/documents'), 200, /^text\/html/, "'self'"],
    // A worker runs under its own script's policy: it keeps every header.
    ['a web worker’s script', () => get('/assets/pdf.worker.min-abc.mjs'), 200, /javascript/, "'self'"],
    [
      'a GraphQL answer',
      () => post('application/json', JSON.stringify({ query: ME })),
      200,
      /^application\/(graphql-response\+)?json/,
      "'self'",
    ],
    ['a GraphQL refusal', () => post('text/plain', JSON.stringify({ query: ME })), 400, /^application\/json/, "'self'"],
    [
      'a body over the size limit',
      () => post('application/json', JSON.stringify({ query: 'x'.repeat(200 * 1024) })),
      413,
      /^application\/json/,
      "'self'",
    ],
    ['a file download', () => get(`/api/documents/${documentId}/content`), 200, /^application\/pdf/, "'none'"],
    [
      'a file shown inline',
      () => get(`/api/documents/${documentId}/content?disposition=inline`),
      200,
      /^application\/pdf/,
      "'none'",
    ],
    [
      'a REST error for a missing file',
      () => get(`/api/documents/${randomUUID()}/content`),
      404,
      /^application\/json/,
      "'self'",
    ],
    ['a REST error for a missing route', () => get('/api/nothing-here'), 404, /^application\/json/, "'self'"],
    ['the liveness check', () => get('/health/live'), 200, /^application\/json/, "'self'"],
    ['the readiness check', () => get('/health/ready'), 200, /^application\/json/, "'self'"],
  ];

  it.each(kinds)('%s carries the security headers', async (_kind, request, status, contentType, defaultSrc) => {
    const answer = await request();
    expect([answer.status, answer.headers.get('content-type')]).toEqual([status, expect.stringMatching(contentType)]);
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(new RegExp(`default-src ${defaultSrc}`));
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('referrer-policy')).toBe('same-origin');
    expect(answer.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(answer.headers.get('x-powered-by')).toBeNull();
    // HSTS only where the hub is served over HTTPS: on a developer's http://localhost it would
    // make the browser refuse plain HTTP for every local project.
    if (production)
      expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=31536000; includeSubDomains/);
    else expect(answer.headers.get('strict-transport-security')).toBeNull();
  });

  it.each([
    ['a web app script', '/assets/app.js', /javascript/],
    ['a web app stylesheet', '/assets/app.css', /^text\/css/],
  ])('%s keeps the headers that protect the file, without those only a page reads', async (_kind, path, type) => {
    const answer = await get(path);
    expect([answer.status, answer.headers.get('content-type')]).toEqual([200, expect.stringMatching(type)]);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(answer.headers.get('x-powered-by')).toBeNull();
    if (production)
      expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=31536000; includeSubDomains/);
    for (const name of ['content-security-policy', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy'])
      expect([name, answer.headers.get(name)]).toEqual([name, null]);
  });

  /** The Set-Cookie header's name, value and attributes (lower-cased names). */
  function parseSetCookie(header: string | null) {
    const [pair, ...attributes] = (header ?? '').split(';').map((part) => part.trim());
    const [name, value] = pair!.split('=');
    return {
      name,
      value,
      attributes: new Map(attributes.map((a) => [a.split('=')[0]!.toLowerCase(), a.split('=')[1] ?? ''])),
    };
  }
  const cookieName = production ? '__Host-convene_session' : 'convene_session';

  it('sets the session cookie at sign-in HttpOnly, SameSite=Lax, Path=/, no Domain (Secure with the __Host- prefix in production)', async () => {
    const client = await api.signedIn(await api.data.user());
    const cookie = parseSetCookie(client.lastSetCookie);
    expect(cookie.name).toBe(cookieName);
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(cookie.attributes.has('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')).toMatch(/^(Lax|Strict)$/);
    expect(cookie.attributes.get('path')).toBe('/');
    expect(cookie.attributes.has('domain')).toBe(false);
    expect(cookie.attributes.has('secure')).toBe(production);
  });

  it('clears the session cookie at sign-out (same name, path and flags), and the old cookie no longer signs in', async () => {
    const client = await api.signedIn(await api.data.user());
    const signedInCookie = client.cookie!;
    expect(dataOf(await client.request<{ signOut: boolean }>('mutation { signOut }')).signOut).toBe(true);
    const cleared = parseSetCookie(client.lastSetCookie);
    expect(cleared).toMatchObject({ name: cookieName, value: '' });
    expect(new Date(cleared.attributes.get('expires') ?? '').getTime()).toBeLessThanOrEqual(Date.now());
    expect(cleared.attributes.get('path')).toBe('/');
    expect(cleared.attributes.has('secure')).toBe(production);
    const replay = await send(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: signedInCookie },
      body: JSON.stringify({ query: ME }),
    });
    expect(replay.json?.data).toEqual({ me: null });
  });
});
