import { Registry } from 'prom-client';

/** The process's metrics registry (prom-client), as a provider: each app has its own, never the global one. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** Which process is speaking: the `service` label of every metric, and which port it serves them on. */
export type MetricsProcess = 'api' | 'worker';
export const METRICS_PROCESS = Symbol('METRICS_PROCESS');

export function createMetricsRegistry(service: MetricsProcess): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  return registry;
}
