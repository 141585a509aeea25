// There is no Docker engine where the tests run, so the compose file is checked by reading it:
// every service is there, and every environment variable the apps read is set for the apps.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
const compose = parse(readFileSync(join(root, 'docker/compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<
    string,
    {
      image?: string;
      build?: unknown;
      command?: string[];
      environment?: Record<string, string>;
      depends_on?: Record<string, unknown>;
    }
  >;
};

/** Every variable the configuration loader reads, found in its source so a new one can't be missed. */
function variablesTheAppsRead(): string[] {
  const source = readFileSync(join(root, 'libs/server/core/src/config/app-config.ts'), 'utf8');
  const names = new Set<string>();
  for (const match of source.matchAll(/(?:str|int|url|flag)\('([A-Z_]+)'|env\['([A-Z_]+)'\]/g))
    names.add(match[1] ?? match[2]!);
  return [...names].sort();
}

describe('docker/compose.yml', () => {
  it('defines postgres, redis, the migration step, the api and the worker', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'migrate', 'postgres', 'redis', 'worker']);
  });

  it('finds the variables the apps read (the check itself is not empty)', () => {
    expect(variablesTheAppsRead()).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'REDIS_URL',
        'SMTP_URL',
        'PORT',
        'NODE_ENV',
        'GRAPHQL_TRUSTED_DOCUMENTS',
      ]),
    );
  });

  it.each(['api', 'worker', 'migrate'])('sets every variable the apps read for %s', (service) => {
    const env = compose.services[service]!.environment ?? {};
    const missing = variablesTheAppsRead().filter((name) => !(name in env));
    expect(missing).toEqual([]);
    expect(env['NODE_ENV']).toBe('production');
    expect(env['DATABASE_URL']).toMatch(/@postgres:5432\//);
    expect(env['REDIS_URL']).toBe('redis://redis:6379');
  });

  it('runs the api and worker from the built entry points, after migrations', () => {
    expect(compose.services['api']!.command).toContain('dist/server/apps/api/src/main.js');
    expect(compose.services['worker']!.command).toContain('dist/server/apps/worker/src/main.js');
    for (const service of ['api', 'worker']) expect(compose.services[service]!.depends_on).toHaveProperty('migrate');
    const dockerfile = readFileSync(join(root, 'docker/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/FROM node:24/);
    expect(dockerfile).toContain('tools/build-server.mjs');
  });
});
