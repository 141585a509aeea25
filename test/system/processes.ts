// Real processes for system tests: API instances and workers from the build, and a private
// redis-server and PostgreSQL that a test may stop and start without touching anyone else's.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from '../support/free-port.js';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '../..');
/**
 * Where the build (dist/server) and tools/db.mjs are taken from: this checkout, or another one
 * named by CONVENE_BUILD_ROOT (e.g. a snapshot built apart while this tree is being edited).
 */
export const buildRoot = process.env['CONVENE_BUILD_ROOT'] || root;

export { freePort };

/** Checks every 200 ms until `check` holds (a throw counts as not yet); fails after `seconds`, naming what it waited for. */
export async function until(check: () => Promise<boolean>, what: string, seconds = 30): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** How the process ended, once it has (waiting at most `seconds`); null if it still runs. */
export function exited(
  proc: Proc,
  seconds: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null } | null> {
  return new Promise((resolve) => {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null)
      return resolve({ code: proc.child.exitCode, signal: proc.child.signalCode });
    const timer = setTimeout(() => resolve(null), seconds * 1000);
    proc.child.once('exit', (code, signal) => (clearTimeout(timer), resolve({ code, signal })));
  });
}

export class Proc {
  readonly logs: string[] = [];
  constructor(readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => this.logs.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.logs.push(chunk.toString()));
  }

  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill(signal);
    });
  }
}

/** The environment for one system test: its own database and Redis prefix. */
export function systemEnv(
  name: string,
  redisUrl: string,
  postgresUrl = 'postgres://postgres@127.0.0.1:5432',
): Record<string, string> {
  const worker = process.env['JEST_WORKER_ID'] ?? '0';
  return {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    DATABASE_URL: `${postgresUrl}/convene_system_${name}_${worker}`,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `convene-system-${name}-${worker}`,
    SEED_DEMO: 'true',
    // Emails go at once here; the default delay is for people, who may read it in the app first.
    NOTIFICATION_EMAIL_DELAY_SECONDS: '0',
    SMTP_URL: '',
  };
}

/** A fresh database with the demo network. */
export function prepareDatabase(env: Record<string, string>): void {
  const url = new URL(env['DATABASE_URL']!);
  const database = url.pathname.slice(1);
  spawnSync(
    'psql',
    [
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      'postgres',
      '-q',
      '-c',
      `drop database if exists ${database} with (force)`,
    ],
    { stdio: 'ignore' },
  );
  for (const task of ['migrate', 'seed']) {
    const run = spawnSync(process.execPath, [join(buildRoot, 'tools/db.mjs'), task], { env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`db ${task} failed: ${run.stderr}`);
  }
}

export async function startApi(env: Record<string, string>): Promise<{ proc: Proc; url: string }> {
  const port = await freePort();
  const proc = new Proc(
    spawn(process.execPath, [join(buildRoot, 'dist/server/apps/api/src/main.js')], {
      env: { ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(`${url}/health/live`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { proc, url };
    if (proc.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.stop();
  throw new Error(`API did not start:\n${proc.logs.join('')}`);
}

export async function startWorker(env: Record<string, string>): Promise<Proc> {
  const proc = new Proc(
    spawn(process.execPath, [join(buildRoot, 'dist/server/apps/worker/src/main.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  for (let i = 0; i < 150; i++) {
    if (proc.logs.join('').includes('Convene worker started')) return proc;
    if (proc.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.stop();
  throw new Error(`worker did not start:\n${proc.logs.join('')}`);
}

/**
 * A private Redis that keeps nothing on disk, or (`persistent`) keeps an append-only file in its
 * directory as production does, so that a stop and start is a restart with the data kept.
 */
export class PrivateRedis {
  private proc: Proc | null = null;
  private constructor(
    readonly port: number,
    private readonly persistent: boolean,
    private readonly dir: string,
  ) {}

  static async start(options: { persistent?: boolean } = {}): Promise<PrivateRedis> {
    const redis = new PrivateRedis(
      await freePort(),
      options.persistent ?? false,
      mkdtempSync(join(tmpdir(), 'convene-redis-')),
    );
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.proc) return;
    const persistence = this.persistent ? ['--appendonly', 'yes', '--appendfsync', 'everysec'] : ['--appendonly', 'no'];
    this.proc = new Proc(
      spawn(
        'redis-server',
        ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', this.dir],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      ),
    );
    for (let i = 0; i < 100; i++) {
      if (this.proc.logs.join('').includes('Ready to accept connections')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not start:\n${this.proc.logs.join('')}`);
  }

  /** A crash: SIGKILL. With `persistent`, what was acknowledged is in the append-only file's page cache. */
  async stop(): Promise<void> {
    await this.proc?.stop('SIGKILL');
    this.proc = null;
  }

  /** Stops the server and removes its directory. */
  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/**
 * A private PostgreSQL 15 (a fresh cluster in a temporary directory, trust auth, no fsync) that a
 * test may stop, start and restart while the machine's PostgreSQL serves everyone else.
 */
export class PrivatePostgres {
  static readonly bin = '/usr/lib/postgresql/15/bin';
  private proc: Proc | null = null;
  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly user: { uid: number; gid: number },
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('no postgres user on this machine');
    const dir = mkdtempSync(join(tmpdir(), 'convene-pg-'));
    chownSync(dir, uid, gid);
    // initdb refuses to run as root.
    const init = spawnSync(
      'runuser',
      [
        '-u',
        'postgres',
        '--',
        join(PrivatePostgres.bin, 'initdb'),
        '-D',
        join(dir, 'data'),
        '-U',
        'postgres',
        '-A',
        'trust',
        '-E',
        'UTF8',
        '--no-sync',
      ],
      { encoding: 'utf8' },
    );
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
    const postgres = new PrivatePostgres(await freePort(), dir, { uid, gid });
    await postgres.start();
    return postgres;
  }

  /** The server, without a database name: `${url}/name`. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.proc) return;
    // Spawned as the postgres user directly (not through runuser), so signals reach the postmaster.
    const args = [
      '-D',
      join(this.dir, 'data'),
      '-p',
      String(this.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${this.dir}`,
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=100',
    ];
    const proc = new Proc(
      spawn(join(PrivatePostgres.bin, 'postgres'), args, { ...this.user, stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    this.proc = proc;
    for (let i = 0; i < 300; i++) {
      if (proc.logs.join('').includes('ready to accept connections') && (await portOpen(this.port))) return;
      if (proc.child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    this.proc = null;
    await proc.stop('SIGKILL');
    throw new Error(`postgres did not start:\n${proc.logs.join('')}`);
  }

  /** Fast shutdown (SIGINT): open transactions are rolled back and clients disconnected. */
  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    this.proc = null;
    await proc.stop('SIGINT');
    for (let i = 0; i < 100 && (await portOpen(this.port)); i++) await new Promise((r) => setTimeout(r, 50));
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Stops the server and removes its cluster. */
  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A GraphQL client with its own cookie. */
export class Client {
  cookie = '';
  constructor(readonly url: string) {}

  async request<T>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    return (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  }

  async signIn(email: string, password = 'convene-demo-pass'): Promise<this> {
    const result = await this.request(`mutation S($input: SignInInput!) { signIn(input: $input) { id } }`, {
      input: { email, password },
    });
    if (result.errors) throw new Error(result.errors[0]!.message);
    return this;
  }
}
