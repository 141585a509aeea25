// `npm test`: every check and test suite, in order, then one total line:
//   lint · typecheck · schema and client freshness · migrations in sync · unit · integration · system · e2e
// Each check counts as one test; jest suites count their tests. Ends with `N passed, N failed`.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const node = process.execPath;
const bin = (name) => join(root, 'node_modules/.bin', name);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: process.env.CI ? '0' : '1' };
const only = process.argv.slice(2);
const results = [];

function run(command, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
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

async function jest(name, project, prepare = [], options = []) {
  if (only.length && !only.includes(name)) return;
  const started = Date.now();
  console.log(`\n━━ ${name}`);
  for (const [command, args] of prepare) {
    if ((await run(command, args)) !== 0) {
      results.push({ name, passed: 0, failed: 1, skipped: 0, seconds: (Date.now() - started) / 1000, note: 'preparation failed' });
      return;
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'convene-jest-'));
  const out = join(dir, 'result.json');
  const code = await run(node, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', join(root, 'node_modules/jest/bin/jest.js'), '--selectProjects', project, '--json', '--outputFile', out, '--passWithNoTests', ...options], {});
  let summary = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numTotalTests: 0, numFailedTestSuites: 0, numRuntimeErrorTestSuites: 0 };
  try {
    summary = JSON.parse(await readFile(out, 'utf8'));
  } catch {
    /* jest crashed before writing its report: counted as one failure below */
  }
  await rm(dir, { recursive: true, force: true });
  // A suite that fails to load has no failed tests but must still count as a failure.
  const broken = summary.numRuntimeErrorTestSuites + (code !== 0 && summary.numFailedTests === 0 ? 1 : 0);
  results.push({
    name,
    passed: summary.numPassedTests,
    failed: summary.numFailedTests + broken,
    skipped: summary.numPendingTests + summary.numTodoTests,
    seconds: (Date.now() - started) / 1000,
  });
}

const nx = [bin('nx'), ['run-many', '-t', 'lint', '--outputStyle=static', '--skipNxCache']];
await check('lint', [[bin('nx'), ['show', 'projects']], nx]);
await check('typecheck', [
  [bin('tsc'), ['-p', 'tsconfig.server.json']],
  [bin('tsc'), ['-p', 'apps/web/tsconfig.json']],
  [bin('tsc'), ['-p', 'test/tsconfig.json']],
]);
await check('contracts', [
  [node, ['tools/build-server.mjs']],
  [node, ['tools/emit-schema.mjs', '--check']],
  [node, ['tools/codegen-check.mjs']],
]);
await check('migrations', [[node, ['tools/db.mjs', 'migration:check']]]);
await jest('unit', 'unit');
// Two at a time: each worker has its own databases and Redis prefix, and most of a test's time is
// spent waiting on PostgreSQL and Redis.
await jest('integration', 'integration', [], ['--maxWorkers=2']);
await jest('system', 'system', [[node, ['tools/build-server.mjs']]]);
await jest('e2e', 'e2e', [
  [node, ['tools/build-server.mjs']],
  [node, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn']],
]);

const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log('\n━━ summary');
for (const r of results) {
  console.log(`  ${r.name.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed${r.skipped ? ` ${r.skipped} skipped` : ''}  (${r.seconds.toFixed(1)} s)`);
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || results.length === 0 ? 1 : 0);
