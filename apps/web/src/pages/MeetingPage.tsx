export { MeetingPage as default } from '@convene/web-meetings';
