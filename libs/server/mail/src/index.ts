export { MailModule } from './mail.module.js';
export { MailService, type DevMail, type MailCalendar } from './mail.service.js';
export {
  MailSubjects,
  type MailRecipient,
  type MailSubjectDetails,
  type MeetingMailDetails,
  type PostMailDetails,
} from './mail-subjects.registry.js';
export { MAIL_TRANSPORT, type MailTransport, type OutgoingMail } from './mail-transport.js';
export {
  categoryLabel,
  notificationLineText,
  type MailFooter,
  type MailKind,
  type MailTemplates,
  type NotificationLine,
  type ReplyRefusal,
} from './mail-templates.js';

import { MailMessage } from './mail-message.entity.js';
export type { MailMessage };
/** Entities of this domain, for the ORM configuration of the composition roots. */
export const mailEntities = [MailMessage];
