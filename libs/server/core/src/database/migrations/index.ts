// Every migration, in order. A new one is generated with `node tools/db.mjs migration:create <name>`
// (after `node tools/build-server.mjs`) and added here.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122045354_Initial } from './Migration20261122045354_Initial.js';
import { Migration20261122060230_Notifications } from './Migration20261122060230_Notifications.js';
import { Migration20261122074622_NotificationPreferences } from './Migration20261122074622_NotificationPreferences.js';
import { Migration20261122091442_Discussions } from './Migration20261122091442_Discussions.js';
import { Migration20261128193743_DiscussionsModeration } from './Migration20261128193743_DiscussionsModeration.js';
import { Migration20261129160000_Documents } from './Migration20261129160000_Documents.js';
import { Migration20261129175833_Meetings } from './Migration20261129175833_Meetings.js';
import { Migration20261129185117_Pitches } from './Migration20261129185117_Pitches.js';
import { Migration20261129202904_AccountSecurity } from './Migration20261129202904_AccountSecurity.js';
import { Migration20261129204616_DataExports } from './Migration20261129204616_DataExports.js';
import { Migration20261206160000_OutboxDelivery } from './Migration20261206160000_OutboxDelivery.js';
import { Migration20261206233000_ThreadWatchersIndex } from './Migration20261206233000_ThreadWatchersIndex.js';
import { Migration20261207090000_PostsGroupSearch } from './Migration20261207090000_PostsGroupSearch.js';
import { Migration20261207100000_UnreadNotificationsIndex } from './Migration20261207100000_UnreadNotificationsIndex.js';
import { Migration20261207120000_MeetingMovedFrom } from './Migration20261207120000_MeetingMovedFrom.js';
import { Migration20261208090000_FormTranslations } from './Migration20261208090000_FormTranslations.js';
import { Migration20261208200000_WebPush } from './Migration20261208200000_WebPush.js';
import { Migration20261209090000_EmailReplies } from './Migration20261209090000_EmailReplies.js';
import { Migration20261209100000_ThreadEdits } from './Migration20261209100000_ThreadEdits.js';
import { Migration20261209110000_PartnerOrganisations } from './Migration20261209110000_PartnerOrganisations.js';
import { Migration20261209120000_GroupArchiving } from './Migration20261209120000_GroupArchiving.js';
import { Migration20261209130000_EventProgramme } from './Migration20261209130000_EventProgramme.js';
import { Migration20261209140000_MeetingHosts } from './Migration20261209140000_MeetingHosts.js';
import { Migration20261209150000_NetworkEvents } from './Migration20261209150000_NetworkEvents.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122045354_Initial', class: Migration20261122045354_Initial },
  { name: 'Migration20261122060230_Notifications', class: Migration20261122060230_Notifications },
  { name: 'Migration20261122074622_NotificationPreferences', class: Migration20261122074622_NotificationPreferences },
  { name: 'Migration20261122091442_Discussions', class: Migration20261122091442_Discussions },
  { name: 'Migration20261128193743_DiscussionsModeration', class: Migration20261128193743_DiscussionsModeration },
  { name: 'Migration20261129160000_Documents', class: Migration20261129160000_Documents },
  { name: 'Migration20261129175833_Meetings', class: Migration20261129175833_Meetings },
  { name: 'Migration20261129185117_Pitches', class: Migration20261129185117_Pitches },
  { name: 'Migration20261129202904_AccountSecurity', class: Migration20261129202904_AccountSecurity },
  { name: 'Migration20261129204616_DataExports', class: Migration20261129204616_DataExports },
  { name: 'Migration20261206160000_OutboxDelivery', class: Migration20261206160000_OutboxDelivery },
  { name: 'Migration20261206233000_ThreadWatchersIndex', class: Migration20261206233000_ThreadWatchersIndex },
  { name: 'Migration20261207090000_PostsGroupSearch', class: Migration20261207090000_PostsGroupSearch },
  { name: 'Migration20261207100000_UnreadNotificationsIndex', class: Migration20261207100000_UnreadNotificationsIndex },
  { name: 'Migration20261207120000_MeetingMovedFrom', class: Migration20261207120000_MeetingMovedFrom },
  { name: 'Migration20261208090000_FormTranslations', class: Migration20261208090000_FormTranslations },
  { name: 'Migration20261208200000_WebPush', class: Migration20261208200000_WebPush },
  { name: 'Migration20261209090000_EmailReplies', class: Migration20261209090000_EmailReplies },
  { name: 'Migration20261209100000_ThreadEdits', class: Migration20261209100000_ThreadEdits },
  {
    name: 'Migration20261209110000_PartnerOrganisations',
    class: Migration20261209110000_PartnerOrganisations,
  },
  { name: 'Migration20261209120000_GroupArchiving', class: Migration20261209120000_GroupArchiving },
  { name: 'Migration20261209130000_EventProgramme', class: Migration20261209130000_EventProgramme },
  { name: 'Migration20261209140000_MeetingHosts', class: Migration20261209140000_MeetingHosts },
  { name: 'Migration20261209150000_NetworkEvents', class: Migration20261209150000_NetworkEvents },
];
