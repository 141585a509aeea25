import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { APP_CONFIG, Public, type AppConfig } from '@convene/server-core';
import { MailService, type DevMail } from '@convene/server-mail';

/**
 * The development mailbox: mail "sent" while no SMTP server is configured. Outside production
 * only; that is how demo invitations are read.
 */
@Public()
@Controller('api/dev/mail')
export class DevMailController {
  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async list(): Promise<DevMail[]> {
    if (this.config.env === 'production' || this.config.smtpUrl) throw new NotFoundException();
    return this.mail.devMailbox(100);
  }
}
