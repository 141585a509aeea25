export { PollPage as default } from '@convene/web-meetings';
