import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createAdapter } from '@socket.io/redis-adapter';
import { parse } from 'cookie';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Gauge, type Registry } from 'prom-client';
import {
  APP_CONFIG,
  DomainError,
  METRICS_REGISTRY,
  createRedis,
  ignoringDroppedAnswers,
  type AppConfig,
  type Viewer,
} from '@convene/server-core';
import { DiscussionsService } from '@convene/server-discussions';
import { SessionsService } from '@convene/server-identity';
import {
  ErrorCode,
  socketRooms,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type WatchResult,
} from '@convene/shared-contracts';

interface SocketData {
  viewer: Viewer;
}

/**
 * socket.io on the API's HTTP server. A socket is accepted only with a valid session cookie (and
 * from our own origin), and joins its person's and its session's rooms. The Redis adapter joins
 * every API instance and the worker, so an emit from anywhere reaches the right sockets.
 */
@Injectable()
export class RealtimeGateway implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeGateway.name);
  private io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData> | null = null;
  private readonly connections: Redis[] = [];

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly sessions: SessionsService,
    private readonly discussions: DiscussionsService,
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(METRICS_REGISTRY) metrics: Registry,
  ) {
    const openSockets = () => this.io?.engine.clientsCount ?? 0;
    new Gauge({
      name: 'convene_socket_connections',
      help: 'socket.io connections open on this API instance (engine.io clients, at scrape time).',
      registers: [metrics],
      collect() {
        this.set(openSockets());
      },
    });
  }

  onApplicationBootstrap(): void {
    const httpServer = this.adapterHost.httpAdapter.getHttpServer();
    const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
      path: '/socket.io',
      serveClient: false,
      allowRequest: (req, callback) => callback(null, this.sameOrigin(req.headers.origin, req.headers.host)),
    });
    const pub = ignoringDroppedAnswers(createRedis(this.config, 'subscriber'));
    const sub = ignoringDroppedAnswers(pub.duplicate());
    sub.on('error', () => undefined);
    this.connections.push(pub, sub);
    io.adapter(createAdapter(pub, sub, { key: `${this.config.redisPrefix}:socket.io` }));
    io.use(async (socket, next) => {
      try {
        const header = socket.handshake.headers.cookie;
        const token = header ? parse(header)[this.config.session.cookieName] : undefined;
        // A handshake is no HTTP request: it needs a unit of work of its own, as each request has.
        const viewer = await RequestContext.create(this.orm.em, () => this.sessions.resolve(token));
        if (!viewer) return next(new Error('UNAUTHENTICATED'));
        if (viewer.twoFactorSetupRequired) return next(new Error('TWO_FACTOR_SETUP_REQUIRED'));
        socket.data.viewer = viewer;
        await socket.join([socketRooms.user(viewer.userId), socketRooms.session(viewer.sessionId)]);
        next();
      } catch (error) {
        this.logger.warn(`Socket handshake failed: ${(error as Error).message}`);
        next(new Error('SERVICE_UNAVAILABLE'));
      }
    });
    io.on('connection', (socket) => {
      // Watching a discussion is allowed to the people who may read it, checked as for `thread(id)`.
      socket.on('thread:watch', (threadId, ack) => {
        const answer = (result: WatchResult) => (typeof ack === 'function' ? ack(result) : undefined);
        void RequestContext.create(this.orm.em, async () => {
          try {
            const id = await this.discussions.watchableThreadId(socket.data.viewer, String(threadId));
            await socket.join(socketRooms.thread(id));
            answer({ ok: true });
          } catch (error) {
            answer({ ok: false, code: error instanceof DomainError ? error.code : ErrorCode.Internal });
          }
        });
      });
      socket.on('thread:unwatch', (threadId) => void socket.leave(socketRooms.thread(String(threadId))));
    });
    this.io = io;
  }

  /** Drops the sockets of one session, on every API instance (at sign-out). */
  dropSession(sessionId: string): void {
    this.io?.in(socketRooms.session(sessionId)).disconnectSockets(true);
  }

  /** Drops every socket of a person (password change, removal); clients reconnect with their new session. */
  dropUser(userId: string): void {
    this.io?.in(socketRooms.user(userId)).disconnectSockets(true);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.io ? this.io.close(() => resolve()) : resolve()));
    for (const connection of this.connections) connection.disconnect();
  }

  /** Browsers send Origin on socket handshakes; it must be ours. Non-browser clients send none. */
  private sameOrigin(origin: string | undefined, host: string | undefined): boolean {
    if (!origin) return true;
    try {
      const url = new URL(origin);
      return url.origin === new URL(this.config.publicUrl).origin || url.host === host;
    } catch {
      return false;
    }
  }
}
