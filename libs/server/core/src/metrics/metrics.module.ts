import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DatabasePoolMetrics } from './database-pool.metrics.js';
import { MetricsServer } from './metrics-server.js';
import { METRICS_PROCESS, METRICS_REGISTRY, createMetricsRegistry, type MetricsProcess } from './metrics-registry.js';

/**
 * Metrics for operators. Global: the ORM configuration takes the pool metrics, and any provider may
 * register its own metrics in METRICS_REGISTRY (read at scrape time where it can).
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(service: MetricsProcess): DynamicModule {
    return {
      module: MetricsModule,
      providers: [
        { provide: METRICS_PROCESS, useValue: service },
        { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(service) },
        DatabasePoolMetrics,
        MetricsServer,
      ],
      exports: [METRICS_REGISTRY, DatabasePoolMetrics],
    };
  }
}
