import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext, LogLevel } from '@nestjs/common';
import { logLevels } from '@convene/server-core';
import { WorkerModule } from './worker.module.js';

/** Creates and starts the worker (its BullMQ workers run once the context is initialised). */
export async function createWorkerApp(options: { logger?: false | LogLevel[] } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: options.logger ?? logLevels() });
  app.enableShutdownHooks();
  return app;
}
