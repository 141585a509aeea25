export { PitchReviewPage as default } from '@convene/web-submissions';
