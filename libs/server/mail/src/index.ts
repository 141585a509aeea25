export { MailModule } from './mail.module.js';
export { MailService, type DevMail } from './mail.service.js';
export { MAIL_TRANSPORT, type MailTransport, type OutgoingMail } from './mail-transport.js';
export type { MailKind, MailTemplates } from './mail-templates.js';

import { MailMessage } from './mail-message.entity.js';
/** Entities of this domain, for the ORM configuration of the composition roots. */
export const mailEntities = [MailMessage];
