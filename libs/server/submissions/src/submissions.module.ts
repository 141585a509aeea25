import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { GroupsModule } from '@convene/server-groups';
import { IdentityModule } from '@convene/server-identity';
import { MailModule } from '@convene/server-mail';
import { DocumentsModule } from '@convene/server-documents';
import { StorageModule } from '@convene/server-storage';
import { DiscussionsModule } from '@convene/server-discussions';
import { PartnerPitchesService } from './partner-pitches.service.js';
import { PitchAcceptanceService } from './pitch-acceptance.service.js';
import { PitchAttachment } from './pitch-attachment.entity.js';
import { PitchAttachmentsService } from './pitch-attachments.service.js';
import { PitchForm } from './pitch-form.entity.js';
import { PitchFormsService } from './pitch-forms.service.js';
import { PitchLink } from './pitch-link.entity.js';
import { PitchMailService } from './pitch-mail.service.js';
import { PitchMessage } from './pitch-message.entity.js';
import { PitchNote } from './pitch-note.entity.js';
import { PitchRecipientsService } from './pitch-recipients.service.js';
import { PitchReviewer } from './pitch-reviewer.entity.js';
import { Pitch } from './pitch.entity.js';
import { PitchRetentionService } from './pitch-retention.service.js';
import { PitchTriageService } from './pitch-triage.service.js';
import { SubmissionsPersonalData } from './submissions-personal-data.js';

@Module({
  imports: [
    MikroOrmModule.forFeature([PitchForm, Pitch, PitchLink, PitchMessage, PitchNote, PitchReviewer, PitchAttachment]),
    GroupsModule,
    IdentityModule,
    MailModule,
    DocumentsModule,
    DiscussionsModule,
    StorageModule,
  ],
  providers: [
    PitchFormsService,
    PitchMailService,
    PitchRecipientsService,
    PartnerPitchesService,
    PitchTriageService,
    PitchRetentionService,
    PitchAttachmentsService,
    PitchAcceptanceService,
    SubmissionsPersonalData,
  ],
  exports: [
    PitchFormsService,
    PartnerPitchesService,
    PitchTriageService,
    PitchRetentionService,
    PitchAttachmentsService,
    PitchAcceptanceService,
  ],
})
export class SubmissionsModule {}
