import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { APP_CONFIG, createRedis, type AppConfig } from '@convene/server-core';
import { SOCKET_EVENTS, socketRooms, type ServerToClientEvents } from '@convene/shared-contracts';

/** Sends socket.io events from the worker to any API instance's sockets, through Redis. */
@Injectable()
export class RealtimeEmitter implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly emitter: Emitter<ServerToClientEvents>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = createRedis(config, 'worker');
    this.emitter = new Emitter<ServerToClientEvents>(this.redis, { key: `${config.redisPrefix}:socket.io` });
  }

  notify(userId: string, seq: number): void {
    this.emitter.to(socketRooms.user(userId)).emit(SOCKET_EVENTS.notification, { seq });
  }

  /** One signal to many people's sockets: one message through Redis instead of one per person. */
  notifyMany(userIds: string[]): void {
    this.emitter.to(userIds.map((id) => socketRooms.user(id))).emit(SOCKET_EVENTS.notification, {});
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
