export { PitchFormPage as default } from '@convene/web-submissions';
