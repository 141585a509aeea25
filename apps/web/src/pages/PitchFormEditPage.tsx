export { PitchFormEditPage as default } from '@convene/web-submissions';
