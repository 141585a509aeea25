// Lint for the whole workspace. The module-boundary rule is the architecture's fence:
// web never imports server code, features never import each other, domain libs never import
// apps, only tests import the testing lib, and a domain imports only the domains listed for it.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Which domains each server domain may use, one edge at a time (the README's "Which domain uses
// which" says why each exists). Identity and groups are the base every domain builds on;
// anything not listed is refused.
const DOMAIN_EDGES = {
  identity: [],
  groups: ['identity'],
  notifications: ['identity', 'groups'],
  discussions: ['identity', 'groups', 'notifications'],
  documents: ['identity', 'groups'],
  meetings: ['identity', 'groups', 'discussions', 'documents'],
  submissions: ['identity', 'groups', 'discussions', 'documents'],
  privacy: ['identity'],
};
// A domain's tests may set up rows of any domain (through the testing lib's factories or services).
const domainConstraints = (allowTesting) =>
  Object.entries(DOMAIN_EDGES).map(([domain, uses]) => ({
    sourceTag: `domain:${domain}`,
    onlyDependOnLibsWithTags: [
      ...(allowTesting ? ['type:domain', 'type:testing'] : uses.map((used) => `domain:${used}`)),
      'type:infra',
      'type:core',
      'type:util',
    ],
  }));

const constraints = (allowTesting) => [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  { sourceTag: 'scope:test', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server', 'type:testing'] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:infra',
      'type:core',
      'type:feature',
      'type:ui',
      'type:data-access',
      'type:util',
      'type:demo',
      ...(allowTesting ? ['type:testing'] : []),
    ],
  },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:core', 'type:util'] },
  // The demo seed (dev only) makes each domain's rows through that domain's factories.
  { sourceTag: 'type:demo', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:core', 'type:util'] },
  ...domainConstraints(allowTesting),
  // Infrastructure (mail, file storage): used by domains, knows none of them.
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:core', 'type:util'] },
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:ui', 'type:data-access', 'type:util'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:data-access', 'type:util'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:core', 'type:util'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:util', 'type:core'] },
];

const boundaries = (allowTesting) => [
  'error',
  { enforceBuildableLibDependency: false, allow: [], depConstraints: constraints(allowTesting) },
];

const specFiles = [
  '**/*.spec.ts',
  '**/*.spec.tsx',
  'test/**/*.ts',
  'apps/*/test/**/*.ts',
  'libs/server/testing/**/*.ts',
];

export default [
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.cache',
      '**/.nx',
      'libs/web/data-access/src/generated/**',
      '**/*.d.ts',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      // Narrow instead: return the checked value, or throw a clear error where it cannot be missing.
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    files: specFiles,
    rules: {
      '@nx/enforce-module-boundaries': boundaries(true),
      // In a test, a value that is missing fails the test at that line, which is what an
      // assertion there would do; the expectations that matter are written out with expect().
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.tsx', 'libs/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
];
