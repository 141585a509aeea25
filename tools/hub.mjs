// `npm start`: builds and runs the whole hub on one origin (default http://localhost:3000):
// the API serving the built web app, and the worker. Migrates, seeds demo data into an empty
// database (outside production), prints the demo accounts. Exits with a clear message, within
// seconds, when PostgreSQL or Redis can't be reached.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer } from './build-server.mjs';
import { preflight } from './preflight.mjs';

const root = new URL('..', import.meta.url).pathname;
const say = (message) => console.log(`convene: ${message}`);

await buildServer();
const core = await import(pathToFileURL(join(root, 'dist/server/libs/server/core/src/index.js')).href);
let config;
try {
  config = core.loadConfig();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const problems = await preflight(config);
if (problems.length) {
  console.error(`\n${problems.join('\n\n')}\n`);
  process.exit(1);
}

const webDist = join(root, 'dist/apps/web');
if (process.env.SKIP_WEB_BUILD !== 'true' || !existsSync(join(webDist, 'index.html'))) {
  say('building the web app…');
  await run(process.execPath, [
    join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    'apps/web/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
}

const db = await import('./db.mjs');
await db.migrate(config);
const seeded = await db.seed(config);
if (seeded) say(seeded);
if (config.seedDemo) {
  const { DEMO_ACCOUNTS } = await import(pathToFileURL(join(root, 'dist/server/libs/server/demo/src/index.js')).href);
  console.log(
    `\nDemo accounts (password: ${process.env.DEMO_PASSWORD ? 'the value of DEMO_PASSWORD' : config.demoPassword}):`,
  );
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(24)} ${account.role}`);
  if (!config.smtpUrl) console.log(`Mail is kept in the development mailbox: ${config.publicUrl}/dev/mail`);
  console.log('');
}

const env = { ...process.env, WEB_DIST_DIR: webDist };
const children = [
  spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/server/apps/api/src/main.js')], {
    stdio: 'inherit',
    env,
  }),
  spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/server/apps/worker/src/main.js')], {
    stdio: 'inherit',
    env,
  }),
];
say(`starting on ${config.publicUrl} (Ctrl+C to stop)`);

let stopping = false;
const stop = (code) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 15_000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() =>
    process.exit(code),
  );
};
for (const child of children) child.once('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: root });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}
