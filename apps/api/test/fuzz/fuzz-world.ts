// A working group furnished with one of everything a mutation can name by id (a discussion and its
// posts, a folder and a document, a meeting with an open event, a workshop and a registration, a poll, a
// partner pitch, a pending request), made through the API as people would make them.
import { randomUUID } from 'node:crypto';
import { MembershipRole, MembershipStatus } from '@convene/shared-contracts';
import type { ApiHarness, GqlClient } from '../api-harness.js';
import { pdf, upload } from '../document-files.js';
import { dataOf, groupPersonas, type GroupPersonas } from '../group-personas.js';
import { localDateTime } from './hostile-values.js';

/** What an id in a mutation's input may name; `any` when its name does not say. */
export type IdKind =
  | 'group'
  | 'thread'
  | 'post'
  | 'folder'
  | 'document'
  | 'meeting'
  | 'registration'
  | 'poll'
  | 'slot'
  | 'field'
  | 'pitch'
  | 'pitchForm'
  | 'membership'
  | 'user'
  | 'session'
  | 'programmeSession'
  | 'organisation';

export type IdPools = Record<IdKind, string[]>;

export interface FurnishedGroup extends GroupPersonas {
  ids: IdPools;
  /** The open event's public slug. */
  eventSlug: string;
}

const unique = () => randomUUID().slice(0, 8);
export const emptyPools = (): IdPools => ({
  group: [],
  thread: [],
  post: [],
  folder: [],
  document: [],
  meeting: [],
  registration: [],
  poll: [],
  slot: [],
  field: [],
  pitch: [],
  pitchForm: [],
  membership: [],
  user: [],
  session: [],
  programmeSession: [],
  organisation: [],
});

export function mergePools(...pools: IdPools[]): IdPools {
  const merged = emptyPools();
  for (const pool of pools) for (const kind of Object.keys(merged) as IdKind[]) merged[kind].push(...pool[kind]);
  return merged;
}

/** A pitch form, made once by a network admin: pitches name the groups they are for. */
export async function pitchForm(api: ApiHarness): Promise<{ id: string; slug: string }> {
  const admin = await api.signedIn(await api.data.admin());
  const slug = `fuzz-ideas-${unique()}`;
  const input = {
    slug,
    title: 'Pitch us an idea',
    consentText: 'We use your details only to discuss your pitch.',
    fields: [
      {
        id: 'stage',
        label: 'How far along is it?',
        kind: 'CHOICE',
        required: true,
        options: ['Just an idea', 'Running'],
      },
    ],
  };
  const saved = dataOf(
    await admin.request<{ savePitchForm: { id: string } }>(
      `mutation F($input: SavePitchFormInput!) { savePitchForm(input: $input) { id } }`,
      { input },
    ),
  );
  return { id: saved.savePitchForm.id, slug };
}

/** A new group (from `groupPersonas`) with its objects; every id is gathered into `ids`. */
export async function furnishedGroup(api: ApiHarness, form: { id: string; slug: string }): Promise<FurnishedGroup> {
  const w = await groupPersonas(api);
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);
  const convenor = await w.as('convenor');
  const member = await w.as('member');
  const ask = async <T>(client: GqlClient, query: string, variables: Record<string, unknown>) =>
    dataOf(await client.request<T>(query, variables));
  const groupId = w.group.id;

  const { createThread: thread } = await ask<{ createThread: { id: string } }>(
    convenor,
    `mutation T($input: CreateThreadInput!) { createThread(input: $input) { id } }`,
    {
      input: { groupId, title: 'Housing campaign', body: 'Where do we start, @[Mina Member]?' },
    },
  );
  await ask(member, `mutation R($input: ReplyInput!) { reply(input: $input) { id } }`, {
    input: { threadId: thread.id, body: 'With the tenants’ union.' },
  });
  const { createDocumentFolder: folder } = await ask<{ createDocumentFolder: { id: string } }>(
    convenor,
    `mutation F($input: CreateDocumentFolderInput!) { createDocumentFolder(input: $input) { id } }`,
    {
      input: { groupId, name: 'Minutes' },
    },
  );
  const uploaded = await upload(api.url, member, `/api/groups/${groupId}/documents`, [
    { name: 'minutes.pdf', bytes: pdf() },
  ]);
  if (!uploaded.json.document) throw new Error(`upload refused: ${JSON.stringify(uploaded.json)}`);
  const { scheduleMeeting: meeting } = await ask<{ scheduleMeeting: { id: string } }>(
    convenor,
    `mutation S($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
    {
      input: {
        groupId,
        title: 'Monthly meeting',
        startsAt: localDateTime(10, 18),
        endsAt: localDateTime(10, 20),
        timeZone: 'Europe/London',
        threadId: thread.id,
      },
    },
  );
  const eventSlug = `fuzz-event-${unique()}`;
  await ask(convenor, `mutation E($input: ConfigureEventInput!) { configureEvent(input: $input) { id } }`, {
    input: {
      meetingId: meeting.id,
      slug: eventSlug,
      consentText: 'We keep your details to run the event.',
      fields: [{ label: 'Dietary needs', kind: 'TEXT' }],
    },
  });
  await ask(convenor, `mutation A($input: AddProgrammeSessionInput!) { addProgrammeSession(input: $input) { id } }`, {
    input: {
      meetingId: meeting.id,
      title: 'Know your rights',
      kind: 'WORKSHOP',
      startsAt: localDateTime(10, 18),
      endsAt: localDateTime(10, 19),
      capacity: 20,
    },
  });
  await ask(
    api.client(),
    `mutation R($input: RegisterForEventInput!) { registerForEvent(input: $input) { message } }`,
    {
      input: {
        slug: eventSlug,
        name: 'Amal Guest',
        email: `guest-${unique()}@example.org`,
        organisation: 'Refugee Action',
        consent: true,
      },
    },
  );
  await ask(convenor, `mutation P($input: CreateMeetingPollInput!) { createMeetingPoll(input: $input) { id } }`, {
    input: {
      groupId,
      title: 'Autumn planning',
      timeZone: 'Europe/London',
      slots: [4, 5].map((d) => ({ startsAt: localDateTime(d, 18), endsAt: localDateTime(d, 19) })),
    },
  });
  const pitchTitle = `Interpreters at GP surgeries ${unique()}`;
  await ask(api.client(), `mutation P($input: SubmitPitchInput!) { submitPitch(input: $input) { message } }`, {
    input: {
      formSlug: form.slug,
      organisationName: 'Northern Refugee Action',
      organisationType: 'COMMUNITY_ORGANISATION',
      contactName: 'Samira Partner',
      contactEmail: `partner-${unique()}@example.org`,
      title: pitchTitle,
      summary: 'Patients are turned away without an interpreter.',
      helpWanted: 'A survey template.',
      groupIds: [groupId],
      answers: [{ fieldId: 'stage', value: 'Just an idea' }],
      consent: true,
    },
  });
  const organisation = await api.data.organisation();
  const applicant = await api.data.user({ displayName: 'Petra Pending' });
  await api.data.membership(w.group, applicant, MembershipRole.MEMBER, MembershipStatus.PENDING);

  const column = async (query: string, params: unknown[]) =>
    (await sql<{ id: string }>(query, params)).map((r) => r.id);
  const people = [w.people.member.id, w.people.convenor.id, applicant.id];
  const ids: IdPools = {
    ...emptyPools(),
    group: [groupId],
    thread: [thread.id],
    post: await column('select id from posts where thread_id = ?', [thread.id]),
    folder: [folder.id],
    document: [uploaded.json.document.id],
    meeting: [meeting.id],
    registration: await column('select id from event_registrations where meeting_id = ?', [meeting.id]),
    poll: await column('select id from meeting_polls where group_id = ?', [groupId]),
    slot: await column(
      'select s.id from meeting_poll_slots s join meeting_polls p on p.id = s.poll_id where p.group_id = ?',
      [groupId],
    ),
    // Questions of the event's form and of the pitch form (ids like "stage", not uuids).
    field: [
      ...(await column(`select f->>'id' as id from event_forms, jsonb_array_elements(fields) f where meeting_id = ?`, [
        meeting.id,
      ])),
      'stage',
    ],
    pitch: await column('select id from pitches where title = ?', [pitchTitle]),
    pitchForm: [form.id],
    membership: await column('select id from memberships where group_id = ?', [groupId]),
    user: people,
    organisation: [organisation.id],
    session: await column(`select id from sessions where user_id in (${people.map(() => '?').join(', ')})`, people),
    programmeSession: await column('select id from programme_sessions where meeting_id = ?', [meeting.id]),
  };
  return { ...w, ids, eventSlug };
}
