// The world the authorization matrix probes: group A with everything a group holds (members, a
// thread, a document, meetings, an open event with a registration, a poll, a pitch with notes and a
// reviewer), group B with its own member, a network admin and a deactivated convenor of A, each
// with one signed-in client, plus factories for the fresh objects destructive probes act on.
import { randomBytes } from 'node:crypto';
import { MembershipRole, MembershipStatus, NotificationCategory, SignUpMode } from '@convene/shared-contracts';
import type { User } from '@convene/server-identity';
import type { WorkingGroup } from '@convene/server-groups';
import { formatLocalDateTime, toZoned } from '@convene/server-meetings';
import { NotificationPreferencesService } from '@convene/server-notifications';
import { DataExportService } from '@convene/server-privacy';
import { pdf, text, upload } from '../document-files.js';
import type { ApiHarness, GqlClient, GqlResult } from '../api-harness.js';
import type { Role } from './access-table.js';

const DAY = 86_400_000;

/** A word no other run of the matrix wrote, to find this world's objects by search. */
export const marker = (prefix = 'mx') => `${prefix}${randomBytes(5).toString('hex')}`;

/** A local date-time some days from now at an hour, in London. */
export function localIn(days: number, hour: number): string {
  return formatLocalDateTime({ ...toZoned(new Date(Date.now() + days * DAY), 'Europe/London'), hour, minute: 0 });
}

/** The data of a result that must have succeeded (world setup: a failure here is a broken fixture). */
export function ok<T>(result: GqlResult<T>, what: string): T {
  if (result.errors?.length || !result.data) throw new Error(`${what} failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export const GQL = {
  createThread: `mutation C($input: CreateThreadInput!) { createThread(input: $input) { id } }`,
  reply: `mutation R($input: ReplyInput!) { reply(input: $input) { id } }`,
  editPost: `mutation E($input: EditPostInput!) { editPost(input: $input) { id } }`,
  hidePost: `mutation H($input: HidePostInput!) { hidePost(input: $input) { id } }`,
  createFolder: `mutation F($input: CreateDocumentFolderInput!) { createDocumentFolder(input: $input) { id } }`,
  trash: `mutation T($id: ID!) { trashDocument(id: $id) { id } }`,
  schedule: `mutation S($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
  updateMeeting: `mutation U($input: UpdateMeetingInput!) { updateMeeting(input: $input) { id } }`,
  rsvp: `mutation R($input: RsvpInput!) { rsvp(input: $input) { id } }`,
  configureEvent: `mutation E($input: ConfigureEventInput!) { configureEvent(input: $input) { id } }`,
  register: `mutation R($input: RegisterForEventInput!) { registerForEvent(input: $input) { message } }`,
  addSession: `mutation A($input: AddProgrammeSessionInput!) { addProgrammeSession(input: $input) { id } }`,
  createPoll: `mutation P($input: CreateMeetingPollInput!) { createMeetingPoll(input: $input) { id slots { id } } }`,
  answerPoll: `mutation A($input: AnswerMeetingPollInput!) { answerMeetingPoll(input: $input) { id } }`,
  saveForm: `mutation S($input: SavePitchFormInput!) { savePitchForm(input: $input) { id } }`,
  submitPitch: `mutation P($input: SubmitPitchInput!) { submitPitch(input: $input) { message } }`,
  reviewPitch: `mutation R($input: ReviewPitchInput!) { reviewPitch(input: $input) { id } }`,
  inviteMember: `mutation I($input: InviteMemberInput!) { inviteMember(input: $input) { email } }`,
  requestToJoin: `mutation J($input: RequestToJoinInput!) { requestToJoin(input: $input) { id } }`,
  requestReset: `mutation R($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`,
  resetFeed: `mutation { resetCalendarFeed { url } }`,
  requestExport: `mutation { requestDataExport { id } }`,
  deactivate: `mutation D($userId: ID!) { deactivateAccount(userId: $userId) { id deactivatedAt } }`,
  signUpMode: `mutation M($mode: SignUpMode!) { updateNetworkSettings(signUpMode: $mode) { signUpMode } }`,
  beginTwoFactor: `mutation { beginTwoFactorSetup { secret } }`,
  confirmTwoFactor: `mutation C($code: String!) { confirmTwoFactorSetup(code: $code) }`,
  mySessions: `{ mySessions { id current } }`,
} as const;

/** A person acting in a role, with their own client. */
export interface Actor {
  client: GqlClient;
  /** Null for the roles without an account. */
  user: User | null;
}

export interface WorldObjects {
  threadId: string;
  openingPostId: string;
  /** A post by another member that a convenor hid; its author edited it first (its draft is a revision). */
  hiddenPostId: string;
  hiddenPostBody: string;
  hiddenPostDraft: string;
  documentId: string;
  folderId: string;
  /** A meeting with a call link, an agenda and minutes (the document) and the thread, answered by members. */
  meetingId: string;
  onlineUrl: string;
  /** The note the other member wrote with their answer. */
  rsvpNote: string;
  /** An open event needing approval (held online too), with one pending registration. */
  eventMeetingId: string;
  eventOnlineUrl: string;
  eventSlug: string;
  registrationId: string;
  registrantEmail: string;
  /** A workshop of the event's programme, which the registrant picked (and has a place at). */
  sessionId: string;
  pollId: string;
  pollSlotIds: string[];
  formSlug: string;
  pitchId: string;
  /** Waits for an admin to confirm that they work at the world's organisation. */
  pendingAffiliateId: string;
  pitchTitle: string;
  pitchContactEmail: string;
  pitchAttachmentId: string;
  pitchNote: string;
  pitchMessage: string;
  /** The applicant's pending request and its note. */
  pendingMembershipId: string;
  joinMessage: string;
  /** memberA's data export, built. */
  exportId: string;
  searchWord: string;
}

/** The private links the world's mails carry; the link holder has them, nobody else does. */
export interface WorldLinks {
  registration: string;
  pitch: string;
  invitation: string;
  passwordReset: string;
  unsubscribe: string;
}

export interface World {
  api: ApiHarness;
  groupA: WorkingGroup;
  groupB: WorkingGroup;
  /** Another group convenorA convenes (where a thread may be moved to). */
  groupC: WorkingGroup;
  people: {
    memberA: User;
    /** A second member of A: the hidden post, the RSVP note. */
    otherMemberA: User;
    convenorA: User;
    memberB: User;
    convenorB: User;
    admin: User;
    deactivated: User;
    applicant: User;
  };
  organisationId: string;
  clients: Record<Role, GqlClient>;
  /** The other member of A, signed in. */
  otherClient: GqlClient;
  links: WorldLinks;
  a: WorldObjects;
  /** The calendar feed address (path) each role with an account made for itself; the deactivated one before deactivation. */
  feeds: Partial<Record<Role, string>>;
  /** The account of a role; null for the anonymous roles. */
  userOf(role: Role): User | null;
  /** A new person in a role, signed in: for operations on the caller's own account or membership. */
  actor(role: Role): Promise<Actor>;
  fresh: Fresh;
}

/**
 * The last private link of a kind mailed to an address, waiting a little for it: some mails (a
 * password reset) are written after the request has been answered.
 */
export async function mailedToken(api: ApiHarness, email: string, path: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mails = await api.orm.em
      .fork()
      .getConnection()
      .execute<{ text_body: string }[]>(
        'select text_body from mail_messages where lower(to_address) = lower(?) order by created_at desc',
        [email],
      );
    const token = mails
      .map((mail) => new RegExp(`/${path}/([A-Za-z0-9_-]{20,})`).exec(mail.text_body)?.[1])
      .find(Boolean);
    if (token) return token;
    if (Date.now() > deadline) throw new Error(`no /${path}/ link mailed to ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function pitchInput(formSlug: string, groupId: string, change: Record<string, unknown> = {}) {
  return {
    formSlug,
    organisationName: 'Northern Refugee Action',
    organisationType: 'COMMUNITY_ORGANISATION',
    contactName: 'Samira Partner',
    contactEmail: `partner-${marker('')}@example.org`,
    title: `Interpreters at GP surgeries ${marker('')}`,
    summary: 'Patients are turned away without an interpreter.',
    helpWanted: 'A survey template and advice.',
    groupIds: [groupId],
    consent: true,
    ...change,
  };
}

/** Factories for fresh objects of group A, made the way people make them (through the API). */
export class Fresh {
  constructor(private readonly world: () => World) {}

  private get w(): World {
    return this.world();
  }

  private get api() {
    return this.w.api;
  }

  /** A thread started by memberA (or another author), with its opening post. */
  async thread(
    title = 'Data sharing at the trust',
    author = this.w.clients.memberA,
  ): Promise<{ threadId: string; postId: string }> {
    const threadId = ok(
      await author.request<{ createThread: { id: string } }>(GQL.createThread, {
        input: { groupId: this.w.groupA.id, title, body: 'What have you seen?' },
      }),
      'createThread',
    ).createThread.id;
    const [post] = await this.sql<{ id: string }>('select id from posts where thread_id = ? and parent_id is null', [
      threadId,
    ]);
    return { threadId, postId: post!.id };
  }

  /** A post of memberA (the opening post of a new thread). */
  async post(): Promise<{ threadId: string; postId: string }> {
    return this.thread();
  }

  /** A hidden post: memberA's opening post, hidden by convenorA. */
  async hiddenPost(): Promise<{ threadId: string; postId: string }> {
    const made = await this.thread();
    ok(
      await this.w.clients.convenorA.request(GQL.hidePost, {
        input: { postId: made.postId, reason: 'Names a person at risk.' },
      }),
      'hidePost',
    );
    return made;
  }

  /** A PDF uploaded by memberA. */
  async document(name = 'briefing.pdf'): Promise<string> {
    const result = await upload(this.api.url, this.w.clients.memberA, `/api/groups/${this.w.groupA.id}/documents`, [
      { name, bytes: pdf(marker()) },
    ]);
    if (result.status !== 201) throw new Error(`upload failed: ${JSON.stringify(result.json)}`);
    return result.json.document!.id;
  }

  /** A document with two versions. */
  async documentWithVersions(): Promise<string> {
    const id = await this.document();
    const result = await upload(this.api.url, this.w.clients.memberA, `/api/documents/${id}/versions`, [
      { name: 'briefing.pdf', bytes: pdf(marker()) },
    ]);
    if (result.status !== 201) throw new Error(`version upload failed: ${JSON.stringify(result.json)}`);
    return id;
  }

  async trashedDocument(): Promise<string> {
    const id = await this.document();
    ok(await this.w.clients.memberA.request(GQL.trash, { id }), 'trashDocument');
    return id;
  }

  async folder(name = `Folder ${marker('')}`): Promise<string> {
    return ok(
      await this.w.clients.memberA.request<{ createDocumentFolder: { id: string } }>(GQL.createFolder, {
        input: { groupId: this.w.groupA.id, name },
      }),
      'createDocumentFolder',
    ).createDocumentFolder.id;
  }

  async meeting(input: Record<string, unknown> = {}): Promise<string> {
    return ok(
      await this.w.clients.convenorA.request<{ scheduleMeeting: { id: string } }>(GQL.schedule, {
        input: {
          groupId: this.w.groupA.id,
          title: 'Monthly policing meeting',
          startsAt: localIn(10, 18),
          endsAt: localIn(10, 20),
          timeZone: 'Europe/London',
          ...input,
        },
      }),
      'scheduleMeeting',
    ).scheduleMeeting.id;
  }

  /** An open event (registrations need approval) of group A. */
  async event(meeting: Record<string, unknown> = {}): Promise<{ meetingId: string; slug: string }> {
    const meetingId = await this.meeting({ title: 'National summit', ...meeting });
    const slug = `summit-${marker('')}`;
    ok(
      await this.w.clients.convenorA.request(GQL.configureEvent, {
        input: {
          meetingId,
          slug,
          requiresApproval: true,
          consentText: 'We keep your name, email and organisation to run the event.',
          fields: [{ label: 'Dietary needs', kind: 'TEXT' }],
        },
      }),
      'configureEvent',
    );
    return { meetingId, slug };
  }

  /** A workshop (no limit on places) in an event of group A made by `event()`. */
  async session(meetingId: string, title = 'Know your rights: policing'): Promise<string> {
    return ok(
      await this.w.clients.convenorA.request<{ addProgrammeSession: { id: string } }>(GQL.addSession, {
        input: { meetingId, title, kind: 'WORKSHOP', startsAt: localIn(10, 18), endsAt: localIn(10, 19) },
      }),
      'addProgrammeSession',
    ).addProgrammeSession.id;
  }

  /** A pending registration for the world's event (picking some of its workshops), with its private link. */
  async registration(
    slug = this.w.a.eventSlug,
    sessionIds: string[] = [],
  ): Promise<{ id: string; token: string; email: string }> {
    const email = `guest-${marker('')}@example.org`;
    ok(
      await this.api.client().request(GQL.register, {
        input: { slug, name: 'Amal Guest', email, organisation: 'Refugee Action Network', consent: true, sessionIds },
      }),
      'registerForEvent',
    );
    const [row] = await this.sql<{ id: string }>('select id from event_registrations where lower(email) = lower(?)', [
      email,
    ]);
    return { id: row!.id, token: await mailedToken(this.api, email, 'registrations'), email };
  }

  async poll(): Promise<{ pollId: string; slotIds: string[] }> {
    const poll = ok(
      await this.w.clients.convenorA.request<{ createMeetingPoll: { id: string; slots: { id: string }[] } }>(
        GQL.createPoll,
        {
          input: {
            groupId: this.w.groupA.id,
            title: 'Autumn planning',
            timeZone: 'Europe/London',
            slots: [4, 5, 6].map((d) => ({ startsAt: localIn(d, 18), endsAt: localIn(d, 19) })),
          },
        },
      ),
      'createMeetingPoll',
    ).createMeetingPoll;
    return { pollId: poll.id, slotIds: poll.slots.map((s) => s.id) };
  }

  /** A pitch to group A, submitted without an account, with its partner link. */
  async pitch(
    change: Record<string, unknown> = {},
  ): Promise<{ id: string; token: string; title: string; contactEmail: string }> {
    const input = pitchInput(this.w.a.formSlug, this.w.groupA.id, change);
    ok(await this.api.client().request(GQL.submitPitch, { input }), 'submitPitch');
    const [row] = await this.sql<{ id: string }>('select id from pitches where title = ?', [input.title]);
    return {
      id: row!.id,
      token: await mailedToken(this.api, input.contactEmail, 'pitches'),
      title: input.title,
      contactEmail: input.contactEmail,
    };
  }

  async memberOfA(
    role = MembershipRole.MEMBER,
    status = MembershipStatus.ACTIVE,
  ): Promise<{ user: User; membershipId: string }> {
    const user = await this.api.data.user();
    const membership = await this.api.data.membership(this.w.groupA, user, role, status);
    return { user, membershipId: membership.id };
  }

  /** A notification for memberA, written as the worker would. */
  async notificationOfMemberA(): Promise<string> {
    const [row] = await this.sql<{ id: string }>(
      `insert into notifications (id, recipient_id, seq, event_id, type, created_at) values (gen_random_uuid(), ?, (select coalesce(max(seq), 0) + 1 from notifications where recipient_id = ?), gen_random_uuid(), 'ROLE_CHANGED', now()) returning id`,
      [this.w.people.memberA.id, this.w.people.memberA.id],
    );
    return row!.id;
  }

  /** A password-reset link of a new account (the link holder's own). */
  async passwordReset(): Promise<{ user: User; token: string }> {
    const user = await this.api.data.user();
    ok(await this.api.client().request(GQL.requestReset, { input: { email: user.email } }), 'requestPasswordReset');
    return { user, token: await mailedToken(this.api, user.email, 'reset-password') };
  }

  /** The one-click unsubscribe token of a new account, as its mails carry it. */
  async unsubscribeToken(): Promise<{ user: User; token: string }> {
    const user = await this.api.data.user();
    const service = this.api.app.get(NotificationPreferencesService);
    const settings = await service.settingsRow(this.api.orm.em.fork(), user.id);
    return {
      user,
      token: service.unsubscribeUrl(settings, NotificationCategory.MEMBERSHIP).split('/unsubscribe/')[1]!,
    };
  }

  /** A signed-in account that has just been deactivated by the admin: the client keeps its old cookie. */
  async deactivatedMemberOfA(): Promise<Actor> {
    const { user } = await this.memberOfA(MembershipRole.CONVENOR);
    const client = await this.api.signedIn(user);
    ok(await this.w.clients.admin.request(GQL.deactivate, { userId: user.id }), 'deactivateAccount');
    return { client, user };
  }

  /**
   * A new group with A's people in their roles (so that archiving it is asked by the same people as
   * archiving A would be) — A itself must stay live for every other probe. Archived when asked.
   */
  async groupLikeA(archived = false): Promise<{ id: string }> {
    const group = await this.api.data.group({ name: `Like A ${marker('')}` });
    await this.api.data.membership(group, this.w.people.memberA, MembershipRole.MEMBER);
    await this.api.data.membership(group, this.w.people.convenorA, MembershipRole.CONVENOR);
    if (archived)
      await this.sql('update working_groups set archived_at = now(), archived_by_id = ? where id = ?', [
        this.w.people.admin.id,
        group.id,
      ]);
    return { id: group.id };
  }

  sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.api.orm.em.fork().getConnection().execute<T[]>(query, params);
  }
}

/** Builds the world once for the whole matrix. */
export async function buildWorld(api: ApiHarness): Promise<World> {
  const organisation = await api.data.organisation(`Organisation ${marker('')}`);
  const people: World['people'] = {
    memberA: await api.data.user({ displayName: `Mina ${marker('Member')}`, organisation }),
    otherMemberA: await api.data.user({ displayName: `Hana ${marker('Helper')}` }),
    convenorA: await api.data.user({ displayName: `Cora ${marker('Convenor')}` }),
    memberB: await api.data.user({ displayName: `Bo ${marker('Member')}` }),
    convenorB: await api.data.user({ displayName: `Bea ${marker('Convenor')}` }),
    admin: await api.data.admin(),
    deactivated: await api.data.user({ displayName: `Dara ${marker('Deactivated')}` }),
    applicant: await api.data.user({ displayName: `Ada ${marker('Applicant')}` }),
  };
  // Group A reviews join requests and shows its member list to its members (the factory's defaults).
  const groupA = await api.data.group({ name: `Group A ${marker('')}` });
  const groupB = await api.data.group({ name: `Group B ${marker('')}` });
  const groupC = await api.data.group({ name: `Group C ${marker('')}` });
  await api.data.membership(groupA, people.memberA, MembershipRole.MEMBER);
  await api.data.membership(groupA, people.otherMemberA, MembershipRole.MEMBER);
  await api.data.membership(groupA, people.convenorA, MembershipRole.CONVENOR);
  await api.data.membership(groupA, people.deactivated, MembershipRole.CONVENOR);
  await api.data.membership(groupB, people.memberB, MembershipRole.MEMBER);
  await api.data.membership(groupB, people.convenorB, MembershipRole.CONVENOR);
  await api.data.membership(groupC, people.convenorA, MembershipRole.CONVENOR);

  const clients: Record<Role, GqlClient> = {
    anonymous: api.client(),
    linkHolder: api.client(),
    memberA: await api.signedIn(people.memberA),
    convenorA: await api.signedIn(people.convenorA),
    memberB: await api.signedIn(people.memberB),
    admin: await api.signedIn(people.admin),
    deactivated: await api.signedIn(people.deactivated),
  };
  ok(await clients.admin.request(GQL.signUpMode, { mode: SignUpMode.OPEN }), 'updateNetworkSettings');
  const other = await api.signedIn(people.otherMemberA);

  const accounts = {
    memberA: people.memberA,
    convenorA: people.convenorA,
    memberB: people.memberB,
    admin: people.admin,
    deactivated: people.deactivated,
  } as const;
  const world: World = {
    api,
    groupA,
    groupB,
    groupC,
    people,
    organisationId: organisation.id,
    clients,
    otherClient: other,
    links: { registration: '', pitch: '', invitation: '', passwordReset: '', unsubscribe: '' },
    a: {} as WorldObjects,
    feeds: {},
    userOf: (role) => (role === 'anonymous' || role === 'linkHolder' ? null : accounts[role]),
    actor: async (role) => {
      switch (role) {
        case 'anonymous':
        case 'linkHolder':
          return { client: api.client(), user: null };
        // Its cookie is refused everywhere: the one client is enough.
        case 'deactivated':
          return { client: clients.deactivated, user: people.deactivated };
        case 'admin': {
          const user = await api.data.admin();
          return { client: await api.signedIn(user), user };
        }
        case 'memberB': {
          const user = await api.data.user();
          await api.data.membership(groupB, user, MembershipRole.MEMBER);
          return { client: await api.signedIn(user), user };
        }
        case 'memberA':
        case 'convenorA': {
          const { user } = await world.fresh.memberOfA(
            role === 'memberA' ? MembershipRole.MEMBER : MembershipRole.CONVENOR,
          );
          return { client: await api.signedIn(user), user };
        }
      }
    },
    fresh: new Fresh(() => world),
  };
  const { fresh } = world;
  const searchWord = marker('quokka');

  // A discussion: memberA's opening post (edited once, so it has a revision), a reply by the other member that a convenor hid.
  const { threadId, postId: openingPostId } = await fresh.thread(`Stop and search ${searchWord}`);
  ok(
    await clients.memberA.request(GQL.editPost, {
      input: { postId: openingPostId, body: `Figures from the ${searchWord} borough.` },
    }),
    'editPost',
  );
  const hiddenPostDraft = `A first draft naming ${marker('hush')}`;
  const hiddenPostBody = `Names someone ${marker('hush')}`;
  const hiddenPostId = ok(
    await other.request<{ reply: { id: string } }>(GQL.reply, { input: { threadId, body: hiddenPostDraft } }),
    'reply',
  ).reply.id;
  ok(await other.request(GQL.editPost, { input: { postId: hiddenPostId, body: hiddenPostBody } }), 'editPost');
  ok(
    await clients.convenorA.request(GQL.hidePost, {
      input: { postId: hiddenPostId, reason: 'Names a person at risk.' },
    }),
    'hidePost',
  );
  // Pinned, so that it stays on the first page of A's threads however many the probes start.
  ok(
    await clients.convenorA.request(
      `mutation P($threadId: ID!) { pinThread(threadId: $threadId, pinned: true) { id } }`,
      { threadId },
    ),
    'pinThread',
  );

  const uploaded = await upload(api.url, clients.memberA, `/api/groups/${groupA.id}/documents`, [
    { name: `observer notes ${searchWord}.txt`, bytes: text(`Legal observer notes ${searchWord}\n`) },
  ]);
  if (uploaded.status !== 201) throw new Error(`upload failed: ${JSON.stringify(uploaded.json)}`);
  const documentId = uploaded.json.document!.id;
  // Tagged, so that it can be listed apart from the documents the probes upload.
  ok(
    await clients.memberA.request(`mutation U($input: UpdateDocumentInput!) { updateDocument(input: $input) { id } }`, {
      input: { id: documentId, tags: [searchWord] },
    }),
    'updateDocument',
  );
  const folderId = await fresh.folder('Minutes');

  // Group B's own thread and document, with the same word: what B's member finds instead.
  ok(
    await clients.memberB.request(GQL.createThread, {
      input: { groupId: groupB.id, title: `Detention visits ${searchWord}`, body: 'Rota for next month.' },
    }),
    'createThread',
  );
  const inB = await upload(api.url, clients.memberB, `/api/groups/${groupB.id}/documents`, [
    { name: `visit rota ${searchWord}.txt`, bytes: text(`Visit rota ${searchWord}\n`) },
  ]);
  if (inB.status !== 201) throw new Error(`upload failed: ${JSON.stringify(inB.json)}`);

  // A meeting with a call link, the document as agenda and minutes, the thread, and two answers (one with a note).
  const onlineUrl = `https://meet.example.org/${marker('')}`;
  const meetingId = await fresh.meeting({ onlineUrl, agendaDocumentId: documentId, threadId });
  ok(
    await clients.convenorA.request(GQL.updateMeeting, { input: { id: meetingId, minutesDocumentId: documentId } }),
    'updateMeeting',
  );
  const rsvpNote = `BSL interpretation ${marker()}`;
  ok(await clients.memberA.request(GQL.rsvp, { input: { meetingId, response: 'GOING' } }), 'rsvp');
  ok(await other.request(GQL.rsvp, { input: { meetingId, response: 'MAYBE', note: rsvpNote } }), 'rsvp');

  const { pollId, slotIds: pollSlotIds } = await fresh.poll();
  ok(
    await clients.memberA.request(GQL.answerPoll, {
      input: { pollId, answers: [{ slotId: pollSlotIds[0], answer: 'YES' }] },
    }),
    'answerMeetingPoll',
  );

  const formSlug = `ideas-${marker('')}`;
  ok(
    await clients.admin.request(GQL.saveForm, {
      input: {
        slug: formSlug,
        title: 'Pitch us an idea',
        consentText: 'We use your details only to discuss your pitch.',
      },
    }),
    'savePitchForm',
  );
  world.a.formSlug = formSlug;

  // The applicant's request, with a note for the convenors.
  const joinMessage = `I run the ${marker()} clinic`;
  const applicant = await api.signedIn(people.applicant);
  const pendingMembershipId = ok(
    await applicant.request<{ requestToJoin: { id: string } }>(GQL.requestToJoin, {
      input: { groupId: groupA.id, message: joinMessage },
    }),
    'requestToJoin',
  ).requestToJoin.id;

  // Each account's own calendar feed; the deactivated convenor's is made while still active.
  for (const role of ['memberA', 'convenorA', 'memberB', 'admin', 'deactivated'] as const) {
    world.feeds[role] = new URL(
      ok(await clients[role].request<{ resetCalendarFeed: { url: string } }>(GQL.resetFeed), 'resetCalendarFeed')
        .resetCalendarFeed.url,
    ).pathname;
  }

  // memberA's data export, built as the worker would.
  const exportId = ok(
    await clients.memberA.request<{ requestDataExport: { id: string } }>(GQL.requestExport),
    'requestDataExport',
  ).requestDataExport.id;
  await api.asJob(() => api.app.get(DataExportService).build(exportId));

  const eventOnlineUrl = `https://meet.example.org/${marker('summit')}`;
  const event = await fresh.event({ onlineUrl: eventOnlineUrl });
  const sessionId = await fresh.session(event.meetingId);
  const registration = await fresh.registration(event.slug, [sessionId]);

  // The pitch: an attachment uploaded first, then submitted to group A; a convenor reviews it with a
  // note, a message to the partner, and themselves as reviewer.
  const attachment = await upload(api.url, api.client(), '/api/pitch-attachments', [
    { name: 'survey draft.pdf', bytes: pdf('Our survey draft') },
  ]);
  if (attachment.status !== 201) throw new Error(`pitch attachment upload failed: ${JSON.stringify(attachment.json)}`);
  const claim = attachment.json as unknown as { id: string; claim: string };
  const pitch = await fresh.pitch({ attachments: [{ id: claim.id, claim: claim.claim }] });
  // The pitch's sender is a confirmed person of the world's organisation (in no group); someone
  // else waits for an admin to confirm that they work there.
  await api.data.user({ email: pitch.contactEmail, displayName: `Pat ${marker('Partner')}`, organisation });
  const pendingAffiliate = await api.data.user({ displayName: `Pia ${marker('Pending')}` });
  await fresh.sql('update users set pending_organisation_id = ?, pending_organisation_since = now() where id = ?', [
    organisation.id,
    pendingAffiliate.id,
  ]);
  const pitchNote = `Internal: check their funding ${marker()}`;
  const pitchMessage = `Thank you, we are looking at it ${marker()}`;
  ok(
    await clients.convenorA.request(GQL.reviewPitch, {
      input: {
        pitchId: pitch.id,
        status: 'UNDER_REVIEW',
        note: pitchNote,
        message: pitchMessage,
        reviewerIds: [people.convenorA.id],
      },
    }),
    'reviewPitch',
  );

  world.a = {
    threadId,
    openingPostId,
    hiddenPostId,
    hiddenPostBody,
    hiddenPostDraft,
    documentId,
    folderId,
    meetingId,
    onlineUrl,
    rsvpNote,
    eventMeetingId: event.meetingId,
    eventOnlineUrl,
    eventSlug: event.slug,
    registrationId: registration.id,
    registrantEmail: registration.email,
    sessionId,
    pollId,
    pollSlotIds,
    formSlug,
    pitchId: pitch.id,
    pitchTitle: pitch.title,
    pitchContactEmail: pitch.contactEmail,
    pendingAffiliateId: pendingAffiliate.id,
    pitchAttachmentId: claim.id,
    pitchNote,
    pitchMessage,
    pendingMembershipId,
    joinMessage,
    exportId,
    searchWord,
  };

  const invitee = `invitee-${marker('')}@example.org`;
  ok(
    await clients.convenorA.request(GQL.inviteMember, { input: { groupId: groupA.id, email: invitee } }),
    'inviteMember',
  );
  world.links = {
    registration: registration.token,
    pitch: pitch.token,
    invitation: await mailedToken(api, invitee, 'invitations'),
    passwordReset: (await fresh.passwordReset()).token,
    unsubscribe: (await fresh.unsubscribeToken()).token,
  };

  // Last: an admin deactivates the convenor, whose client keeps the old cookie.
  ok(await clients.admin.request(GQL.deactivate, { userId: people.deactivated.id }), 'deactivateAccount');
  return world;
}
