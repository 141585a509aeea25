import { IdentityResolver } from '../identity/identity.resolver.js';
import { GroupsResolver } from '../groups/groups.resolver.js';
import { DiscussionsResolver, GroupThreadsResolver } from '../discussions/discussions.resolver.js';
import { DocumentsResolver, GroupDocumentsResolver, ThreadDocumentsResolver } from '../documents/documents.resolver.js';
import { NotificationsResolver } from '../notifications/notifications.resolver.js';
import {
  GroupNotificationLevelResolver,
  NotificationSettingsResolver,
} from '../notifications/notification-settings.resolver.js';
import { PushDevicesResolver } from '../notifications/push-devices.resolver.js';
import { GroupMeetingsResolver, MeetingsResolver } from '../meetings/meetings.resolver.js';
import { GroupPollsResolver, MeetingPollsResolver } from '../meetings/meeting-polls.resolver.js';
import { EventsResolver } from '../meetings/events.resolver.js';
import {
  MeetingProgrammeResolver,
  ProgrammeResolver,
  PublicEventProgrammeResolver,
} from '../meetings/programme.resolver.js';
import { PitchesResolver } from '../submissions/pitches.resolver.js';
import { AccountSecurityResolver } from '../identity/account-security.resolver.js';
import { NetworkPeopleResolver } from '../identity/network-people.resolver.js';
import { PartnerOrganisationsResolver } from '../identity/partner-organisations.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { PrivacyResolver } from '../privacy/privacy.resolver.js';

/** Every resolver, for the app module and the schema emitter alike. */
export const resolvers = [
  IdentityResolver,
  GroupsResolver,
  NotificationsResolver,
  NotificationSettingsResolver,
  GroupNotificationLevelResolver,
  PushDevicesResolver,
  DiscussionsResolver,
  GroupThreadsResolver,
  DocumentsResolver,
  GroupDocumentsResolver,
  ThreadDocumentsResolver,
  MeetingsResolver,
  GroupMeetingsResolver,
  MeetingPollsResolver,
  GroupPollsResolver,
  EventsResolver,
  ProgrammeResolver,
  MeetingProgrammeResolver,
  PublicEventProgrammeResolver,
  PitchesResolver,
  AccountSecurityResolver,
  NetworkPeopleResolver,
  PartnerOrganisationsResolver,
  AuditResolver,
  PrivacyResolver,
];
