import nodemailer from 'nodemailer';
import type { AppConfig } from '@convene/server-core';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId?: string;
  headers?: Record<string, string>;
  /** A calendar invitation, sent as text/calendar beside the text and HTML. */
  icalEvent?: { method: string; content: string; filename: string };
}

/** Hands a mail to the outside world. Returns the name of the transport that took it. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<'smtp' | 'dev'>;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** SMTP through nodemailer when SMTP_URL is set; otherwise the stored row is the dev mailbox. */
export function createMailTransport(config: Pick<AppConfig, 'smtpUrl' | 'env'>): MailTransport {
  if (!config.smtpUrl) {
    if (config.env === 'production') throw new Error('SMTP_URL must be set in production: mail would otherwise never leave the server.');
    return { send: async () => 'dev' };
  }
  const transporter = nodemailer.createTransport(config.smtpUrl);
  return {
    send: async (mail) => {
      await transporter.sendMail(mail);
      return 'smtp';
    },
  };
}
