export { GroupMeetings } from './components/GroupMeetings';
export { MeetingPage } from './components/MeetingPage';
export { CalendarPage } from './components/CalendarPage';
export { PollPage } from './components/PollPage';
export { PublicEventPage } from './components/PublicEventPage';
export { RegistrationPage } from './components/RegistrationPage';
export { meetingsResources } from './i18n/meetings-resources';
export { meetingsTranslations } from './i18n/meetings-translations';
