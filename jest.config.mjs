// Jest runs natively as ESM (node --experimental-vm-modules) with swc compiling TypeScript with
// legacy decorators and their metadata, as the build does. Three projects:
//   unit         *.spec.ts beside the code, mocks allowed, no services; *.spec.tsx: web pages in jsdom
//   integration  *.int.spec.ts against the real PostgreSQL and Redis (own databases and prefix)
//   system       test/system, real API and worker processes, killed and restarted
//   e2e          test/e2e, the built hub in Debian's Chromium through Playwright
import { readFileSync } from 'node:fs';

const { paths } = JSON.parse(readFileSync(new URL('./tsconfig.base.json', import.meta.url), 'utf8')).compilerOptions;
const aliases = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target.replace(/^\.\//, '')}`]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

const base = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { ...aliases, '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'],
};
// Stylesheets imported by web components mean nothing to jsdom.
const styles = { '\\.css$': '<rootDir>/test/jest/style-stub.ts' };

export default {
  projects: [
    {
      ...base,
      displayName: 'unit',
      // Component tests of web pages (*.spec.tsx) say `@jest-environment jsdom` in their first lines.
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.{ts,tsx}', '<rootDir>/test/docker/**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '/node_modules/'],
      moduleNameMapper: { ...base.moduleNameMapper, ...styles },
      setupFilesAfterEnv: ['<rootDir>/test/jest/jsdom-setup.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/jest/slow-tests.ts'],
    },
    {
      ...base,
      displayName: 'system',
      testMatch: ['<rootDir>/test/system/**/*.system.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/jest/system-tests.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/jest/browser-tests.ts'],
    },
  ],
};
