// Starts the built hub (API serving the web app, and the worker) on a free port with its own
// database and Redis prefix, seeded with the demo network, for browser tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from '../support/free-port.js';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/**
 * What must never reach the hub's logs, whatever a test did: passwords, session cookies, the
 * tokens of private links (invitations, resets, registrations, pitches, unsubscribes, calendar
 * feeds) and two-factor secrets.
 */
const SECRET_PATTERNS: [string, RegExp][] = [
  ['the demo password', /convene-demo-pass/],
  ['a password field', /"(?:password|newPassword|currentPassword)"\s*:/i],
  ['a session cookie', /convene_session=[A-Za-z0-9_-]{10,}/],
  ['a private link token', /\/(?:invitations|reset-password|registrations|pitches|unsubscribe)\/[A-Za-z0-9_.-]{20,}/],
  ['a calendar feed token', /\/calendar\/[A-Za-z0-9_-]{20,}\.ics/],
  ['a two-factor secret', /otpauth:\/\/|secret=[A-Z2-7]{16,}/],
];

export class HubProcess {
  private constructor(
    readonly url: string,
    private readonly children: ChildProcess[],
    private readonly logs: string[],
  ) {}

  /** `extraEnv` adds or overrides settings of this hub only (e.g. TWO_FACTOR_ENFORCED). */
  static async start(extraEnv: Record<string, string> = {}): Promise<HubProcess> {
    const worker = process.env['JEST_WORKER_ID'] ?? '0';
    const port = await freePort();
    // E2E_NAME keeps two runs on one machine apart (database, Redis prefix, data folder).
    const name = process.env['E2E_NAME'] ?? 'convene_e2e';
    const database = `${name}_${worker}`;
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
      REDIS_URL: 'redis://127.0.0.1:6379/14',
      REDIS_PREFIX: `${name.replaceAll('_', '-')}-${worker}`,
      WEB_DIST_DIR: process.env['WEB_DIST_DIR'] ?? join(root, 'dist/apps/web'),
      SMTP_URL: '',
      SEED_DEMO: 'true',
      NOTIFICATION_EMAIL_DELAY_SECONDS: '0',
      DEMO_PASSWORD: 'convene-demo-pass',
      // Uploaded files of this run, apart from the demo hub's `.data`.
      DATA_DIR: join(tmpdir(), `${name}-data-${worker}`),
      STORAGE_DRIVER: 'local',
      // As production runs: the built web sends its persisted documents' hashes and the API runs
      // nothing else, so a page that sent any other document would fail its test.
      GRAPHQL_TRUSTED_DOCUMENTS: 'true',
      ...extraEnv,
    };
    rmSync(env.DATA_DIR, { recursive: true, force: true });
    // A fresh database and Redis prefix each run: the demo seed only fills an empty database, and
    // rate-limit counters of an earlier run must not carry over.
    spawnSync(
      'psql',
      ['-h', '127.0.0.1', '-U', 'postgres', '-q', '-c', `drop database if exists ${database} with (force)`],
      { stdio: 'ignore' },
    );
    spawnSync(
      'bash',
      ['-c', `redis-cli -n 14 --scan --pattern '${env.REDIS_PREFIX}:*' | xargs -r redis-cli -n 14 del`],
      { stdio: 'ignore' },
    );
    for (const task of ['migrate', 'seed']) {
      const run = spawnSync(process.execPath, [join(root, 'tools/db.mjs'), task], { env, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`db ${task} failed: ${run.stderr}`);
    }
    const logs: string[] = [];
    const children = ['apps/api/src/main.js', 'apps/worker/src/main.js'].map((entry) => {
      const child = spawn(process.execPath, [join(root, 'dist/server', entry)], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
      return child;
    });
    const hub = new HubProcess(`http://127.0.0.1:${port}`, children, logs);
    await hub.waitUntilReady();
    return hub;
  }

  private async waitUntilReady(): Promise<void> {
    for (let i = 0; i < 150; i++) {
      const ready = await fetch(`${this.url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      if (this.children.some((c) => c.exitCode !== null)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await this.halt();
    throw new Error(`the hub did not become ready:\n${this.logs.join('')}`);
  }

  /** Stops the hub, then fails when its logs hold anything secret (the browser suites thus scan every run's logs). */
  async stop(): Promise<void> {
    await this.halt();
    const logs = this.logs.join('');
    const leaks = SECRET_PATTERNS.filter(([, pattern]) => pattern.test(logs)).map(([what]) => what);
    if (leaks.length) throw new Error(`The hub's logs hold ${leaks.join(', ')}`);
  }

  private async halt(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}
