import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express } from 'express';
import type { LogLevel } from '@nestjs/common';
import { APP_CONFIG, logLevels, type AppConfig } from '@convene/server-core';
import { AppModule } from './app.module.js';
import { answerClientErrorsAsJson } from './http/client-errors.js';
import { compressedAnswers } from './http/compressed-answers.js';
import { securityHeaders } from './http/security-headers.js';
import { keepConnectionsAlive } from './http/keep-alive.js';
import { serveWebApp } from './http/web-app.js';

/** Creates the API application (not listening yet), as main.ts and the tests use it. */
export async function createApiApp(options: { logger?: false | LogLevel[] } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: options.logger ?? logLevels(),
    bodyParser: false,
  });
  const config = app.get<AppConfig>(APP_CONFIG);
  const express = app.getHttpAdapter().getInstance() as Express;
  express.disable('x-powered-by');
  express.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  app.useBodyParser('json', { limit: '100kb' });
  app.use('/graphql', compressedAnswers());
  answerClientErrorsAsJson(app.getHttpServer());
  keepConnectionsAlive(app.getHttpServer());
  if (config.webDistDir) serveWebApp(express, config.webDistDir);
  app.enableShutdownHooks();
  return app;
}
