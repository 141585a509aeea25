// Input limits shared by server validation and client forms.
export const LIMITS = {
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 128,
  displayNameMax: 80,
  groupNameMax: 80,
  groupSlugMin: 2,
  groupSlugMax: 48,
  groupPurposeMax: 2000,
  joinMessageMax: 500,
  organisationNameMax: 120,
  timeZoneMax: 64,
  threadTitleMax: 200,
  postBodyMax: 20_000,
  threadTagsMax: 5,
  threadTagMax: 30,
  /** Largest page of threads or posts one request may ask for. */
  discussionPageMax: 100,
  /** People one post may @mention. */
  mentionsMax: 20,
  moderationReasonMax: 500,
  searchQueryMax: 200,
  searchPageMax: 50,
  documentTitleMax: 255,
  documentDescriptionMax: 2000,
  documentTagsMax: 8,
  documentTagMax: 30,
  folderNameMax: 120,
  /** Largest page of documents one request may ask for. */
  documentPageMax: 100,
} as const;

export const GROUP_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Deliberately simple: one @, no spaces, a dot in the domain. Real proof is the invitation mail. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
