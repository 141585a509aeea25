export { PitchBoardPage as default } from '@convene/web-submissions';
