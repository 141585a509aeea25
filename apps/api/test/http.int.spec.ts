import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiHarness, useApiHarness } from './api-harness.js';
import { text, upload } from './document-files.js';

/** An answer as it came over the wire: status, headers and the body's bytes, nothing decoded. */
function rawAnswer(
  url: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP surface', () => {
  const api = useApiHarness();

  it('sends security headers and a strict Content-Security-Policy', async () => {
    const res = await api.client().get('/health/live');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers the health endpoints', async () => {
    const live = await api.client().get('/health/live');
    expect(live.status).toBe(200);
    const ready = await api.client().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });

  it('refuses GraphQL requests a browser could send cross-site (CSRF prevention)', async () => {
    const simple = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(simple.status).toBe(400);
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(get.status).toBe(400);
    const preflighted = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });

  it('refuses operations that are too deep or use too many aliases', async () => {
    const client = await api.signedIn(await api.data.user());
    const deep = `{ workingGroups { viewerMembership { user { organisation { id } } } members { nodes { user { organisation { id name website } } } } } }`;
    expect(await client.outcome(deep)).toBe('OK');
    const nested = `query Deep { a: workingGroups { ...G } } fragment G on WorkingGroup { members { nodes { user { organisation { id } } } } }`;
    expect(await client.outcome(nested)).toBe('OK');
    const aliases = `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: networkSettings { signUpMode }`).join(' ')} }`;
    const tooMany = await client.request(aliases);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OPERATION_TOO_COMPLEX' });
    const wide = `{ ${Array.from({ length: 19 }, (_, i) => `a${i}: workingGroups { ${'id slug name purpose joinPolicy memberListVisibility viewerCanManage memberCount '.repeat(3)} }`).join(' ')} }`;
    expect((await client.request(wide)).errors?.[0]?.extensions?.reason).toBe('OPERATION_TOO_COMPLEX');
  });

  it('explains a malformed request without a stack trace', async () => {
    const result = await api.client().request('{ workingGroups { nope } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|at \w+ \(/);
    const wrongType = await api
      .client()
      .request('mutation ($input: SignInInput!) { signIn(input: $input) { id } }', { input: { email: 5 } });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps an idle connection open past Node’s 5 s default, for proxies and browsers to reuse', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<boolean>((resolve, reject) => {
        const req = request(`${api.url}/health/live`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(req.reusedSocket));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await get()).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await get()).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it('answers REST errors as JSON with a code', async () => {
    const res = await api.client().get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('HTTP surface in production', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    // Trusted documents off, so that free-form documents show what production does with them.
    api = await ApiHarness.start({
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      GRAPHQL_TRUSTED_DOCUMENTS: 'false',
    });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('turns introspection off and hides field suggestions', async () => {
    const introspection = await api.client().request('{ __schema { types { name } } }');
    expect(introspection.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const typo = await api.client().request('{ networkSetting { signUpMode } }');
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('sets a Secure __Host- session cookie', async () => {
    const client = await api.signedIn(await api.data.user());
    expect(client.lastSetCookie).toMatch(/^__Host-convene_session=/);
    expect(client.lastSetCookie).toMatch(/Secure/);
  });

  it('does not serve the development mailbox', async () => {
    expect((await api.client().get('/api/dev/mail')).status).toBe(404);
  });
});

describe('readiness while Redis is down', () => {
  const api = useApiHarness({ REDIS_URL: 'redis://127.0.0.1:6399/15' });

  it('answers 503, naming the failing service, and sign-in fails cleanly', async () => {
    const ready = await api.client().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', checks: { postgres: 'up', redis: 'down' } });
    const user = await api.data.user();
    const signIn = await api.client().signIn(user.email);
    expect(signIn.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });
});

describe('GraphQL answers on a slow connection', () => {
  const api = useApiHarness();
  let cookie: string;

  beforeAll(async () => {
    // Enough groups with long purposes that the list is well past the 8 KB threshold.
    const purpose = 'We document stops, checks and data sharing between agencies, and what people can do. '.repeat(6);
    for (let i = 0; i < 30; i++) await api.data.group({ purpose });
    const client = await api.signedIn(await api.data.user());
    cookie = client.cookie ?? '';
  });

  /** A GraphQL POST, answered raw (no decoding on the way), with the given Accept-Encoding. */
  const post = (query: string, acceptEncoding?: string) =>
    rawAnswer(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie,
        ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
      },
      body: JSON.stringify({ query }),
    });
  const large = '{ workingGroups { id slug name purpose joinPolicy memberCount } }';
  const small = '{ me { id email } }';

  it('sends a large answer in Brotli to a client that takes it, the same JSON once decoded', async () => {
    const plain = await post(large);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(8 * 1024);
    const parsed = JSON.parse(plain.body.toString()) as { data: { workingGroups: unknown[] } };
    expect(parsed.data.workingGroups.length).toBeGreaterThanOrEqual(30);

    const br = await post(large, 'gzip, deflate, br, zstd');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.headers['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
    expect(br.headers['content-length']).toBeUndefined();
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(parsed);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
  });

  it('sends gzip where Brotli is not taken', async () => {
    const gzip = await post(large, 'br;q=0, gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const decoded = JSON.parse(gunzipSync(gzip.body).toString()) as { data: { workingGroups: unknown[] } };
    expect(decoded.data.workingGroups.length).toBeGreaterThanOrEqual(30);
  });

  it('sends the answer as it is when the client takes no encoding, or refuses every one', async () => {
    for (const acceptEncoding of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const res = await post(large, acceptEncoding);
      expect([res.status, res.headers['content-encoding']]).toEqual([200, undefined]);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(JSON.parse(res.body.toString())).toHaveProperty('data.workingGroups');
    }
  });

  it('leaves a small answer uncompressed, even for a client that takes Brotli', async () => {
    const res = await post(small, 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.length).toBeLessThan(8 * 1024);
    expect(JSON.parse(res.body.toString())).toHaveProperty('data.me.id');
  });

  it('sends a file download as it was stored, however large and compressible', async () => {
    const user = await api.data.user();
    const group = await api.data.group();
    await api.data.membership(group, user);
    const client = await api.signedIn(user);
    const notes = text('Minutes of the meeting, item by item. '.repeat(1500));
    const uploaded = await upload(api.url, client, `/api/groups/${group.id}/documents`, [
      { name: 'minutes.txt', bytes: notes, type: 'text/plain' },
    ]);
    expect(uploaded.status).toBe(201);
    const res = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const req = request(
        `${api.url}/api/documents/${uploaded.json.document?.id}/content`,
        { headers: { cookie: client.cookie ?? '', 'accept-encoding': 'br, gzip' } },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => resolve({ headers: answer.headers, body: Buffer.concat(chunks) }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(notes)).toBe(true);
  });
});

describe('the web app on a slow connection', () => {
  const script = `export const words = ${JSON.stringify('convene '.repeat(400))};\n`;
  const page = `<!doctype html><div id="root"></div><noscript>${'Convene needs JavaScript. '.repeat(60)}</noscript>`;
  const manifestText = JSON.stringify({ name: 'Convene', description: 'Working groups. '.repeat(80) });
  let webDir: string;
  let api: ApiHarness;

  beforeAll(async () => {
    webDir = await mkdtemp(join(tmpdir(), 'convene-web-'));
    await mkdir(join(webDir, 'assets'));
    await writeFile(join(webDir, 'index.html'), page);
    await writeFile(join(webDir, 'index.html.br'), brotliCompressSync(page));
    // As the build writes them: the script, its Brotli and gzip copies, and its source map.
    await writeFile(join(webDir, 'assets', 'app.js'), script);
    await writeFile(join(webDir, 'assets', 'app.js.br'), brotliCompressSync(script));
    await writeFile(join(webDir, 'assets', 'app.js.gz'), gzipSync(script));
    await writeFile(join(webDir, 'assets', 'app.js.map'), '{"version":3,"sources":["secret/source.ts"]}');
    await writeFile(join(webDir, 'assets', 'plain.css'), 'body { margin: 0; }');
    // The service worker, its map, and a manifest, at the top of the build.
    await writeFile(join(webDir, 'sw.js'), 'self.addEventListener("fetch", () => undefined);');
    await writeFile(join(webDir, 'sw.js.map'), '{"version":3,"sources":["secret/sw.ts"]}');
    await writeFile(join(webDir, 'manifest.webmanifest'), manifestText);
    await writeFile(join(webDir, 'manifest.webmanifest.br'), brotliCompressSync(manifestText));
    api = await ApiHarness.start({ WEB_DIST_DIR: webDir });
  });
  afterAll(async () => {
    await api?.stop();
    await rm(webDir, { recursive: true, force: true });
  });

  /** The raw answer to a GET (no decoding on the way), with the given Accept-Encoding. */
  const raw = (path: string, acceptEncoding?: string) =>
    rawAnswer(`${api.url}${path}`, {
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });

  it('sends the Brotli copy to a browser that takes it, as JavaScript, cached for a year', async () => {
    const res = await raw('/assets/app.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
    expect(res.body.length).toBeLessThan(script.length / 5);
    // A script needs none of a page's headers (nor validators: its name changes with its content),
    // but keeps the ones that protect the file itself.
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['etag']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    // The page itself keeps them all.
    expect((await raw('/groups')).headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('sends gzip where Brotli is not taken (or refused with q=0), and the file itself where neither is', async () => {
    const gzip = await raw('/assets/app.js', 'br;q=0, gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);
    const plain = await raw('/assets/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(plain.body.toString()).toBe(script);
    // A file the build did not compress is sent as it is, whatever the browser takes.
    const css = await raw('/assets/plain.css', 'br, gzip');
    expect([css.status, css.headers['content-encoding'], css.body.toString()]).toEqual([
      200,
      undefined,
      'body { margin: 0; }',
    ]);
  });

  it('never serves a source map', async () => {
    expect((await raw('/assets/app.js.map', 'br, gzip')).status).toBe(404);
    expect((await raw('/assets/app.js.map')).status).toBe(404);
    expect((await raw('/sw.js.map')).status).toBe(404);
  });

  it('has the service worker and the manifest asked for again each time, while other files keep an hour', async () => {
    const worker = await raw('/sw.js');
    expect([worker.status, worker.headers['cache-control']]).toEqual([200, 'no-cache']);
    expect(worker.headers['content-type']).toMatch(/javascript/);
    const manifest = await raw('/manifest.webmanifest');
    expect([manifest.status, manifest.headers['cache-control']]).toEqual([200, 'no-cache']);
    expect(manifest.headers['content-type']).toMatch(/manifest\+json/);
    expect((await raw('/index.html')).headers['cache-control']).toBe('public, max-age=3600');
  });

  it("sends a page's HTML and the manifest compressed too, revalidated as before", async () => {
    const html = await raw('/groups/health-and-social-care', 'gzip, br');
    expect([html.status, html.headers['content-encoding'], html.headers['cache-control']]).toEqual([
      200,
      'br',
      'no-cache',
    ]);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(html.headers['etag']).toBeDefined();
    expect(brotliDecompressSync(html.body).toString()).toBe(page);
    // Without Brotli (no gzip copy here), the page itself.
    const plain = await raw('/groups', 'gzip');
    expect([plain.headers['content-encoding'], plain.body.toString()]).toEqual([undefined, page]);
    const manifest = await raw('/manifest.webmanifest', 'br');
    expect([manifest.headers['content-encoding'], manifest.headers['cache-control']]).toEqual(['br', 'no-cache']);
    expect(manifest.headers['content-type']).toMatch(/manifest\+json/);
    expect(brotliDecompressSync(manifest.body).toString()).toBe(manifestText);
  });
});
