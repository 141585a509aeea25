// Benchmark: streaming a 1 GiB file through the document upload route and back through the
// download route, against a bare node:http server that pipes the request body to a file and a file
// to the response. Prints MB/s both ways, the ratio ours/bare, and the API process's peak resident
// memory growth, for one upload and for ten concurrent 1 GiB uploads. Asserts nothing (it exits 1
// only when a file comes back different, as then the figures mean nothing).
//   node tools/build-server.mjs && node test/bench/documents-transfer.bench.mjs [--size-mib=1024] [--concurrent=10]
// The API, the bare server, PostgreSQL and this client share the machine's cores and disk: the
// figures are for this machine; the ratio between the two servers is the comparable part.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';

const MiB = 1024 * 1024;
const wait = (ms) => new Promise((r) => setTimeout(r, ms));

if (process.argv[2] === '--serve-bare') serveBare(Number(process.argv[3]), process.argv[4]);
else await main();

/** The bare server: POST /upload writes the raw body to a file, GET /download sends it back. */
function serveBare(port, dir) {
  let n = 0;
  const server = createServer((req, res) => {
    if (req.method === 'POST') {
      const path = join(dir, `bare-${n++}`);
      pipeline(req, createWriteStream(path)).then(
        () => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ path })),
        (error) => res.writeHead(500).end(String(error)),
      );
      return;
    }
    const path = new URL(req.url, 'http://x').searchParams.get('path');
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': statSync(path).size });
    pipeline(createReadStream(path), res).catch(() => undefined);
  });
  server.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
}
async function main() {
  const root = join(import.meta.dirname, '../..');
  const option = (name, fallback) =>
    Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const sizeMiB = option('size-mib', 1024);
  const concurrent = option('concurrent', 10);
  const apiPort = 3395;
  const barePort = 3396;
  const redisDb = '11';
  const database = 'convene_bench_documents';
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${database}`;
  const work = mkdtempSync(join(tmpdir(), 'convene-bench-docs-'));
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    DATABASE_URL: databaseUrl,
    REDIS_URL: `redis://127.0.0.1:6379/${redisDb}`,
    REDIS_PREFIX: 'convene-bench-documents',
    SEED_DEMO: 'true',
    DATA_DIR: join(work, 'api-data'),
    STORAGE_DRIVER: 'local',
    DOCUMENT_MAX_BYTES: String(2 * 1024 * MiB),
  };
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  process.on('exit', cleanup);

  spawnSync(
    'psql',
    ['-h', '127.0.0.1', '-U', 'postgres', '-q', '-c', `drop database if exists ${database} with (force)`],
    { stdio: 'ignore' },
  );
  spawnSync('redis-cli', ['-n', redisDb, 'flushdb'], { stdio: 'ignore' });
  for (const task of ['migrate', 'seed']) {
    const run = spawnSync(process.execPath, [join(root, 'tools/db.mjs'), task], { env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`db ${task} failed:\n${run.stderr}`);
  }
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const {
    rows: [target],
  } = await db.query(
    `select m.group_id from memberships m join users u on u.id = m.user_id where u.email = 'member@example.org' and m.status = 'ACTIVE' and m.role <> 'OBSERVER' limit 1`,
  );
  await db.end();

  // A file of random bytes (incompressible), made once and read from the page cache afterwards.
  const source = join(work, 'source.bin');
  // It starts as a PDF does, so that the API's type detection accepts it (the rest is noise).
  const block = randomBytes(MiB);
  const first = Buffer.concat([Buffer.from('%PDF-1.7\n'), block.subarray(9)]);
  const out = createWriteStream(source);
  const hash = createHash('sha256');
  for (let i = 0; i < sizeMiB; i++) {
    const piece = i === 0 ? first : block;
    hash.update(piece);
    if (!out.write(piece)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  const sourceSha = hash.digest('hex');
  const size = sizeMiB * MiB;

  for (const port of [apiPort, barePort]) {
    if (
      await fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      )
    )
      throw new Error(`port ${port} is in use; stop what listens there first`);
  }
  const api = spawn(process.execPath, [join(root, 'dist/server/apps/api/src/main.js')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const bare = spawn(process.execPath, [import.meta.filename, '--serve-bare', String(barePort), work], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.on('exit', () => {
    api.kill('SIGTERM');
    bare.kill('SIGTERM');
  });
  await new Promise((resolve) => bare.stdout.once('data', resolve));
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  for (
    let i = 0;
    i < 100 &&
    !(await fetch(`${apiUrl}/health/ready`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  )
    await wait(200);
  const signIn = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: SignInInput!) { signIn(input: $i) { id } }',
      variables: { i: { email: 'member@example.org', password: env.DEMO_PASSWORD ?? 'convene-demo-pass' } },
    }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed: ${await signIn.text()}`);

  const rssOf = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  /** Runs `work` while sampling the API's resident memory every 10 ms; returns its peak growth. */
  async function withMemory(work) {
    global.gc?.();
    await wait(300);
    const before = rssOf(api.pid);
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, rssOf(api.pid))), 10);
    try {
      const result = await work();
      return { result, before, growth: peak - before };
    } finally {
      clearInterval(timer);
    }
  }

  /** POSTs the source file; multipart for the API, the raw body for the bare server. */
  function post(url, { multipart }) {
    return new Promise((resolve, reject) => {
      const boundary = `----bench${randomBytes(6).toString('hex')}`;
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evidence-bundle.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const length = multipart ? head.length + size + tail.length : size;
      const headers = multipart
        ? {
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': String(length),
            'x-requested-with': 'bench',
            cookie,
          }
        : { 'content-type': 'application/octet-stream', 'content-length': String(length) };
      const req = request(url, { method: 'POST', headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () =>
          res.statusCode === 201 ? resolve(JSON.parse(body)) : reject(new Error(`${res.statusCode} ${body}`)),
        );
      });
      req.on('error', reject);
      (async () => {
        if (multipart) req.write(head);
        for await (const chunk of createReadStream(source, { highWaterMark: MiB }))
          if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
        if (multipart) req.write(tail);
        req.end();
      })().catch(reject);
    });
  }
  /** GETs a URL and counts the bytes (hashing them when asked). */
  function get(url, { headers = {}, verify = false } = {}) {
    return new Promise((resolve, reject) => {
      request(url, { headers }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${url}: ${res.statusCode}`));
        const hash = verify ? createHash('sha256') : null;
        let bytes = 0;
        res.on('data', (c) => {
          bytes += c.length;
          hash?.update(c);
        });
        res.on('end', () => resolve({ bytes, sha: hash?.digest('hex') ?? null }));
      })
        .on('error', reject)
        .end();
    });
  }
  const timed = async (fn) => {
    const started = performance.now();
    const result = await fn();
    return { result, seconds: (performance.now() - started) / 1000 };
  };
  const mbps = (bytes, seconds) => bytes / 1e6 / seconds;
  const show = (label, bytes, seconds, extra = '') =>
    console.log(
      `  ${label.padEnd(34)} ${mbps(bytes, seconds).toFixed(0).padStart(6)} MB/s  (${seconds.toFixed(2)} s)${extra}`,
    );

  console.log(
    `file: ${sizeMiB} MiB of random bytes; API and bare server on this machine, local disk under ${tmpdir()}`,
  );

  // Warm-up: a small upload each, so neither pays its first-request costs in the timed runs.
  await post(`${apiUrl}/api/groups/${target.group_id}/documents`, { multipart: true }).catch(() => undefined);

  console.log('upload (one file)');
  const apiUp = await withMemory(() =>
    timed(() => post(`${apiUrl}/api/groups/${target.group_id}/documents`, { multipart: true })),
  );
  const uploaded = apiUp.result.result;
  if (uploaded.version.sha256 !== sourceSha || uploaded.version.size !== size) {
    console.error(`the API stored different bytes: ${uploaded.version.sha256} ${uploaded.version.size}`);
    process.exit(1);
  }
  show(
    'API (multipart, sha256, storage)',
    size,
    apiUp.result.seconds,
    `   API RSS ${(apiUp.before / MiB).toFixed(0)} MiB, peak growth ${(apiUp.growth / MiB).toFixed(1)} MiB`,
  );
  const bareUp = await timed(() => post(`http://127.0.0.1:${barePort}/upload`, { multipart: false }));
  show('bare node:http (request → file)', size, bareUp.seconds);
  const upRatio = bareUp.seconds / apiUp.result.seconds;

  console.log('download (the same file back)');
  const apiDown = await withMemory(() =>
    timed(() => get(`${apiUrl}/api/documents/${uploaded.document.id}/content`, { headers: { cookie } })),
  );
  show(
    'API (authorized, storage → response)',
    size,
    apiDown.result.seconds,
    `   API RSS peak growth ${(apiDown.growth / MiB).toFixed(1)} MiB`,
  );
  const bareDown = await timed(() =>
    get(`http://127.0.0.1:${barePort}/download?path=${encodeURIComponent(bareUp.result.path)}`),
  );
  show('bare node:http (file → response)', size, bareDown.seconds);
  const downRatio = bareDown.seconds / apiDown.result.seconds;
  const check = await get(`${apiUrl}/api/documents/${uploaded.document.id}/content`, {
    headers: { cookie },
    verify: true,
  });
  if (check.sha !== sourceSha) {
    console.error('the API sent back different bytes');
    process.exit(1);
  }

  console.log(
    `ratio API/bare: upload ${upRatio.toFixed(2)}, download ${downRatio.toFixed(2)}   target ≥ 0.8 both ways: ${upRatio >= 0.8 && downRatio >= 0.8 ? 'met' : 'NOT met'}`,
  );
  rmSync(join(work, 'bare-0'), { force: true });

  console.log(`${concurrent} concurrent uploads of ${sizeMiB} MiB`);
  const many = await withMemory(() =>
    timed(() =>
      Promise.all(
        Array.from({ length: concurrent }, () =>
          post(`${apiUrl}/api/groups/${target.group_id}/documents`, { multipart: true }),
        ),
      ),
    ),
  );
  const wrong = many.result.result.filter((r) => r.version.sha256 !== sourceSha).length;
  show(
    `API, ${concurrent} at once (total)`,
    size * concurrent,
    many.result.seconds,
    `   API RSS peak growth ${(many.growth / MiB).toFixed(1)} MiB`,
  );
  if (wrong) {
    console.error(`${wrong} of the concurrent uploads stored different bytes`);
    process.exit(1);
  }
  const memoryMet = apiUp.growth <= 64 * MiB && many.growth <= 64 * MiB;
  console.log(
    `target RSS growth ≤ 64 MiB for one and for ${concurrent} concurrent uploads: ${memoryMet ? 'met' : 'NOT met'}`,
  );
  process.exit(0);
}
