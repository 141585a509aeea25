// `npm test`: every check and test suite, then one total line:
//   schema and client freshness · format · lint · typecheck · migrations in sync · unit · integration,
//   beside them the system suite, then e2e, then the web's size budget (on the build e2e made).
// Each check counts as one test; jest suites count their tests. Ends with `N passed, N failed`.
//
// The machine's cores are the limit, and most suites keep both busy; the system suite does not
// (it waits on purpose: for Redis to come back, for a killed worker's jobs to be taken up again),
// so it runs beside the others, its output held back and printed whole when it ends.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const node = process.execPath;
const bin = (name) => join(root, 'node_modules/.bin', name);
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  FORCE_COLOR: process.env.CI ? '0' : '1',
};
const only = process.argv.slice(2);
const results = [];

/** Where a suite's output goes: straight through, or held in `held` when it runs beside another. */
function run(command, args, extraEnv = {}, held = null) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...env, ...extraEnv },
    });
    if (held) {
      child.stdout.on('data', (chunk) => held.push(chunk));
      child.stderr.on('data', (chunk) => held.push(chunk));
    }
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

async function check(name, steps) {
  if (only.length && !only.includes(name)) return;
  const started = Date.now();
  console.log(`\n━━ ${name}`);
  let ok = true;
  for (const [command, args, extraEnv] of steps) {
    if ((await run(command, args, extraEnv)) !== 0) {
      ok = false;
      break;
    }
  }
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds: (Date.now() - started) / 1000 });
}

/** Runs several checks at once (each its own process); counts as one check. */
async function checkTogether(name, commands) {
  if (only.length && !only.includes(name)) return;
  const started = Date.now();
  console.log(`\n━━ ${name}`);
  const outputs = commands.map(() => []);
  const codes = await Promise.all(commands.map(([command, args], i) => run(command, args, {}, outputs[i])));
  for (const output of outputs) process.stdout.write(Buffer.concat(output));
  const ok = codes.every((code) => code === 0);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds: (Date.now() - started) / 1000 });
}

async function jest(name, project, prepare = [], options = [], { beside = false } = {}) {
  if (only.length && !only.includes(name)) return;
  const started = Date.now();
  const held = beside ? [] : null;
  if (beside) console.log(`\n━━ ${name} (runs beside the suites below; its output follows when it ends)`);
  else console.log(`\n━━ ${name}`);
  const finish = (result) => {
    if (held) {
      console.log(`\n━━ ${name} (output)`);
      process.stdout.write(Buffer.concat(held));
    }
    results.push(result);
  };
  for (const [command, args] of prepare) {
    if ((await run(command, args, {}, held)) !== 0) {
      finish({
        name,
        passed: 0,
        failed: 1,
        skipped: 0,
        seconds: (Date.now() - started) / 1000,
        note: 'preparation failed',
      });
      return;
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'convene-jest-'));
  const out = join(dir, 'result.json');
  const code = await run(
    node,
    [
      '--experimental-vm-modules',
      '--no-warnings=ExperimentalWarning',
      join(root, 'node_modules/jest/bin/jest.js'),
      '--selectProjects',
      project,
      '--json',
      '--outputFile',
      out,
      '--passWithNoTests',
      ...options,
    ],
    {},
    held,
  );
  let summary = {
    numPassedTests: 0,
    numFailedTests: 0,
    numPendingTests: 0,
    numTodoTests: 0,
    numTotalTests: 0,
    numFailedTestSuites: 0,
    numRuntimeErrorTestSuites: 0,
  };
  try {
    summary = JSON.parse(await readFile(out, 'utf8'));
  } catch {
    /* jest crashed before writing its report: counted as one failure below */
  }
  // TEST_REPORT_DIR keeps each jest report (with every file's and test's duration) for profiling.
  if (process.env.TEST_REPORT_DIR) {
    await mkdir(process.env.TEST_REPORT_DIR, { recursive: true });
    await copyFile(out, join(process.env.TEST_REPORT_DIR, `${name}.json`)).catch(() => {});
  }
  await rm(dir, { recursive: true, force: true });
  // A suite that fails to load has no failed tests but must still count as a failure.
  const broken = summary.numRuntimeErrorTestSuites + (code !== 0 && summary.numFailedTests === 0 ? 1 : 0);
  finish({
    name,
    passed: summary.numPassedTests,
    failed: summary.numFailedTests + broken,
    skipped: summary.numPendingTests + summary.numTodoTests,
    seconds: (Date.now() - started) / 1000,
  });
}

const nx = [bin('nx'), ['run-many', '-t', 'lint', '--outputStyle=static', '--skipNxCache']];
// Builds the server (used by the system suite from here on) and checks the schema and client.
await check('contracts', [
  [node, ['tools/build-server.mjs']],
  [node, ['tools/emit-schema.mjs', '--check']],
  [node, ['tools/codegen-check.mjs']],
]);
// (Run alone, the system suite builds the server itself.)
const buildForSystem = only.length && !only.includes('contracts') ? [[node, ['tools/build-server.mjs']]] : [];
const system = jest('system', 'system', buildForSystem, [], { beside: true });
await check('format', [[bin('prettier'), ['--check', '--log-level', 'warn', '.']]]);
await check('lint', [[bin('nx'), ['show', 'projects']], nx]);
await checkTogether('typecheck', [
  [bin('tsc'), ['-p', 'tsconfig.server.json']],
  [bin('tsc'), ['-p', 'apps/web/tsconfig.json']],
  [bin('tsc'), ['-p', 'apps/web/tsconfig.sw.json']],
  [bin('tsc'), ['-p', 'test/tsconfig.json']],
]);
await check('migrations', [[node, ['tools/db.mjs', 'migration:check']]]);
await jest('unit', 'unit');
// Two at a time: each worker has its own databases and Redis prefix, and most of a test's time is
// spent waiting on PostgreSQL and Redis.
await jest('integration', 'integration', [], ['--maxWorkers=2']);
await system;
const buildWeb = [
  node,
  [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'],
];
// Two browsers at a time, each with its own hub (database, Redis prefix, data directory).
await jest('e2e', 'e2e', [[node, ['tools/build-server.mjs']], buildWeb], ['--maxWorkers=2']);
// What each page of that build costs a first visit (run alone, it builds the web itself).
const buildForBudget = only.length && !only.includes('e2e') ? [buildWeb] : [];
await check('budget', [
  ...buildForBudget,
  [node, ['--test', '--test-reporter=dot', 'tools/web-budget.test.mjs']],
  [node, ['tools/web-budget.mjs']],
]);

const total = results.reduce(
  (t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\n━━ summary');
for (const r of results) {
  console.log(
    `  ${r.name.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed${r.skipped ? ` ${r.skipped} skipped` : ''}  (${r.seconds.toFixed(1)} s)`,
  );
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || results.length === 0 ? 1 : 0);
