export { PitchFormPage } from './components/PitchFormPage';
export { PartnerPitchPage } from './components/PartnerPitchPage';
export { PitchBoardPage } from './components/PitchBoardPage';
export { PitchReviewPage } from './components/PitchReviewPage';
export { PitchFormsPage } from './components/PitchFormsPage';
export { PitchFormEditPage } from './components/PitchFormEditPage';
export { submissionsResources } from './i18n/submissions-resources';
export { submissionsTranslations } from './i18n/submissions-translations';
