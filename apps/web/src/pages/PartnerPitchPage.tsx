export { PartnerPitchPage as default } from '@convene/web-submissions';
