import { Global, Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { createRedis } from './redis.js';

/** The shared fail-fast Redis command connection. */
export const REDIS = Symbol('REDIS');

const READY_WAIT_MS = 3000;

@Global()
@Module({
  providers: [
    { provide: REDIS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createRedis(config, 'command') },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RedisModule.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * Waits briefly for the connection: commands fail fast rather than queue, so without this the
   * first requests after start-up would be refused. Redis being down does not stop the start:
   * the readiness check reports it and the connection keeps retrying.
   */
  async onModuleInit(): Promise<void> {
    if (this.redis.status === 'ready') return;
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), READY_WAIT_MS);
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        resolve(value);
      };
      const onReady = () => done(true);
      this.redis.on('ready', onReady);
    });
    if (!ready) this.logger.warn('Redis is not reachable yet; requests that need it are refused until it is.');
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
