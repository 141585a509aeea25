export { PitchFormsPage as default } from '@convene/web-submissions';
