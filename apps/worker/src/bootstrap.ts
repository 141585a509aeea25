import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkerModule } from './worker.module.js';

/** Creates and starts the worker (its BullMQ workers run once the context is initialised). */
export async function createWorkerApp(options: { logger?: false | ('error' | 'warn' | 'log')[] } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: options.logger ?? ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  return app;
}
