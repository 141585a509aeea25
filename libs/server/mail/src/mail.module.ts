import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { APP_CONFIG, type AppConfig } from '@convene/server-core';
import { MailMessage } from './mail-message.entity.js';
import { MailSubjects } from './mail-subjects.registry.js';
import { MailService } from './mail.service.js';
import { MAIL_TRANSPORT, createMailTransport } from './mail-transport.js';
import { MailPersonalData } from './mail-personal-data.js';

@Module({
  imports: [MikroOrmModule.forFeature([MailMessage])],
  providers: [
    MailService,
    MailSubjects,
    MailPersonalData,
    { provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createMailTransport(config) },
  ],
  exports: [MailService, MailSubjects],
})
export class MailModule {}
