import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsServer } from './metrics-server.js';
import { createMetricsRegistry, type MetricsProcess } from './metrics-registry.js';

const started: MetricsServer[] = [];

function metricsServer(port: number | null, service: MetricsProcess = 'worker') {
  const registry = createMetricsRegistry(service);
  new Counter({ name: 'convene_test_total', help: 'A counter of this test.', registers: [registry] }).inc(3);
  const server = new MetricsServer(
    { metrics: { host: '127.0.0.1', ports: { api: null, worker: null, [service]: port } } },
    registry,
    service,
  );
  started.push(server);
  return server;
}

function url(server: MetricsServer, path: string): string {
  const address = server.address;
  if (!address) throw new Error('the metrics server is not listening');
  return `http://127.0.0.1:${address.port}${path}`;
}

describe(MetricsServer.name, () => {
  let log: ReturnType<typeof jest.spyOn>;
  beforeEach(() => {
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.onModuleDestroy()));
    log.mockRestore();
  });

  it('serves the registry on GET /metrics, with the process’s own collectors and its service label', async () => {
    const server = metricsServer(0);
    await server.onApplicationBootstrap();
    const res = await fetch(url(server, '/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await res.text();
    expect(body).toContain('convene_test_total{service="worker"} 3');
    expect(body).toMatch(/^process_resident_memory_bytes\{service="worker"\} \d+/m);
    expect(body).toMatch(/^nodejs_eventloop_lag_p99_seconds\{service="worker"\} [\d.e-]+$/m);
    expect(log.mock.calls).toEqual([[`Metrics for operators at ${url(server, '/metrics')}`]]);
  });

  it('answers 404 to every other path and method', async () => {
    const server = metricsServer(0);
    await server.onApplicationBootstrap();
    expect((await fetch(url(server, '/'))).status).toBe(404);
    expect((await fetch(url(server, '/metrics/x'))).status).toBe(404);
    expect((await fetch(url(server, '/health/live'))).status).toBe(404);
    expect((await fetch(url(server, '/metrics'), { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await fetch(url(server, '/metrics?x=1'))).status).toBe(200);
  });

  it('starts nothing without a port', async () => {
    const server = metricsServer(null);
    await server.onApplicationBootstrap();
    expect(server.address).toBeNull();
    expect(log).not.toHaveBeenCalled();
  });

  it('names the variable when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      await expect(metricsServer(port, 'api').onApplicationBootstrap()).rejects.toThrow(
        `METRICS_PORT: port ${port} on 127.0.0.1 is already in use`,
      );
      await expect(metricsServer(port, 'worker').onApplicationBootstrap()).rejects.toThrow(/^WORKER_METRICS_PORT: /);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });

  it('stops serving at shutdown, even with a scraper’s connection kept alive', async () => {
    const server = metricsServer(0);
    await server.onApplicationBootstrap();
    const address = url(server, '/metrics');
    expect((await fetch(address, { keepalive: true })).status).toBe(200);
    await server.onModuleDestroy();
    await expect(fetch(address)).rejects.toThrow();
  });
});
