export { CalendarPage as default } from '@convene/web-meetings';
