import { createServer, type Server } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, type Registry } from 'prom-client';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { METRICS_PROCESS, METRICS_REGISTRY, type MetricsProcess } from './metrics-registry.js';

/** The variable that names each process's metrics port, for messages. */
const PORT_VARIABLE: Record<MetricsProcess, string> = { api: 'METRICS_PORT', worker: 'WORKER_METRICS_PORT' };

/**
 * `GET /metrics` in Prometheus's text format, on a node:http server of its own: never on the
 * public port, so that only the operators' network can read how busy the hub is. Anything else
 * is a 404. With no port configured nothing is started, not even the default collectors' timers.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'metrics'>,
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(METRICS_PROCESS) private readonly service: MetricsProcess,
  ) {}

  /** Where the metrics are served, once started. */
  get address(): { host: string; port: number } | null {
    const address = this.server?.address();
    return address && typeof address === 'object' ? { host: address.address, port: address.port } : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.metrics.ports[this.service];
    if (port === null) return;
    const { host } = this.config.metrics;
    // Process CPU, memory, heap, GC and event-loop delay. The event-loop delay is sampled every 5 ms
    // into a histogram that prom-client resets at each scrape: its percentiles
    // (nodejs_eventloop_lag_p99_seconds…) cover the time since the previous scrape, whoever made it.
    // Node measures each sample from the previous one, so the 5 ms are included: an idle loop
    // reads about 0.005.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 5 });
    const server = createServer((req, res) => {
      const path = req.url?.split('?')[0];
      if (req.method !== 'GET' || path !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
      this.registry.metrics().then(
        (body) =>
          res.writeHead(200, { 'content-type': this.registry.contentType, 'cache-control': 'no-store' }).end(body),
        (error: unknown) => {
          this.logger.warn(`Could not collect metrics: ${(error as Error).message}`);
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Could not collect metrics\n');
        },
      );
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      throw new Error(listenProblem(error as NodeJS.ErrnoException, PORT_VARIABLE[this.service], host, port), {
        cause: error,
      });
    }
    server.on('error', (error) => this.logger.warn(`Metrics server: ${error.message}`));
    // The metrics alone never keep the process running; shutdown closes the server in any case.
    server.unref();
    this.server = server;
    this.logger.log(
      `Metrics for operators at http://${host.includes(':') ? `[${host}]` : host}:${this.address?.port ?? port}/metrics`,
    );
  }

  /** Closed first at shutdown, before the queues and connections its gauges read from. */
  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // A scraper's keep-alive connection would hold the close (and the process) open.
      server.closeAllConnections();
    });
  }
}

function listenProblem(error: NodeJS.ErrnoException, variable: string, host: string, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `${variable}: port ${port} on ${host} is already in use; choose another port for the metrics`;
    case 'EACCES':
      return `${variable}: not allowed to listen on port ${port} on ${host}`;
    case 'EADDRNOTAVAIL':
      return `METRICS_HOST: ${host} is not an address of this machine (metrics port from ${variable})`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `METRICS_HOST: ${host} does not resolve to an address (metrics port from ${variable})`;
    default:
      return `${variable}: cannot serve metrics on ${host}:${port}: ${error.message}`;
  }
}
