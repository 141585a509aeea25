import type { JobName } from '@convene/server-core';
import type { JobHandler } from './job-processor.decorator.js';

export class HandlerRegistryError extends Error {}

/**
 * Pairs every job name with exactly one handler. A job name with no handler, or with two, stops
 * the worker at start-up rather than leaving jobs to rot in the queue.
 */
export function buildHandlerRegistry(
  jobNames: readonly JobName[],
  found: { name: string; handler: JobHandler }[],
): Map<JobName, JobHandler> {
  const problems: string[] = [];
  const registry = new Map<JobName, JobHandler>();
  for (const { name } of found) {
    if (!jobNames.includes(name as JobName)) problems.push(`a handler is registered for unknown job "${name}"`);
  }
  for (const name of jobNames) {
    const handlers = found.filter((f) => f.name === name).map((f) => f.handler);
    const [handler] = handlers;
    if (!handler) problems.push(`job "${name}" has no handler`);
    else if (handlers.length > 1) problems.push(`job "${name}" has ${handlers.length} handlers`);
    else registry.set(name, handler);
  }
  if (problems.length) throw new HandlerRegistryError(`The worker cannot start: ${problems.join('; ')}.`);
  return registry;
}
