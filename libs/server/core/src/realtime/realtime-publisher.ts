import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { ServerToClientEvents } from '@convene/shared-contracts';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { createRedis, ignoringDroppedAnswers } from '../redis/redis.js';

/**
 * Puts socket.io events on people's screens from whichever process made the change (an API
 * instance or the worker): through Redis, where every API instance's socket.io adapter listens.
 * Services call it after their change has committed. What it sends while Redis is away goes out
 * when Redis is back; a browser that missed something catches up when its socket reconnects.
 */
@Injectable()
export class RealtimePublisher implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly emitter: Emitter<ServerToClientEvents>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Its own connection, which queues while Redis is away rather than failing the caller, and
    // sends what one fan-out emits in the same tick as one write (a slice of 500 messages).
    this.redis = ignoringDroppedAnswers(createRedis(config, 'worker', { enableAutoPipelining: true }));
    this.emitter = new Emitter<ServerToClientEvents>(this.redis, { key: `${config.redisPrefix}:socket.io` });
  }

  /** One event to every socket in `room` (see `socketRooms`), on every API instance. */
  emit<E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    this.emitter.to(room).emit(event, ...args);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

@Global()
@Module({ providers: [RealtimePublisher], exports: [RealtimePublisher] })
export class RealtimeModule {}
