import nodemailer from 'nodemailer';
import type { AppConfig } from '@convene/server-core';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId?: string;
  /** Where answering it goes (a personal reply address), when not the sender. */
  replyTo?: string;
  headers?: Record<string, string>;
  /** A calendar invitation, sent as text/calendar beside the text and HTML. */
  icalEvent?: { method: string; content: string; filename: string };
}

/** Hands a mail to the outside world. Returns the name of the transport that took it. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<'smtp' | 'dev'>;
  /** Closes the connections it keeps (Nest calls it when the process stops). */
  onApplicationShutdown(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** SMTP through nodemailer when SMTP_URL is set; otherwise the stored row is the dev mailbox. */
export function createMailTransport(config: Pick<AppConfig, 'smtpUrl' | 'env'>): MailTransport {
  if (!config.smtpUrl) {
    if (config.env === 'production')
      throw new Error('SMTP_URL must be set in production: mail would otherwise never leave the server.');
    return { send: async () => 'dev', onApplicationShutdown: () => undefined };
  }
  // A few kept connections (nodemailer's pool: five at most, each for up to 100 mails) instead of a
  // new connection and TLS handshake per mail: a change that tells hundreds of people is followed
  // by hundreds of mails. `?pool=false` in SMTP_URL turns it off for a server that objects.
  const transporter = nodemailer.createTransport({ url: config.smtpUrl, pool: true });
  return {
    send: async (mail) => {
      await transporter.sendMail(mail);
      return 'smtp';
    },
    onApplicationShutdown: () => transporter.close(),
  };
}
