import { ChannelPreference } from './channel-preference.entity.js';
import { GroupPreference } from './group-preference.entity.js';
import { ThreadPreference } from './thread-preference.entity.js';
import { Notification } from './notification.entity.js';
import { NotificationSequence } from './notification-sequence.entity.js';
import { NotificationSettings } from './notification-settings.entity.js';
import { PushSubscription } from './push-subscription.entity.js';

export { NotificationsModule } from './notifications.module.js';
export {
  NotificationsService,
  type Delivered,
  type PresentedNotification,
  type NotificationRow,
} from './notifications.service.js';
export {
  NotificationPreferencesService,
  type SettingsView,
  type SettingsInput,
  type Delivery,
} from './notification-preferences.service.js';
export { NotificationMailService } from './notification-mail.service.js';
export { PushDevicesService, type PushDevice, type PushDeviceInput } from './push-devices.service.js';
export { PushDeliveryService, type OwedPush, type PushResult } from './push-delivery.service.js';
export { pushMessage, type PushSubject } from './push-message.util.js';
export { NotificationsErrorCode } from './notifications.errors.js';
export { NOTIFICATION_RULES, type NotificationPlan } from './notification-rules.js';
export { latestDigestSlot } from './digest-schedule.util.js';
export type { Notification };

/** Entities of this domain, for the ORM configuration of the composition roots. */
export const notificationsEntities = [
  Notification,
  NotificationSequence,
  NotificationSettings,
  ChannelPreference,
  GroupPreference,
  ThreadPreference,
  PushSubscription,
];
