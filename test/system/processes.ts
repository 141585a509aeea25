// Real processes for system tests: API instances and workers from the build, and a private
// redis-server that a test may stop and start without touching anyone else's Redis.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from '../support/free-port.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '../..');

export { freePort };

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
export function systemEnv(name: string, redisUrl: string): Record<string, string> {
  const worker = process.env['JEST_WORKER_ID'] ?? '0';
  return {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/convene_system_${name}_${worker}`,
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
  const database = new URL(env['DATABASE_URL']!).pathname.slice(1);
  spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-q', '-c', `drop database if exists ${database} with (force)`], { stdio: 'ignore' });
  for (const task of ['migrate', 'seed']) {
    const run = spawnSync(process.execPath, [join(root, 'tools/db.mjs'), task], { env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`db ${task} failed: ${run.stderr}`);
  }
}

export async function startApi(env: Record<string, string>): Promise<{ proc: Proc; url: string }> {
  const port = await freePort();
  const proc = new Proc(spawn(process.execPath, [join(root, 'dist/server/apps/api/src/main.js')], { env: { ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, stdio: ['ignore', 'pipe', 'pipe'] }));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (await fetch(`${url}/health/live`).then((r) => r.ok, () => false)) return { proc, url };
    if (proc.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.stop();
  throw new Error(`API did not start:\n${proc.logs.join('')}`);
}

export async function startWorker(env: Record<string, string>): Promise<Proc> {
  const proc = new Proc(spawn(process.execPath, [join(root, 'dist/server/apps/worker/src/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
  for (let i = 0; i < 150; i++) {
    if (proc.logs.join('').includes('Convene worker started')) return proc;
    if (proc.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.stop();
  throw new Error(`worker did not start:\n${proc.logs.join('')}`);
}

/** A private Redis that keeps nothing on disk. */
export class PrivateRedis {
  private proc: Proc | null = null;
  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'convene-redis-'));
    this.proc = new Proc(spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] }));
    for (let i = 0; i < 100; i++) {
      if (this.proc.logs.join('').includes('Ready to accept connections')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not start:\n${this.proc.logs.join('')}`);
  }

  async stop(): Promise<void> {
    await this.proc?.stop('SIGKILL');
    this.proc = null;
  }
}

/** A GraphQL client with its own cookie. */
export class Client {
  cookie = '';
  constructor(readonly url: string) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
    const res = await fetch(`${this.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) }, body: JSON.stringify({ query, variables }) });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    return (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  }

  async signIn(email: string, password = 'convene-demo-pass'): Promise<this> {
    const result = await this.request(`mutation S($input: SignInInput!) { signIn(input: $input) { id } }`, { input: { email, password } });
    if (result.errors) throw new Error(result.errors[0]!.message);
    return this;
  }
}
