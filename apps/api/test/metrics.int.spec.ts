// What operators scrape from a running API: process, database-pool and socket metrics, served on a
// port of their own (METRICS_PORT) and nowhere on the public one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MetricsScrape, freePort } from '@convene/server-testing';
import { ApiHarness } from './api-harness.js';

const GROUPS = `{ workingGroups { id slug } }`;

describe('API metrics', () => {
  let api: ApiHarness;
  let metricsUrl: string;
  let webDir: string;
  const scrape = () => MetricsScrape.of(`${metricsUrl}/metrics`);

  beforeAll(async () => {
    const port = await freePort();
    metricsUrl = `http://127.0.0.1:${port}`;
    // With the web app served too, whose fallback answers every unknown path with index.html.
    webDir = mkdtempSync(join(tmpdir(), 'convene-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Convene</title>');
    api = await ApiHarness.start({ METRICS_PORT: String(port), WEB_DIST_DIR: webDir });
  });
  afterAll(async () => {
    await api?.stop();
    delete process.env['WEB_DIST_DIR'];
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves process, database-pool and socket metrics after a request', async () => {
    const client = await api.signedIn(await api.data.user());
    const before = await scrape();
    const groups = await client.request(GROUPS);
    expect(groups.errors).toBeUndefined();
    const socket = await api.connect(client);
    const after = await scrape();
    const service = { service: 'api' };

    expect(after.value('nodejs_eventloop_lag_p99_seconds', service)).toBeGreaterThanOrEqual(0);
    expect(after.value('nodejs_eventloop_lag_p99_seconds', service)).toBeLessThan(5);
    expect(after.value('process_resident_memory_bytes', service)).toBeGreaterThan(20 * 1024 * 1024);
    expect(after.value('process_cpu_seconds_total', service)).toBeGreaterThan(0);

    const max = after.value('convene_db_pool_max', service);
    expect(max).toBe(10);
    const total = after.value('convene_db_pool_connections', { ...service, state: 'total' });
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(max);
    expect(after.value('convene_db_pool_connections', { ...service, state: 'idle' })).toBeLessThanOrEqual(total);
    expect(after.value('convene_db_pool_connections', { ...service, state: 'waiting' })).toBe(0);
    expect(after.value('convene_db_statements_total', service)).toBeGreaterThan(
      before.value('convene_db_statements_total', service),
    );
    expect(after.value('convene_db_pool_acquire_seconds_count', service)).toBeGreaterThan(
      before.value('convene_db_pool_acquire_seconds_count', service),
    );
    expect(after.value('convene_db_pool_acquire_seconds_bucket', { ...service, le: '+Inf' })).toBe(
      after.value('convene_db_pool_acquire_seconds_count', service),
    );
    expect(after.value('convene_db_pool_acquire_waits_total', service)).toBe(0);

    expect(before.value('convene_socket_connections', service)).toBe(0);
    expect(after.value('convene_socket_connections', service)).toBe(1);
    socket.disconnect();
    let open = after.value('convene_socket_connections', service);
    for (let i = 0; i < 50 && open !== 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      open = (await scrape()).value('convene_socket_connections', service);
    }
    expect(open).toBe(0);
  });

  it('counts at least the statements the ORM logs for a request', async () => {
    const client = await api.signedIn(await api.data.user());
    const read = async () => (await scrape()).value('convene_db_statements_total', { service: 'api' });
    const before = await read();
    const logged = await api.statements(() => client.request(GROUPS));
    expect(logged).toBeGreaterThan(0);
    // The pool also sees what the ORM does not log as a query (BEGIN, COMMIT), never fewer.
    expect((await read()) - before).toBeGreaterThanOrEqual(logged);
  });

  it('is not served on the public port', async () => {
    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('convene_db');
    // …though the web app's fallback answers other unknown paths there.
    expect((await fetch(`${api.url}/some/page`)).status).toBe(200);
  });

  it('answers 404 to anything but GET /metrics on the metrics port', async () => {
    for (const path of ['/', '/graphql', '/health/live', '/metrics/', '/metricsx', '/api/metrics']) {
      expect([path, (await fetch(`${metricsUrl}${path}`)).status]).toEqual([path, 404]);
    }
    expect((await fetch(`${metricsUrl}/metrics`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('API metrics at shutdown', () => {
  it('stops serving them when the API closes', async () => {
    const port = await freePort();
    const api = await ApiHarness.start({ METRICS_PORT: String(port) });
    try {
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
    } finally {
      await api.stop();
    }
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });
});
