import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import {
  APP_CONFIG,
  AccessGuard,
  AuditModule,
  ConfigModule,
  DatabasePoolMetrics,
  MetricsModule,
  PersonalDataModule,
  QueueModule,
  RealtimeModule,
  RedisModule,
  createOrmConfig,
  type AppConfig,
} from '@convene/server-core';
import { DiscussionsModule } from '@convene/server-discussions';
import { DocumentsModule } from '@convene/server-documents';
import { StorageModule } from '@convene/server-storage';
import { IdentityModule } from '@convene/server-identity';
import { GroupsModule } from '@convene/server-groups';
import { MailModule } from '@convene/server-mail';
import { NotificationsModule } from '@convene/server-notifications';
import { MeetingsModule } from '@convene/server-meetings';
import { SubmissionsModule } from '@convene/server-submissions';
import { DataExportsController } from './privacy/data-exports.controller.js';
import { PrivacyModule } from '@convene/server-privacy';
import { ormEntities } from './orm-entities.js';
import { graphqlConfig } from './graphql/graphql.config.js';
import { InboundMailModule } from './inbound-mail/inbound-mail.module.js';
import { HealthController } from './health/health.controller.js';
import { DevMailController } from './dev/dev-mail.controller.js';
import { UnsubscribeController } from './notifications/unsubscribe.controller.js';
import { DocumentsController } from './documents/documents.controller.js';
import { MeetingsController } from './meetings/meetings.controller.js';
import { ProgrammeController } from './meetings/programme.controller.js';
import { PitchesController } from './submissions/pitches.controller.js';
import { HttpErrorFilter } from './http/http-error.filter.js';
import { RejectNulPipe } from './http/reject-nul.pipe.js';
import { SessionCookie } from './identity/session-cookie.js';
import { SessionMiddleware } from './identity/session.middleware.js';
import { resolvers } from './graphql/resolvers.js';
import { ThreadPresenter } from './discussions/thread.presenter.js';
import { MeetingPresenter } from './meetings/meeting.presenter.js';
import { DocumentPresenter } from './documents/document.presenter.js';
import { RealtimeGateway } from './notifications/realtime.gateway.js';

/** The API's composition root: wires the domains to GraphQL, REST and the session cookie. */
@Module({
  imports: [
    ConfigModule,
    MetricsModule.forRoot('api'),
    RedisModule,
    QueueModule,
    RealtimeModule,
    AuditModule,
    PersonalDataModule,
    MikroOrmModule.forRootAsync({
      driver: PostgreSqlDriver,
      inject: [APP_CONFIG, DatabasePoolMetrics],
      useFactory: (config: AppConfig, poolMetrics: DatabasePoolMetrics) => ({
        ...createOrmConfig(config, ormEntities, poolMetrics),
        registerRequestContext: true,
      }),
    }),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => graphqlConfig(config),
    }),
    IdentityModule,
    DiscussionsModule,
    DocumentsModule,
    StorageModule,
    GroupsModule,
    MailModule,
    NotificationsModule,
    MeetingsModule,
    SubmissionsModule,
    PrivacyModule,
    InboundMailModule,
  ],
  controllers: [
    HealthController,
    DevMailController,
    UnsubscribeController,
    DocumentsController,
    MeetingsController,
    ProgrammeController,
    PitchesController,
    DataExportsController,
  ],
  providers: [
    ...resolvers,
    ThreadPresenter,
    MeetingPresenter,
    DocumentPresenter,
    SessionCookie,
    RealtimeGateway,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
    { provide: APP_PIPE, useClass: RejectNulPipe },
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SessionMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
