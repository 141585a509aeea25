// Archiving a working group: network admins archive and restore it (both audited). An archived
// group leaves the directory, searches and calendars, and sends no reminders; its members still
// read it, and every write is refused with GROUP_ARCHIVED, changing nothing. Restoring brings it
// all back.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { formatLocalDateTime, MeetingRemindersService, toZoned } from '@convene/server-meetings';
import { useApiHarness, type GqlResult } from './api-harness.js';
import { pdf, upload } from './document-files.js';
import { codeOf, dataOf, groupPersonas, membershipRows, type GroupPersonas, type Persona } from './group-personas.js';

const ARCHIVE = `mutation A($groupId: ID!) { archiveGroup(groupId: $groupId) { id archivedAt } }`;
const RESTORE = `mutation R($groupId: ID!) { restoreGroup(groupId: $groupId) { id archivedAt } }`;
const ARCHIVED = `{ archivedWorkingGroups { id name archivedAt } }`;
const GROUPS = `{ workingGroups { id } }`;
const GROUP = `query G($slug: String!) { workingGroup(slug: $slug) { id archivedAt threads { nodes { id title } } } }`;
const CREATE_THREAD = `mutation C($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const REPLY = `mutation R($input: ReplyInput!) { reply(input: $input) { id } }`;
const REACT = `mutation R($input: ReactInput!) { reactToPost(input: $input) { id } }`;
const THREAD = `query T($id: ID!) { thread(id: $id) { id title groupArchived posts { nodes { id body } } } }`;
const SCHEDULE = `mutation S($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const REQUEST = `mutation Q($input: RequestToJoinInput!) { requestToJoin(input: $input) { id status } }`;
const INVITE = `mutation I($input: InviteMemberInput!) { inviteMember(input: $input) { email } }`;
const SET_ROLE = `mutation S($input: SetMemberRoleInput!) { setMemberRole(input: $input) { id role } }`;
const SEARCH = `query S($input: SearchInput!) { search(input: $input) { nodes { threadId } } }`;
const MY_CALENDAR = `query C($from: DateTime!, $to: DateTime!) { myCalendar(from: $from, to: $to) { id } }`;

type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const PERSONAS: Persona[] = ['anonymous', 'outsider', 'member', 'convenor', 'admin'];
const ADMIN_ONLY: [Persona, Outcome][] = PERSONAS.map((p) => [
  p,
  p === 'anonymous' ? 'UNAUTHENTICATED' : p === 'admin' ? 'OK' : 'FORBIDDEN',
]);
const DAY = 86_400_000;

/** A wall-clock time some days ahead in London, as the meeting inputs take it. */
function localIn(days: number, hour: number): string {
  return formatLocalDateTime({ ...toZoned(new Date(Date.now() + days * DAY), 'Europe/London'), hour, minute: 0 });
}

const reasonOf = (result: GqlResult<unknown>) => result.errors?.[0]?.extensions?.reason ?? 'OK';

describe('archiving working groups', () => {
  const api = useApiHarness();
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);
  /** When the group was archived (milliseconds), or null. */
  const archivedAt = async (groupId: string) =>
    (
      await sql<{ ms: string | null }>(
        'select (extract(epoch from archived_at) * 1000)::bigint as ms from working_groups where id = ?',
        [groupId],
      )
    )[0]!.ms;

  /** A group with a discussion the member started (with a word to search for), then archived by an admin. */
  async function archivedGroup(): Promise<{ g: GroupPersonas; threadId: string; postId: string; word: string }> {
    const g = await groupPersonas(api);
    const word = `word${randomUUID().slice(0, 8)}`;
    const threadId = dataOf(
      await (
        await g.as('member')
      ).request<{ createThread: { id: string } }>(CREATE_THREAD, {
        input: { groupId: g.group.id, title: `Stop and search ${word}`, body: `What have you seen? ${word}` },
      }),
    ).createThread.id;
    const [post] = await sql<{ id: string }>('select id from posts where thread_id = ?', [threadId]);
    dataOf(await (await g.as('admin')).request(ARCHIVE, { groupId: g.group.id }));
    return { g, threadId, postId: post!.id, word };
  }

  describe('who may', () => {
    it.each(ADMIN_ONLY)('archiveGroup: %s → %s', async (persona, expected) => {
      const g = await groupPersonas(api);
      const result = await (await g.as(persona)).request(ARCHIVE, { groupId: g.group.id });
      expect(codeOf(result)).toBe(expected);
      expect(await archivedAt(g.group.id)).toEqual(expected === 'OK' ? expect.any(String) : null);
    });

    it.each(ADMIN_ONLY)('restoreGroup: %s → %s', async (persona, expected) => {
      const { g } = await archivedGroup();
      const result = await (await g.as(persona)).request(RESTORE, { groupId: g.group.id });
      expect(codeOf(result)).toBe(expected);
      expect(await archivedAt(g.group.id)).toEqual(expected === 'OK' ? null : expect.any(String));
    });

    it.each(ADMIN_ONLY)('archivedWorkingGroups: %s → %s', async (persona, expected) => {
      const { g } = await archivedGroup();
      const result = await (await g.as(persona)).request<{ archivedWorkingGroups: { id: string }[] }>(ARCHIVED);
      expect(codeOf(result)).toBe(expected);
      if (expected === 'OK') expect(dataOf(result).archivedWorkingGroups.map((x) => x.id)).toContain(g.group.id);
      else expect(result.data?.archivedWorkingGroups).toBeUndefined();
    });
  });

  it('records archiving and restoring in the audit log, once each, with who did it', async () => {
    const { g } = await archivedGroup();
    const admin = await g.as('admin');
    // Archiving it again changes nothing and is not recorded again.
    dataOf(await admin.request(ARCHIVE, { groupId: g.group.id }));
    dataOf(await admin.request(RESTORE, { groupId: g.group.id }));
    const events = await sql<{ action: string; actor_id: string }>(
      'select action, actor_id from audit_events where group_id = ? and action in (?, ?) order by created_at',
      [g.group.id, 'GROUP_ARCHIVED', 'GROUP_RESTORED'],
    );
    expect(events).toEqual([
      { action: 'GROUP_ARCHIVED', actor_id: g.people.admin.id },
      { action: 'GROUP_RESTORED', actor_id: g.people.admin.id },
    ]);
  });

  it('leaves the group out of the directory for members and non-members, and lists it for admins', async () => {
    const { g } = await archivedGroup();
    for (const persona of ['outsider', 'member', 'convenor', 'admin'] as const) {
      const listed = dataOf(await (await g.as(persona)).request<{ workingGroups: { id: string }[] }>(GROUPS));
      expect(listed.workingGroups.map((x) => x.id)).not.toContain(g.group.id);
    }
    const archived = dataOf(
      await (await g.as('admin')).request<{ archivedWorkingGroups: { id: string; archivedAt: string }[] }>(ARCHIVED),
    ).archivedWorkingGroups.find((x) => x.id === g.group.id);
    expect(new Date(archived!.archivedAt).getTime()).toBe(Number(await archivedAt(g.group.id)));
  });

  it('lets its members open it and read its discussions', async () => {
    const { g, threadId } = await archivedGroup();
    const member = await g.as('member');
    const { workingGroup } = dataOf(
      await member.request<{
        workingGroup: { id: string; archivedAt: string | null; threads: { nodes: { id: string }[] } };
      }>(GROUP, { slug: g.group.slug }),
    );
    expect(workingGroup.archivedAt).toEqual(expect.any(String));
    expect(workingGroup.threads.nodes.map((t) => t.id)).toEqual([threadId]);
    const { thread } = dataOf(
      await member.request<{ thread: { groupArchived: boolean; posts: { nodes: { body: string }[] } } }>(THREAD, {
        id: threadId,
      }),
    );
    expect(thread.groupArchived).toBe(true);
    expect(thread.posts.nodes[0]!.body).toMatch(/What have you seen\?/);
    // Outsiders still see nothing inside it.
    expect(codeOf(await (await g.as('outsider')).request(THREAD, { id: threadId }))).toBe('NOT_FOUND');
  });

  it('lets its members read its documents, which say that no one may change them', async () => {
    const g = await groupPersonas(api);
    const uploaded = await upload(api.url, await g.as('member'), `/api/groups/${g.group.id}/documents`, [
      { name: 'minutes.pdf', bytes: pdf('Minutes') },
    ]);
    const documentId = uploaded.json.document!.id;
    const DOCUMENT = `query D($id: ID!) { document(id: $id) { title viewerCanEdit viewerCanDelete viewerCanManage } }`;
    const read = async (persona: 'member' | 'convenor') =>
      dataOf(await (await g.as(persona)).request<{ document: Record<string, unknown> }>(DOCUMENT, { id: documentId }))
        .document;
    expect(await read('convenor')).toEqual({
      title: 'minutes.pdf',
      viewerCanEdit: true,
      viewerCanDelete: true,
      viewerCanManage: true,
    });
    dataOf(await (await g.as('admin')).request(ARCHIVE, { groupId: g.group.id }));
    for (const persona of ['member', 'convenor'] as const)
      expect(await read(persona)).toEqual({
        title: 'minutes.pdf',
        viewerCanEdit: false,
        viewerCanDelete: false,
        viewerCanManage: false,
      });
    const download = await (await g.as('member')).get(`/api/documents/${documentId}/content`);
    expect(download.status).toBe(200);
  });

  it('shows its polls as they stand, and takes no answers to them', async () => {
    const g = await groupPersonas(api);
    const poll = dataOf(
      await (
        await g.as('convenor')
      ).request<{ createMeetingPoll: { id: string; slots: { id: string }[] } }>(
        `mutation P($input: CreateMeetingPollInput!) { createMeetingPoll(input: $input) { id slots { id } } }`,
        {
          input: {
            groupId: g.group.id,
            title: 'Autumn planning',
            timeZone: 'Europe/London',
            slots: [4, 5].map((d) => ({ startsAt: localIn(d, 18), endsAt: localIn(d, 19) })),
          },
        },
      ),
    ).createMeetingPoll;
    dataOf(await (await g.as('admin')).request(ARCHIVE, { groupId: g.group.id }));
    const member = await g.as('member');
    const seen = dataOf(
      await member.request<{ meetingPoll: { title: string; groupArchived: boolean } }>(
        `query P($id: ID!) { meetingPoll(id: $id) { title groupArchived } }`,
        { id: poll.id },
      ),
    ).meetingPoll;
    expect(seen).toEqual({ title: 'Autumn planning', groupArchived: true });
    const answered = await member.request(
      `mutation A($input: AnswerMeetingPollInput!) { answerMeetingPoll(input: $input) { id } }`,
      { input: { pollId: poll.id, answers: [{ slotId: poll.slots[0]!.id, answer: 'YES' }] } },
    );
    expect(reasonOf(answered)).toBe('GROUP_ARCHIVED');
    expect(await sql('select 1 from meeting_poll_votes where poll_id = ?', [poll.id])).toEqual([]);
  });

  it('leaves it out of its members’ searches and calendars, and sends no reminders of its meetings', async () => {
    const g = await groupPersonas(api);
    const member = await g.as('member');
    const word = `word${randomUUID().slice(0, 8)}`;
    const threadId = dataOf(
      await member.request<{ createThread: { id: string } }>(CREATE_THREAD, {
        input: { groupId: g.group.id, title: `About ${word}`, body: `Notes on ${word}` },
      }),
    ).createThread.id;
    const meetingId = dataOf(
      await (
        await g.as('convenor')
      ).request<{ scheduleMeeting: { id: string } }>(SCHEDULE, {
        input: {
          groupId: g.group.id,
          title: 'Monthly meeting',
          startsAt: localIn(3, 18),
          endsAt: localIn(3, 19),
          timeZone: 'Europe/London',
        },
      }),
    ).scheduleMeeting.id;
    const range = { from: new Date().toISOString(), to: new Date(Date.now() + 10 * DAY).toISOString() };
    const searched = async () =>
      dataOf(
        await member.request<{ search: { nodes: { threadId: string }[] } }>(SEARCH, { input: { query: word } }),
      ).search.nodes.map((n) => n.threadId);
    const calendar = async () =>
      dataOf(await member.request<{ myCalendar: { id: string }[] }>(MY_CALENDAR, range)).myCalendar.map((m) => m.id);
    expect(await searched()).toEqual([threadId]);
    expect(await calendar()).toContain(meetingId);

    dataOf(await (await g.as('admin')).request(ARCHIVE, { groupId: g.group.id }));
    expect(await searched()).toEqual([]);
    expect(await calendar()).not.toContain(meetingId);
    const [meeting] = await sql<{ ms: string; minutes: number[] }>(
      'select (extract(epoch from starts_at) * 1000)::bigint as ms, reminder_minutes as minutes from meetings where id = ?',
      [meetingId],
    );
    const remind = () =>
      api.asJob(() =>
        api.app
          .get(MeetingRemindersService)
          .remind({ meetingId, minutesBefore: meeting!.minutes[0]!, startsAt: Number(meeting!.ms) }),
      );
    expect(await remind()).toBe(false);

    dataOf(await (await g.as('admin')).request(RESTORE, { groupId: g.group.id }));
    expect(await searched()).toEqual([threadId]);
    expect(await calendar()).toContain(meetingId);
    expect(await remind()).toBe(true);
  });

  describe('refuses every kind of write with GROUP_ARCHIVED, changing nothing', () => {
    /** What a write would change in the group, straight from the database. */
    const snapshot = (groupId: string) =>
      Promise.all([
        sql('select id, title from threads where group_id = ? order by id', [groupId]),
        sql(
          'select p.id, p.body from posts p join threads t on t.id = p.thread_id where t.group_id = ? order by p.id',
          [groupId],
        ),
        sql(
          'select r.post_id, r.user_id from post_reactions r join posts p on p.id = r.post_id join threads t on t.id = p.thread_id where t.group_id = ?',
          [groupId],
        ),
        sql('select id from documents where group_id = ?', [groupId]),
        sql('select id from meetings where group_id = ?', [groupId]),
        membershipRows(api, groupId),
      ]);

    const writes: [string, (a: Awaited<ReturnType<typeof archivedGroup>>) => Promise<string>][] = [
      [
        'a new discussion',
        async ({ g }) =>
          reasonOf(
            await (
              await g.as('member')
            ).request(CREATE_THREAD, { input: { groupId: g.group.id, title: 'New', body: 'Hello' } }),
          ),
      ],
      [
        'a reply',
        async ({ g, threadId }) =>
          reasonOf(await (await g.as('member')).request(REPLY, { input: { threadId, body: 'Me too.' } })),
      ],
      [
        'a reaction',
        async ({ g, postId }) =>
          reasonOf(
            await (await g.as('convenor')).request(REACT, { input: { postId, reaction: 'THANKS', active: true } }),
          ),
      ],
      [
        'an upload',
        async ({ g }) => {
          const result = await upload(api.url, await g.as('member'), `/api/groups/${g.group.id}/documents`, [
            { name: 'minutes.pdf', bytes: pdf('Minutes') },
          ]);
          expect(result.status).toBe(403);
          return result.json.error?.reason ?? 'OK';
        },
      ],
      [
        'a meeting',
        async ({ g }) =>
          reasonOf(
            await (
              await g.as('convenor')
            ).request(SCHEDULE, {
              input: {
                groupId: g.group.id,
                title: 'Planning',
                startsAt: localIn(5, 10),
                endsAt: localIn(5, 11),
                timeZone: 'Europe/London',
              },
            }),
          ),
      ],
      [
        'a join request',
        async ({ g }) => reasonOf(await (await g.as('outsider')).request(REQUEST, { input: { groupId: g.group.id } })),
      ],
      [
        'an invitation',
        async ({ g }) =>
          reasonOf(
            await (
              await g.as('convenor')
            ).request(INVITE, { input: { groupId: g.group.id, email: g.people.outsider.email } }),
          ),
      ],
      [
        'a change of role',
        async ({ g }) =>
          reasonOf(
            await (
              await g.as('admin')
            ).request(SET_ROLE, { input: { membershipId: g.memberships.member.id, role: 'OBSERVER' } }),
          ),
      ],
    ];

    it.each(writes)('%s', async (_kind, write) => {
      const archived = await archivedGroup();
      const before = await snapshot(archived.g.group.id);
      expect(await write(archived)).toBe('GROUP_ARCHIVED');
      expect(await snapshot(archived.g.group.id)).toEqual(before);
    });

    it('with a clear message', async () => {
      const { g, threadId } = await archivedGroup();
      const result = await (await g.as('member')).request(REPLY, { input: { threadId, body: 'Me too.' } });
      expect(result.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/archived/),
        extensions: { code: 'FORBIDDEN', reason: 'GROUP_ARCHIVED' },
      });
    });
  });

  it('brings everything back when restored', async () => {
    const archived = await archivedGroup();
    const { g, threadId } = archived;
    dataOf(await (await g.as('admin')).request(RESTORE, { groupId: g.group.id }));
    const listed = dataOf(await (await g.as('outsider')).request<{ workingGroups: { id: string }[] }>(GROUPS));
    expect(listed.workingGroups.map((x) => x.id)).toContain(g.group.id);
    const archivedList = dataOf(
      await (await g.as('admin')).request<{ archivedWorkingGroups: { id: string }[] }>(ARCHIVED),
    );
    expect(archivedList.archivedWorkingGroups.map((x) => x.id)).not.toContain(g.group.id);
    dataOf(await (await g.as('member')).request(REPLY, { input: { threadId, body: 'Back again.' } }));
    const uploaded = await upload(api.url, await g.as('member'), `/api/groups/${g.group.id}/documents`, [
      { name: 'minutes.pdf', bytes: pdf('Minutes') },
    ]);
    expect(uploaded.status).toBe(201);
    dataOf(await (await g.as('outsider')).request(REQUEST, { input: { groupId: g.group.id } }));
    expect(await membershipRows(api, g.group.id)).toContainEqual(
      expect.objectContaining({ userId: g.people.outsider.id, status: 'PENDING' }),
    );
  });
});
