// The app's one i18next instance, in the language this device chose. It starts with the shell's
// texts and the app's own in English (their Arabic is fetched when shown); each feature's are
// fetched, in the language shown, with the first page that reads them (routes/lazy-page.ts).
import { discussionsTranslations } from '@convene/web-discussions';
import { documentsTranslations } from '@convene/web-documents';
import { groupsTranslations } from '@convene/web-groups';
import { accountTranslations, identityTranslations } from '@convene/web-identity';
import { calendarFeedTranslations, meetingsTranslations, programmeTranslations } from '@convene/web-meetings';
import { notificationsTranslations } from '@convene/web-notifications';
import { submissionsTranslations } from '@convene/web-submissions';
import { createI18n, detectInitialLocale } from '@convene/web-ui';
import { appEn } from './app.en';
import { appTranslations } from './app-translations';

export const initialLocale = detectInitialLocale();
export const i18n = createI18n({ app: { en: appEn } }, initialLocale, {
  app: appTranslations,
  identity: identityTranslations,
  account: accountTranslations,
  groups: groupsTranslations,
  notifications: notificationsTranslations,
  discussions: discussionsTranslations,
  documents: documentsTranslations,
  meetings: meetingsTranslations,
  programme: programmeTranslations,
  calendarFeed: calendarFeedTranslations,
  submissions: submissionsTranslations,
});

/** A namespace of a feature, as its pages name it. */
export type FeatureNamespace =
  | 'identity'
  | 'account'
  | 'groups'
  | 'notifications'
  | 'discussions'
  | 'documents'
  | 'meetings'
  | 'calendarFeed'
  | 'submissions';
