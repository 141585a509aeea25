// Who may do what to group A's objects: one row per GraphQL query and mutation, per field that
// carries group data beyond its parent, per REST route and per socket event, with the expected
// outcome for each of seven roles. authorization-matrix.int.spec.ts fails when an operation of the
// schema, a route of the running app or a client socket event has no row here, and when any cell
// disagrees with what the running API does.
//
// The roles, all acting on group A's objects:
//   anonymous    no session
//   linkHolder   no session, but holds the private links the world's mails carry: the event
//                registration link, the pitch partner link, an invitation to A, a password-reset
//                link and an unsubscribe link (anywhere else it is anonymous)
//   memberA      an active member of A
//   convenorA    an active convenor of A
//   memberB      an active member of group B only
//   admin        a network admin, member of no group
//   deactivated  a convenor of A whom an admin deactivated while signed in: the old cookie must be
//                refused everywhere (public operations treat it as anonymous) and sign-in too
// Roles that do not hold a private link try a guessed one where an operation takes a token.
//
// 'allow' means the real object or effect came back (the id of A's object, the row changed);
// 'deny' means refused with UNAUTHENTICATED, FORBIDDEN or NOT_FOUND (or 401/403/404, or a refused
// socket), or for a list or a nullable field, A's object left out / null — and nothing changed.

export const ROLES = ['anonymous', 'linkHolder', 'memberA', 'convenorA', 'memberB', 'admin', 'deactivated'] as const;
export type Role = (typeof ROLES)[number];
export type Outcome = 'allow' | 'deny';
export type RowKind = 'query' | 'mutation' | 'field' | 'rest' | 'socket';

export interface AccessRow {
  kind: RowKind;
  expect: Readonly<Record<Role, Outcome>>;
  why?: string;
  /** For operations on the caller's own data: what "own" means. Never group A's objects for anyone outside A. */
  own?: string;
  /** Refusals answered with another code than UNAUTHENTICATED/FORBIDDEN/NOT_FOUND, with the reason in `why`. */
  refusedAs?: readonly string[];
}

/** Allowed for these roles, denied for the others. */
export const only = (...allowed: Role[]): Readonly<Record<Role, Outcome>> =>
  Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role) ? 'allow' : 'deny'])) as Record<Role, Outcome>;

const EVERYONE = only(...ROLES);
/** Anyone with a live session. */
const SIGNED_IN = only('memberA', 'convenorA', 'memberB', 'admin');
/** The people of group A. */
const IN_A = only('memberA', 'convenorA');
/** The people of group A, and network admins (who oversee every group's meetings and members). */
const IN_A_OR_ADMIN = only('memberA', 'convenorA', 'admin');
/** Those who manage group A: its convenors and the network admins. */
const MANAGERS_A = only('convenorA', 'admin');
const CONVENOR_A = only('convenorA');
const ADMIN = only('admin');
/** Whoever holds the private link (the link is the only credential). */
const LINK = only('linkHolder');
/** Anyone but the deactivated account: a public operation on the caller's own account. */
const ACCOUNTS_AND_ANONYMOUS = only('anonymous', 'linkHolder', 'memberA', 'convenorA', 'memberB', 'admin');

const ADMINS_NOT_IN_FILES = 'network admins do not read or change groups’ files and discussions';
const PUBLIC_FORM = 'a public page or form: no account needed, the session plays no part';

export const ACCESS_TABLE = {
  // ---- queries ----
  archivedWorkingGroups: { kind: 'query', expect: ADMIN, why: 'archived groups are restored by network admins' },
  auditLog: { kind: 'query', expect: ADMIN },
  calendarFeed: { kind: 'query', expect: SIGNED_IN, own: 'the viewer’s own feed status' },
  document: { kind: 'query', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  documentSettings: { kind: 'query', expect: SIGNED_IN, why: 'upload limits, no group data' },
  eventRegistrations: {
    kind: 'query',
    expect: MANAGERS_A,
    why: 'registrants’ names and emails are for the organisers',
  },
  invitation: { kind: 'query', expect: LINK },
  me: { kind: 'query', expect: SIGNED_IN, own: 'the account of the session; null without one' },
  meeting: { kind: 'query', expect: IN_A_OR_ADMIN },
  meetingPoll: { kind: 'query', expect: IN_A_OR_ADMIN },
  myCalendar: {
    kind: 'query',
    expect: IN_A,
    own: 'the meetings of the viewer’s own groups: A’s meeting only for A’s people',
  },
  myDataExports: {
    kind: 'query',
    expect: only('memberA'),
    own: 'the viewer’s exports: memberA’s export is listed to memberA alone',
  },
  myPitch: { kind: 'query', expect: LINK },
  myProgramme: { kind: 'query', expect: LINK },
  myRegistration: { kind: 'query', expect: LINK },
  myPushDevices: {
    kind: 'query',
    expect: only('memberA'),
    own: 'the viewer’s devices with notifications on: memberA’s device is listed to memberA alone',
  },
  mySessions: {
    kind: 'query',
    expect: SIGNED_IN,
    own: 'the viewer’s sessions, the current one marked; never another person’s',
  },
  networkPeople: { kind: 'query', expect: ADMIN, why: 'lists emails' },
  networkSettings: { kind: 'query', expect: EVERYONE, why: 'the sign-up page needs the mode' },
  notificationSettings: {
    kind: 'query',
    expect: IN_A,
    own: 'the viewer’s settings, listing their own groups: A only for A’s people',
  },
  notifications: {
    kind: 'query',
    expect: only('memberA'),
    own: 'the recipient’s notifications: memberA’s is listed to memberA alone',
  },
  pushPublicKey: {
    kind: 'query',
    expect: EVERYONE,
    why: 'the VAPID public key is public by design (browsers subscribe with it)',
  },
  partnerOrganisation: {
    kind: 'query',
    expect: SIGNED_IN,
    why: 'an organisation’s name, kind and description are for everyone in the network; its fields with people say who sees them',
  },
  partnerOrganisations: {
    kind: 'query',
    expect: SIGNED_IN,
    why: 'the profile form’s choices and the organisations page',
  },
  passwordReset: { kind: 'query', expect: LINK },
  pitch: {
    kind: 'query',
    expect: MANAGERS_A,
    why: 'pitches are triaged by the convenors of their groups and the admins',
  },
  pitchForm: { kind: 'query', expect: EVERYONE, why: PUBLIC_FORM },
  pitchForms: { kind: 'query', expect: MANAGERS_A, why: 'network admins and convenors (of any group) edit forms' },
  pitches: {
    kind: 'query',
    expect: MANAGERS_A,
    own: 'pitches to the groups the viewer convenes (every pitch for admins): A’s pitch only for its triagers',
  },
  postRevisions: { kind: 'query', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  threadRevisions: { kind: 'query', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  previewPost: { kind: 'query', expect: IN_A, why: 'with groupId A it resolves mentions of A’s members' },
  publicEvent: { kind: 'query', expect: EVERYONE, why: PUBLIC_FORM },
  sessionAttendees: {
    kind: 'query',
    expect: MANAGERS_A,
    why: 'names and emails of who picked a workshop: for whoever may manage the event',
  },
  search: {
    kind: 'query',
    expect: IN_A,
    own: 'searches the viewer’s own groups: A’s posts only for A’s people, even when asked for A by id',
  },
  searchDocuments: {
    kind: 'query',
    expect: IN_A,
    own: 'searches the viewer’s own groups: A’s documents only for A’s people, even when asked for A by id',
  },
  thread: { kind: 'query', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  twoFactor: { kind: 'query', expect: SIGNED_IN, own: 'the viewer’s two-factor status' },
  unreadNotificationCount: { kind: 'query', expect: SIGNED_IN, own: 'the viewer’s own count' },
  workingGroup: {
    kind: 'query',
    expect: SIGNED_IN,
    why: 'every group’s name and purpose are the network’s directory; what is inside has its field rows',
  },
  workingGroups: {
    kind: 'query',
    expect: SIGNED_IN,
    why: 'the network’s directory; what is inside has its field rows',
  },

  // ---- mutations ----
  acceptPitch: {
    kind: 'mutation',
    expect: CONVENOR_A,
    refusedAs: ['BAD_USER_INPUT'],
    why: 'accepting starts a discussion in the acceptor’s name: an admin outside A is told to join first (BAD_USER_INPUT)',
  },
  addProgrammeSession: { kind: 'mutation', expect: MANAGERS_A },
  archiveGroup: { kind: 'mutation', expect: ADMIN, why: 'archiving is the network admins’, like the group’s settings' },
  answerMeetingPoll: {
    kind: 'mutation',
    expect: IN_A,
    why: 'admins manage polls but answer only where they are members',
  },
  beginTwoFactorSetup: { kind: 'mutation', expect: SIGNED_IN, own: 'the viewer’s own account' },
  cancelMeeting: { kind: 'mutation', expect: MANAGERS_A },
  cancelRegistration: { kind: 'mutation', expect: LINK },
  chooseSessions: { kind: 'mutation', expect: LINK },
  changePassword: { kind: 'mutation', expect: SIGNED_IN, own: 'the viewer’s own password' },
  checkInRegistration: { kind: 'mutation', expect: MANAGERS_A },
  closeMeetingPoll: { kind: 'mutation', expect: MANAGERS_A },
  configureEvent: { kind: 'mutation', expect: MANAGERS_A },
  confirmTwoFactorSetup: { kind: 'mutation', expect: SIGNED_IN, own: 'the viewer’s own account' },
  createDocumentFolder: { kind: 'mutation', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  createMeetingPoll: { kind: 'mutation', expect: MANAGERS_A },
  createThread: { kind: 'mutation', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  createWorkingGroup: { kind: 'mutation', expect: ADMIN },
  deactivateAccount: { kind: 'mutation', expect: ADMIN },
  decideMembership: { kind: 'mutation', expect: MANAGERS_A },
  decideRegistration: { kind: 'mutation', expect: MANAGERS_A },
  deleteAccount: { kind: 'mutation', expect: SIGNED_IN, own: 'the viewer’s own account, with its password' },
  deleteDocumentFolder: {
    kind: 'mutation',
    expect: IN_A,
    refusedAs: ['BAD_USER_INPUT'],
    why: 'a folder of a group one is not in is answered like one that does not exist: a field error on its id',
  },
  deletePost: {
    kind: 'mutation',
    expect: only('memberA'),
    why: 'memberA’s post: its author alone deletes it (convenors hide)',
  },
  disableTwoFactor: { kind: 'mutation', expect: SIGNED_IN, own: 'the viewer’s own account' },
  discussDocument: { kind: 'mutation', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  editPost: { kind: 'mutation', expect: only('memberA'), why: 'memberA’s post: its author alone edits it' },
  emailRegistrants: { kind: 'mutation', expect: MANAGERS_A },
  hidePost: {
    kind: 'mutation',
    expect: CONVENOR_A,
    why: 'moderation is for the group’s convenors; admins are not shown the discussion',
  },
  inviteMember: { kind: 'mutation', expect: MANAGERS_A },
  inviteToNetwork: { kind: 'mutation', expect: ADMIN },
  leaveGroup: { kind: 'mutation', expect: IN_A, own: 'the viewer’s own membership of A' },
  linkDocumentToThread: { kind: 'mutation', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  lockThread: { kind: 'mutation', expect: CONVENOR_A, why: 'moderation is for the group’s convenors' },
  removeProgrammeSession: { kind: 'mutation', expect: MANAGERS_A },
  reorderProgrammeSessions: { kind: 'mutation', expect: MANAGERS_A },
  updateProgrammeSession: { kind: 'mutation', expect: MANAGERS_A },
  updateThread: {
    kind: 'mutation',
    expect: only('memberA', 'convenorA'),
    why: 'memberA’s discussion: its author, and the group’s convenors, change its title and tags',
  },
  markNotificationsRead: {
    kind: 'mutation',
    expect: only('memberA'),
    own: 'the recipient’s notifications: memberA’s, by id, only memberA can mark',
  },
  markThreadRead: { kind: 'mutation', expect: IN_A, own: 'the viewer’s read position in A’s thread' },
  moveDocument: { kind: 'mutation', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  moveThread: { kind: 'mutation', expect: CONVENOR_A, why: 'to another group the convenor also convenes' },
  pickMeetingPollSlot: { kind: 'mutation', expect: MANAGERS_A },
  pinThread: { kind: 'mutation', expect: CONVENOR_A, why: 'moderation is for the group’s convenors' },
  reactToPost: { kind: 'mutation', expect: IN_A },
  reactivateAccount: { kind: 'mutation', expect: ADMIN },
  regenerateRecoveryCodes: { kind: 'mutation', expect: SIGNED_IN, own: 'the viewer’s own account' },
  registerForEvent: { kind: 'mutation', expect: EVERYONE, why: PUBLIC_FORM },
  removeMember: { kind: 'mutation', expect: MANAGERS_A },
  reply: { kind: 'mutation', expect: IN_A },
  replyToPitch: { kind: 'mutation', expect: LINK },
  requestDataExport: { kind: 'mutation', expect: SIGNED_IN, own: 'an export of the viewer’s own data' },
  requestPasswordReset: {
    kind: 'mutation',
    expect: ACCOUNTS_AND_ANONYMOUS,
    own: 'a link mailed for the caller’s own address; none for a deactivated account',
  },
  requestToJoin: {
    kind: 'mutation',
    expect: only('memberB', 'admin'),
    refusedAs: ['CONFLICT'],
    own: 'the viewer’s own request to join A; A’s people are members already (CONFLICT)',
  },
  resetCalendarFeed: { kind: 'mutation', expect: SIGNED_IN, own: 'the viewer’s own feed' },
  resetPassword: { kind: 'mutation', expect: LINK },
  restoreGroup: { kind: 'mutation', expect: ADMIN, why: 'restoring is the network admins’, like archiving' },
  respondToInvitation: {
    kind: 'mutation',
    expect: only('memberB'),
    refusedAs: ['CONFLICT'],
    own: 'the invitation to A addressed to memberB; nobody else can accept it (A’s people and the admin have no invitation: CONFLICT NOT_INVITED)',
  },
  restoreDocument: { kind: 'mutation', expect: CONVENOR_A, why: 'the trash is the convenors’' },
  restoreDocumentVersion: { kind: 'mutation', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  reviewPitch: { kind: 'mutation', expect: MANAGERS_A },
  revokeCalendarFeed: { kind: 'mutation', expect: SIGNED_IN, own: 'the viewer’s own feed' },
  revokeOtherSessions: { kind: 'mutation', expect: SIGNED_IN, own: 'the viewer’s own other sessions' },
  registerPushDevice: { kind: 'mutation', expect: SIGNED_IN, own: 'a device of the viewer’s own' },
  removePushDevice: {
    kind: 'mutation',
    expect: only('memberA'),
    own: 'a device of memberA’s: only memberA can remove it',
  },
  revokeSession: { kind: 'mutation', expect: only('memberA'), own: 'a session of memberA’s: only memberA can end it' },
  rsvp: { kind: 'mutation', expect: IN_A, why: 'admins manage meetings but answer only where they are members' },
  savePitchForm: {
    kind: 'mutation',
    expect: MANAGERS_A,
    why: 'network admins and convenors (of any group) edit forms',
  },
  scheduleMeeting: { kind: 'mutation', expect: MANAGERS_A },
  scheduleNetworkEvent: {
    kind: 'mutation',
    expect: ADMIN,
    why: 'network admins and the event organisers they name (no role here is one)',
  },
  setGroupNotificationLevel: { kind: 'mutation', expect: IN_A, own: 'the viewer’s own level for a group they are in' },
  setMemberRole: { kind: 'mutation', expect: MANAGERS_A },
  createPartnerOrganisation: { kind: 'mutation', expect: ADMIN },
  updatePartnerOrganisation: { kind: 'mutation', expect: ADMIN },
  archivePartnerOrganisation: { kind: 'mutation', expect: ADMIN },
  restorePartnerOrganisation: { kind: 'mutation', expect: ADMIN },
  mergePartnerOrganisations: { kind: 'mutation', expect: ADMIN },
  decideAffiliation: { kind: 'mutation', expect: ADMIN },
  setNetworkRole: { kind: 'mutation', expect: ADMIN },
  setThreadNotificationLevel: {
    kind: 'mutation',
    expect: IN_A,
    own: 'the viewer’s own level for a thread they can read',
  },
  signIn: {
    kind: 'mutation',
    expect: ACCOUNTS_AND_ANONYMOUS,
    own: 'signing in with one’s own email and password (the anonymous roles: a new account’s)',
  },
  signOut: { kind: 'mutation', expect: SIGNED_IN, own: 'ends the caller’s own session; false without one' },
  signUp: { kind: 'mutation', expect: EVERYONE, why: 'the network is open for sign-up; the session plays no part' },
  submitPitch: { kind: 'mutation', expect: EVERYONE, why: PUBLIC_FORM },
  trashDocument: { kind: 'mutation', expect: IN_A, why: 'memberA’s upload: its uploader and the convenors' },
  unhidePost: { kind: 'mutation', expect: CONVENOR_A, why: 'moderation is for the group’s convenors' },
  unlinkDocumentFromThread: { kind: 'mutation', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  unsubscribe: {
    kind: 'mutation',
    expect: LINK,
    refusedAs: ['BAD_USER_INPUT'],
    why: 'a forged link is a bad link (BAD_USER_INPUT), whoever sends it',
  },
  updateDocument: { kind: 'mutation', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  updateDocumentFolder: {
    kind: 'mutation',
    expect: IN_A,
    refusedAs: ['BAD_USER_INPUT'],
    why: 'a folder of a group one is not in is answered like one that does not exist: a field error on its id',
  },
  updateDocumentSettings: { kind: 'mutation', expect: ADMIN },
  updateMeeting: { kind: 'mutation', expect: MANAGERS_A },
  updateNetworkSettings: { kind: 'mutation', expect: ADMIN },
  updateNotificationSettings: { kind: 'mutation', expect: SIGNED_IN, own: 'the viewer’s own settings' },
  updateProfile: { kind: 'mutation', expect: SIGNED_IN, own: 'the viewer’s own profile' },
  updateWorkingGroup: {
    kind: 'mutation',
    expect: ADMIN,
    why: 'group settings are the network admins’; convenors manage people',
  },
  withdrawPitch: { kind: 'mutation', expect: LINK },

  // ---- fields that show more of group A than their parent ----
  'WorkingGroup.members': { kind: 'field', expect: IN_A_OR_ADMIN, why: 'A’s member list is visible to its members' },
  'WorkingGroup.convenors': { kind: 'field', expect: IN_A_OR_ADMIN },
  'WorkingGroup.pendingRequests': { kind: 'field', expect: MANAGERS_A },
  'WorkingGroup.memberCount': { kind: 'field', expect: IN_A_OR_ADMIN },
  'WorkingGroup.threads': { kind: 'field', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  'WorkingGroup.documents': { kind: 'field', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  'WorkingGroup.documentFolders': { kind: 'field', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  'WorkingGroup.meetings': { kind: 'field', expect: IN_A_OR_ADMIN },
  'WorkingGroup.meetingPolls': { kind: 'field', expect: IN_A_OR_ADMIN },
  'WorkingGroup.mentionable': { kind: 'field', expect: IN_A, why: 'only people in the group mention its members' },
  'Membership.message': {
    kind: 'field',
    expect: MANAGERS_A,
    why: 'a join request’s note is for the requester and the group’s managers',
  },
  'User.organisation': {
    kind: 'field',
    expect: IN_A_OR_ADMIN,
    why: 'memberA’s organisation, shown where A’s member list is',
  },
  'Viewer.email': {
    kind: 'field',
    expect: SIGNED_IN,
    own: 'the viewer’s own email (others’ emails only in networkPeople, for admins)',
  },
  'Post.body': {
    kind: 'field',
    expect: CONVENOR_A,
    why: 'a hidden post’s text (body and bodyHtml): for its author and the convenors, not other members',
  },
  'Meeting.onlineUrl': {
    kind: 'field',
    expect: IN_A_OR_ADMIN,
    why: 'the call link goes to the group, never outside it',
  },
  'Meeting.rsvps': { kind: 'field', expect: IN_A_OR_ADMIN },
  'Rsvp.note': {
    kind: 'field',
    expect: MANAGERS_A,
    why: 'another member’s access needs: for the meeting’s managers and the writer only',
  },
  'Meeting.registrationCounts': { kind: 'field', expect: MANAGERS_A },
  'Meeting.agendaDocument': {
    kind: 'field',
    expect: IN_A,
    why: 'shown while the viewer may read the document: ' + ADMINS_NOT_IN_FILES,
  },
  'Meeting.minutesDocument': {
    kind: 'field',
    expect: IN_A,
    why: 'shown while the viewer may read the document: ' + ADMINS_NOT_IN_FILES,
  },
  'Meeting.thread': {
    kind: 'field',
    expect: IN_A,
    why: 'shown while the viewer may read the thread: ' + ADMINS_NOT_IN_FILES,
  },
  'PollSlot.votes': {
    kind: 'field',
    expect: IN_A_OR_ADMIN,
    why: 'named answers, where A’s member list is visible to members',
  },
  'Pitch.notes': { kind: 'field', expect: MANAGERS_A, why: 'internal notes: never the partner’s, nor other members’' },
  'Pitch.reviewers': { kind: 'field', expect: MANAGERS_A },
  'Pitch.senderOrganisation': {
    kind: 'field',
    expect: MANAGERS_A,
    why: 'who sent it, for its triagers: the partner’s organisation when their address is a confirmed person’s',
  },
  'PartnerOrganisationProfile.people': {
    kind: 'field',
    expect: IN_A_OR_ADMIN,
    why: 'memberA, confirmed at the organisation, seen as A’s member list shows them (and by themself)',
  },
  'PartnerOrganisationProfile.workingGroups': {
    kind: 'field',
    expect: IN_A_OR_ADMIN,
    why: 'the groups its people take part in, where the viewer may see them there',
  },
  'PartnerOrganisationProfile.pitches': {
    kind: 'field',
    expect: MANAGERS_A,
    why: 'pitches its people sent: A’s pitch only for its triagers',
  },
  'PartnerOrganisationProfile.pendingAffiliationCount': {
    kind: 'field',
    expect: ADMIN,
    why: 'how many wait for an admin’s decision: for the admins who decide',
  },
  'PartnerOrganisationProfile.pendingAffiliations': {
    kind: 'field',
    expect: ADMIN,
    why: 'who says they work there, with their email, until a network admin decides',
  },
  'PitchMessage.convenor': { kind: 'field', expect: MANAGERS_A, why: 'the partner sees “the convenors”, never a name' },

  // ---- REST routes ----
  'GET /api/calendar/:file': {
    kind: 'rest',
    expect: IN_A,
    own: 'each account fetches its own secret feed: A’s meeting is in it for A’s people only; a deactivated account’s feed stops',
  },
  'GET /api/data-exports/:id/download': {
    kind: 'rest',
    expect: only('memberA'),
    own: 'memberA’s export: theirs alone',
  },
  'GET /api/dev/mail': {
    kind: 'rest',
    expect: EVERYONE,
    why: 'the development mailbox: outside production only (404 in production or with SMTP configured)',
  },
  'GET /api/documents/:id/content': { kind: 'rest', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  'GET /api/meetings/:id/ics': { kind: 'rest', expect: IN_A_OR_ADMIN },
  'GET /api/meetings/:id/registrations.csv': { kind: 'rest', expect: MANAGERS_A },
  'GET /api/programme-sessions/:id/attendees.csv': { kind: 'rest', expect: MANAGERS_A },
  'GET /api/registrations/:token/programme.ics': {
    kind: 'rest',
    expect: LINK,
    why: 'the registrant’s own sessions; the private link is the only credential',
  },
  'GET /api/pitch-links/:token/attachments/:attachmentId': { kind: 'rest', expect: LINK },
  'GET /api/pitches.csv': {
    kind: 'rest',
    expect: MANAGERS_A,
    own: 'pitches the viewer triages: A’s pitch only for its triagers',
  },
  'GET /api/pitches/:id/attachments/:attachmentId': { kind: 'rest', expect: MANAGERS_A },
  'GET /health/live': { kind: 'rest', expect: EVERYONE },
  'GET /health/ready': { kind: 'rest', expect: EVERYONE },
  'POST /api/documents/:id/versions': { kind: 'rest', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  'POST /api/groups/:groupId/documents': { kind: 'rest', expect: IN_A, why: ADMINS_NOT_IN_FILES },
  'POST /api/inbound-mail': {
    kind: 'rest',
    expect: only(),
    why: 'mail providers deliver replies here with INBOUND_MAIL_SECRET; no session, private link or reply address opens it (401)',
  },
  'POST /api/pitch-attachments': { kind: 'rest', expect: EVERYONE, why: PUBLIC_FORM },
  'POST /unsubscribe/:token': {
    kind: 'rest',
    expect: LINK,
    refusedAs: ['BAD_USER_INPUT'],
    why: 'one-click unsubscribe from a mail program; a forged link is a bad link (400)',
  },

  // ---- socket.io ----
  'socket handshake': { kind: 'socket', expect: SIGNED_IN },
  'socket thread:watch': { kind: 'socket', expect: IN_A, why: 'live signals of A’s thread, for who may read it' },
  'socket thread:unwatch': {
    kind: 'socket',
    expect: IN_A,
    own: 'leaves the caller’s own watch of A’s thread (only A’s people could watch it)',
  },
} as const satisfies Record<string, AccessRow>;

export type Operation = keyof typeof ACCESS_TABLE;

/** Types whose fields must each have a row or be listed in PUBLIC_FIELDS. */
export const GROUP_DATA_TYPES = [
  'WorkingGroup',
  'Membership',
  'Thread',
  'Post',
  'Document',
  'DocumentVersion',
  'Meeting',
  'Rsvp',
  'MeetingPoll',
  'PollSlot',
  'EventRegistration',
  'Pitch',
  'PitchMessage',
  'PitchNote',
  'PartnerOrganisationProfile',
] as const;

/**
 * Fields of the group-data types with no row of their own: each is shown to whoever may see the
 * object that carries it, or says something about the viewer alone, for the reason given.
 */
const carried = (parent: string) =>
  `no more than its parent: only reachable through ${parent}, whose rows say who may see it`;
const aboutViewer =
  'about the viewer alone (their own answer, level, read position or rights); what they may do is checked by the operations’ rows';
const directory =
  'the network’s directory of groups: every signed-in person sees every group’s name, purpose and settings';

const fieldsOf = (reason: string, ...names: string[]): Record<string, string> =>
  Object.fromEntries(names.map((name) => [name, reason]));

export const PUBLIC_FIELDS: Readonly<Record<string, string>> = {
  ...fieldsOf(
    directory,
    'WorkingGroup.id',
    'WorkingGroup.slug',
    'WorkingGroup.name',
    'WorkingGroup.purpose',
    'WorkingGroup.joinPolicy',
    'WorkingGroup.memberListVisibility',
    'WorkingGroup.contentFreeNotifications',
    'WorkingGroup.archivedAt',
  ),
  ...fieldsOf(
    aboutViewer,
    'WorkingGroup.viewerMembership',
    'WorkingGroup.viewerCanManage',
    'WorkingGroup.notificationLevel',
  ),
  ...fieldsOf(
    carried('WorkingGroup.members, convenors and pendingRequests'),
    'Membership.id',
    'Membership.user',
    'Membership.role',
    'Membership.status',
    'Membership.createdAt',
  ),
  ...fieldsOf(
    carried('thread and WorkingGroup.threads'),
    'Thread.id',
    'Thread.author',
    'Thread.createdAt',
    'Thread.documents',
    'Thread.editedAt',
    'Thread.group',
    'Thread.groupArchived',
    'Thread.lastActivityAt',
    'Thread.locked',
    'Thread.pinned',
    'Thread.posts',
    'Thread.replyCount',
    'Thread.tags',
    'Thread.title',
  ),
  ...fieldsOf(
    aboutViewer,
    'Thread.firstUnreadPostId',
    'Thread.notificationLevel',
    'Thread.readCount',
    'Thread.unreadCount',
    'Thread.viewerCanModerate',
  ),
  ...fieldsOf(
    carried('Thread.posts'),
    'Post.id',
    'Post.author',
    'Post.bodyHtml',
    'Post.createdAt',
    'Post.deleted',
    'Post.depth',
    'Post.editedAt',
    'Post.hidden',
    'Post.parentId',
    'Post.reactions',
    'Post.threadId',
  ),
  ...fieldsOf(aboutViewer, 'Post.viewerIsAuthor'),
  ...fieldsOf(
    carried('document and WorkingGroup.documents'),
    'Document.id',
    'Document.contentType',
    'Document.createdAt',
    'Document.createdBy',
    'Document.deletedAt',
    'Document.description',
    'Document.downloadUrl',
    'Document.folder',
    'Document.folderId',
    'Document.groupId',
    'Document.kind',
    'Document.linkedThreads',
    'Document.previewKind',
    'Document.size',
    'Document.tags',
    'Document.textPreview',
    'Document.threadId',
    'Document.title',
    'Document.typeLabel',
    'Document.updatedAt',
    'Document.versionCount',
    'Document.versions',
  ),
  ...fieldsOf(aboutViewer, 'Document.viewerCanDelete', 'Document.viewerCanEdit', 'Document.viewerCanManage'),
  ...fieldsOf(
    carried('Document.versions'),
    'DocumentVersion.id',
    'DocumentVersion.contentType',
    'DocumentVersion.createdAt',
    'DocumentVersion.downloadUrl',
    'DocumentVersion.fileName',
    'DocumentVersion.number',
    'DocumentVersion.restoredFrom',
    'DocumentVersion.sha256',
    'DocumentVersion.size',
    'DocumentVersion.uploadedBy',
  ),
  ...fieldsOf(
    carried('meeting, myCalendar and WorkingGroup.meetings'),
    'Meeting.id',
    'Meeting.accessibilityNotes',
    'Meeting.agendaDocumentId',
    'Meeting.agendaHtml',
    'Meeting.agendaText',
    'Meeting.cancellationReason',
    'Meeting.createdAt',
    'Meeting.description',
    'Meeting.descriptionHtml',
    'Meeting.endsAt',
    'Meeting.endsAtLocal',
    'Meeting.group',
    'Meeting.groupId',
    'Meeting.hosts',
    'Meeting.icsUrl',
    'Meeting.location',
    'Meeting.minutesDocumentId',
    'Meeting.minutesHtml',
    'Meeting.minutesText',
    'Meeting.pollId',
    'Meeting.movedFrom',
    'Meeting.recurrence',
    'Meeting.repeats',
    'Meeting.reminderMinutes',
    'Meeting.rsvpCounts',
    'Meeting.sequence',
    'Meeting.seriesId',
    'Meeting.startsAt',
    'Meeting.startsAtLocal',
    'Meeting.status',
    'Meeting.threadId',
    'Meeting.timeZone',
    'Meeting.title',
    'Meeting.updatedAt',
  ),
  'Meeting.eventForm': 'the public registration form: what publicEvent shows anyone',
  'Meeting.programme':
    'its sessions and places left: what publicEvent shows anyone for an open event; how many have a place or wait only for those who manage it (null for the rest), names only through sessionAttendees',
  ...fieldsOf(aboutViewer, 'Meeting.myRsvp', 'Meeting.viewerCanManage'),
  ...fieldsOf(carried('Meeting.rsvps'), 'Rsvp.person', 'Rsvp.response', 'Rsvp.updatedAt'),
  ...fieldsOf(
    carried('meetingPoll and WorkingGroup.meetingPolls'),
    'MeetingPoll.id',
    'MeetingPoll.accessibilityNotes',
    'MeetingPoll.createdAt',
    'MeetingPoll.description',
    'MeetingPoll.groupArchived',
    'MeetingPoll.groupId',
    'MeetingPoll.location',
    'MeetingPoll.meetingId',
    'MeetingPoll.onlineUrl',
    'MeetingPoll.respondents',
    'MeetingPoll.slots',
    'MeetingPoll.status',
    'MeetingPoll.timeZone',
    'MeetingPoll.title',
  ),
  ...fieldsOf(aboutViewer, 'MeetingPoll.viewerCanManage', 'PollSlot.myAnswer'),
  ...fieldsOf(
    carried('MeetingPoll.slots'),
    'PollSlot.id',
    'PollSlot.startsAt',
    'PollSlot.endsAt',
    'PollSlot.yes',
    'PollSlot.ifNeedBe',
    'PollSlot.no',
  ),
  ...fieldsOf(
    carried('eventRegistrations, decideRegistration and checkInRegistration (the organisers’)'),
    'EventRegistration.id',
    'EventRegistration.anonymised',
    'EventRegistration.answers',
    'EventRegistration.checkedInAt',
    'EventRegistration.createdAt',
    'EventRegistration.email',
    'EventRegistration.name',
    'EventRegistration.organisation',
    'EventRegistration.status',
  ),
  ...fieldsOf(
    carried(
      'pitch, pitches, reviewPitch and acceptPitch (the triagers’); the partner sees PartnerPitch, which has none of the internal fields',
    ),
    'Pitch.id',
    'Pitch.acceptInto',
    'Pitch.acceptedGroupId',
    'Pitch.answers',
    'Pitch.attachments',
    'Pitch.contactEmail',
    'Pitch.contactName',
    'Pitch.createdAt',
    'Pitch.declineReason',
    'Pitch.formId',
    'Pitch.formTitle',
    'Pitch.groups',
    'Pitch.helpWanted',
    'Pitch.messages',
    'Pitch.notSure',
    'Pitch.organisationName',
    'Pitch.organisationType',
    'Pitch.reviewerCandidates',
    'Pitch.status',
    'Pitch.summary',
    'Pitch.threadId',
    'Pitch.title',
    'Pitch.updatedAt',
  ),
  ...fieldsOf(
    carried('Pitch.messages'),
    'PitchMessage.id',
    'PitchMessage.author',
    'PitchMessage.body',
    'PitchMessage.createdAt',
  ),
  ...fieldsOf(carried('Pitch.notes'), 'PitchNote.id', 'PitchNote.author', 'PitchNote.body', 'PitchNote.createdAt'),
  ...fieldsOf(
    'the network’s directory of partner organisations: every signed-in person sees what an organisation is; its people, groups and pitches have rows',
    'PartnerOrganisationProfile.id',
    'PartnerOrganisationProfile.name',
    'PartnerOrganisationProfile.kind',
    'PartnerOrganisationProfile.area',
    'PartnerOrganisationProfile.website',
    'PartnerOrganisationProfile.descriptions',
    'PartnerOrganisationProfile.archivedAt',
  ),
};

/** Routes of the running app that are not REST resources of their own, with the reason. */
export const NOT_REST_ROUTES: Readonly<Record<string, string>> = {
  'POST /graphql': 'the GraphQL endpoint: every operation has its own row',
  'GET /graphql': 'the GraphQL endpoint: every operation has its own row',
  'ALL /{*path}': 'the session middleware, which Nest mounts as a route for every method',
  'ALL /{*all}': 'a catch-all Nest mounts for every method (middleware, no resource of its own)',
};
