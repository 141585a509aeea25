import { DomainError, InputError, forbidden, notFound } from '@convene/server-core';
import { ErrorCode } from '@convene/shared-contracts';

export enum SubmissionsErrorCode {
  FormNotFound = 'FORM_NOT_FOUND',
  FormClosed = 'FORM_CLOSED',
  FormSlugTaken = 'FORM_SLUG_TAKEN',
  PitchNotFound = 'PITCH_NOT_FOUND',
  PitchClosed = 'PITCH_CLOSED',
  NotAReviewer = 'NOT_A_REVIEWER',
  NotAFormManager = 'NOT_A_FORM_MANAGER',
  NotTheFormMaker = 'NOT_THE_FORM_MAKER',
  UnknownGroup = 'UNKNOWN_GROUP',
  ReviewerNotAConvenor = 'REVIEWER_NOT_A_CONVENOR',
  BadTransition = 'BAD_STATUS_CHANGE',
  AttachmentNotFound = 'ATTACHMENT_NOT_FOUND',
  ConsentRequired = 'CONSENT_REQUIRED',
  NotAMemberOfGroup = 'NOT_A_MEMBER_OF_GROUP',
}

export const submissionsErrors = {
  formNotFound: () => notFound('The form', SubmissionsErrorCode.FormNotFound),
  formClosed: () =>
    new DomainError(
      ErrorCode.Conflict,
      SubmissionsErrorCode.FormClosed,
      'This form is closed: it no longer takes pitches.',
    ),
  formSlugTaken: () =>
    new InputError(
      { slug: 'Another form uses this address.' },
      SubmissionsErrorCode.FormSlugTaken,
      'Another form uses this address.',
    ),
  // A pitch the viewer may not review, a wrong private link and a missing pitch answer alike.
  pitchNotFound: () => notFound('The pitch', SubmissionsErrorCode.PitchNotFound),
  pitchClosed: () =>
    new DomainError(
      ErrorCode.Conflict,
      SubmissionsErrorCode.PitchClosed,
      'This pitch is closed: it was accepted, declined or withdrawn.',
    ),
  notAFormManager: () =>
    forbidden(SubmissionsErrorCode.NotAFormManager, 'Only network admins and convenors can shape pitch forms.'),
  notTheFormMaker: () =>
    forbidden(
      SubmissionsErrorCode.NotTheFormMaker,
      'Only the person who made this form, or a network admin, can change it.',
    ),
  unknownGroup: (field = 'groupIds') =>
    new InputError(
      { [field]: 'Choose working groups from the list.' },
      SubmissionsErrorCode.UnknownGroup,
      'Choose working groups from the list.',
    ),
  reviewerNotAConvenor: () =>
    new InputError(
      { reviewerIds: 'Reviewers are convenors of a group the pitch concerns.' },
      SubmissionsErrorCode.ReviewerNotAConvenor,
      'Reviewers are convenors of a group the pitch concerns.',
    ),
  badTransition: (message: string) => new InputError({ status: message }, SubmissionsErrorCode.BadTransition, message),
  attachmentNotFound: () =>
    new InputError(
      { attachments: 'An attachment was not found: upload it again.' },
      SubmissionsErrorCode.AttachmentNotFound,
      'An attachment was not found: upload it again.',
    ),
  consentRequired: () =>
    new InputError(
      { consent: 'Please agree to how your pitch is kept, or we can’t receive it.' },
      SubmissionsErrorCode.ConsentRequired,
      'Consent is required.',
    ),
  notAMemberOfGroup: () =>
    new InputError(
      { groupId: 'Join this group first: the pitch becomes a discussion there in your name.' },
      SubmissionsErrorCode.NotAMemberOfGroup,
      'Join this group first.',
    ),
};
