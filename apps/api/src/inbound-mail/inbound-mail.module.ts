import { Module } from '@nestjs/common';
import { DiscussionsModule } from '@convene/server-discussions';
import { DocumentsModule } from '@convene/server-documents';
import { MailModule } from '@convene/server-mail';
import { StorageModule } from '@convene/server-storage';
import { InboundMailController } from './inbound-mail.controller.js';
import { InboundMailService } from './inbound-mail.service.js';
import { InboundSmtpServer } from './inbound-smtp.server.js';

/** Replies by email: the SMTP receiver, the providers' HTTP route, and what both hand their mail to. */
@Module({
  imports: [DiscussionsModule, DocumentsModule, MailModule, StorageModule],
  controllers: [InboundMailController],
  providers: [InboundMailService, InboundSmtpServer],
})
export class InboundMailModule {}
