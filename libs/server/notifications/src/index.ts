import { Notification } from './notification.entity.js';
import { NotificationSequence } from './notification-sequence.entity.js';

export { NotificationsModule } from './notifications.module.js';
export { NotificationsService, type Delivered } from './notifications.service.js';
export { NOTIFICATION_RULES, type NotificationPlan } from './notification-rules.js';
export type { Notification };

/** Entities of this domain, for the ORM configuration of the composition roots. */
export const notificationsEntities = [Notification, NotificationSequence];
