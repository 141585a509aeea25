import { PitchAttachment } from './pitch-attachment.entity.js';
import { PitchForm } from './pitch-form.entity.js';
import { PitchLink } from './pitch-link.entity.js';
import { PitchMessage } from './pitch-message.entity.js';
import { PitchNote } from './pitch-note.entity.js';
import { PitchReviewer } from './pitch-reviewer.entity.js';
import { Pitch } from './pitch.entity.js';

export { SubmissionsModule } from './submissions.module.js';
export { PitchFormsService, type PitchFormInput } from './pitch-forms.service.js';
export { PitchRetentionService } from './pitch-retention.service.js';
export { PartnerPitchesService, type PartnerView, type SubmitPitchInput } from './partner-pitches.service.js';
export { PitchTriageService, type PitchAccess, type PitchFilter } from './pitch-triage.service.js';
export { PitchAttachmentsService, type UploadedAttachment } from './pitch-attachments.service.js';
export { PitchAcceptanceService } from './pitch-acceptance.service.js';
export { SubmissionsErrorCode, submissionsErrors } from './submissions.errors.js';
export type { PitchField } from './pitch-form.entity.js';
export {
  newPitch,
  newPitchForm,
  newPitchMessage,
  newPitchNote,
  type NewPitch,
  type NewPitchForm,
  type NewPitchMessage,
} from './submissions.factory.js';
export type { Pitch, PitchForm, PitchMessage, PitchNote, PitchReviewer, PitchAttachment, PitchLink };

/** Entities of this domain, for the ORM configuration of the composition roots. */
export const submissionsEntities = [
  PitchForm,
  Pitch,
  PitchLink,
  PitchMessage,
  PitchNote,
  PitchReviewer,
  PitchAttachment,
];
