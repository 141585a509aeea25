// The built-in SMTP receiver for replies by email (INBOUND_SMTP_PORT; 0 turns it off): it takes
// mail for the hub's reply addresses only (any other recipient is refused at RCPT TO), up to the
// size limit (refused at MAIL FROM when announced, and at the end of DATA otherwise), and hands
// each message to InboundMailService. A refused reply is answered by the hub's own bounce, so the
// SMTP transaction itself succeeds.
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import { APP_CONFIG, type AppConfig } from '@convene/server-core';
import { InboundMailService } from './inbound-mail.service.js';

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

@Injectable()
export class InboundSmtpServer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('InboundSmtp');
  private server: SMTPServer | null = null;

  constructor(
    private readonly inbound: InboundMailService,
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const { smtpPort, smtpHost, maxBytes } = this.config.inboundMail;
    if (!smtpPort) return;
    const server = new SMTPServer({
      name: this.config.inboundMail.domain,
      banner: 'Convene replies',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: maxBytes,
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) =>
        this.inbound.accepts(address.address)
          ? callback()
          : callback(smtpError('No such mailbox: this server takes replies to Convene notifications only', 550)),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded)
            return callback(smtpError('Message too big for Convene', 552));
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          };
          // A unit of work of its own, as a request or a job has.
          RequestContext.create(this.orm.em, () => this.inbound.receive(Buffer.concat(chunks), envelope)).then(
            () => callback(),
            (error: unknown) => {
              // Not the sender's fault (the database away, say): the sending server tries again later.
              this.logger.error(`A reply by email could not be taken in: ${(error as Error).message}`);
              callback(smtpError('Temporary failure, try again later', 451));
            },
          );
        });
      },
    });
    server.on('error', (error) => this.logger.error(`SMTP receiver: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(smtpPort, smtpHost, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`Taking replies by email on ${smtpHost}:${smtpPort}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
