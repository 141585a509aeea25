// Taking part in discussions beyond posting, on the real PostgreSQL: mentions, edits and their
// history, deleting, reactions, moderation, read positions, per-thread levels and search. Each
// operation has its authorization table; refused operations change nothing.
import { describe, expect, it } from '@jest/globals';
import {
  GroupNotificationLevel,
  MembershipRole,
  NotificationType,
  ThreadNotificationLevel,
} from '@convene/shared-contracts';
import { NotificationsService } from '@convene/server-notifications';
import { type GqlClient, useApiHarness } from './api-harness.js';
import { codeOf, dataOf, groupPersonas, type GroupPersonas, type Persona } from './group-personas.js';

const CREATE = `mutation C($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const REPLY = `mutation R($input: ReplyInput!) { reply(input: $input) { id bodyHtml } }`;
const EDIT = `mutation E($input: EditPostInput!) { editPost(input: $input) { id body editedAt } }`;
const DELETE = `mutation D($postId: ID!) { deletePost(postId: $postId) { id body bodyHtml deleted } }`;
const REACT = `mutation X($input: ReactInput!) { reactToPost(input: $input) { id reactions { reaction count mine } } }`;
const HIDE = `mutation H($input: HidePostInput!) { hidePost(input: $input) { id hidden { reason } } }`;
const UNHIDE = `mutation U($postId: ID!) { unhidePost(postId: $postId) { id hidden { reason } } }`;
const PIN = `mutation P($threadId: ID!, $pinned: Boolean!) { pinThread(threadId: $threadId, pinned: $pinned) { id pinned } }`;
const LOCK = `mutation L($threadId: ID!, $locked: Boolean!) { lockThread(threadId: $threadId, locked: $locked) { id locked } }`;
const MOVE = `mutation M($input: MoveThreadInput!) { moveThread(input: $input) { id group { id } } }`;
const MARK_READ = `mutation MR($threadId: ID!, $readCount: Int) { markThreadRead(threadId: $threadId, readCount: $readCount) { id unreadCount readCount } }`;
const LEVEL = `mutation TL($threadId: ID!, $level: ThreadNotificationLevel!) { setThreadNotificationLevel(threadId: $threadId, level: $level) { id notificationLevel } }`;
const REVISIONS = `query RV($postId: ID!) { postRevisions(postId: $postId) { body bodyHtml writtenAt replacedAt } }`;
const THREAD = `query T($id: ID!) { thread(id: $id) { id unreadCount readCount firstUnreadPostId notificationLevel viewerCanModerate locked posts { nodes { id body bodyHtml deleted hidden { reason } editedAt viewerIsAuthor reactions { reaction count mine } } } } }`;
const THREADS = `query G($slug: String!) { workingGroup(slug: $slug) { threads { nodes { id pinned unreadCount } } } }`;
const SEARCH = `query S($input: SearchInput!) { search(input: $input) { nodes { postId threadId titleHtml snippetHtml group { id } author { id } } hasNextPage endCursor } }`;
const MENTIONABLE = `query MB($slug: String!, $query: String) { workingGroup(slug: $slug) { mentionable(query: $query) { id displayName } } }`;
const PREVIEW = `query PV($body: String!, $groupId: ID) { previewPost(body: $body, groupId: $groupId) }`;

const PERSONAS: Persona[] = ['anonymous', 'outsider', 'member', 'convenor', 'admin'];
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
/** Who may act on something of a group: members and convenors; outsiders and a non-member admin are not told it exists. */
const table = (member: Outcome, convenor: Outcome): [Persona, Outcome][] =>
  PERSONAS.map((p) => [
    p,
    p === 'anonymous' ? 'UNAUTHENTICATED' : p === 'member' ? member : p === 'convenor' ? convenor : 'NOT_FOUND',
  ]);

type ThreadView = {
  thread: {
    unreadCount: number;
    readCount: number;
    firstUnreadPostId: string | null;
    notificationLevel: ThreadNotificationLevel;
    viewerCanModerate: boolean;
    locked: boolean;
    posts: {
      nodes: {
        id: string;
        body: string | null;
        bodyHtml: string;
        deleted: boolean;
        hidden: { reason: string } | null;
        editedAt: string | null;
        viewerIsAuthor: boolean;
        reactions: { reaction: string; count: number; mine: boolean }[];
      }[];
    };
  };
};

describe('taking part in discussions', () => {
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);

  const api = useApiHarness();

  /** A group whose member started a thread; the convenor replied to it. */
  async function discussion(opening = 'What have you seen at the trust?') {
    const w = await groupPersonas(api);
    const threadId = dataOf(
      await (
        await w.as('member')
      ).request<{ createThread: { id: string } }>(CREATE, {
        input: { groupId: w.group.id, title: 'NHS charging', body: opening },
      }),
    ).createThread.id;
    const [opening_] = await sql<{ id: string }>('select id from posts where thread_id = ? and parent_id is null', [
      threadId,
    ]);
    const replyId = dataOf(
      await (
        await w.as('convenor')
      ).request<{ reply: { id: string } }>(REPLY, { input: { threadId, body: 'Letters sent before treatment.' } }),
    ).reply.id;
    return { w, threadId, openingId: opening_!.id, replyId };
  }
  const post = async (id: string) =>
    (
      await sql<{ body: string; deleted_at: Date | null; hidden_at: Date | null; edited_at: Date | null }>(
        'select body, deleted_at, hidden_at, edited_at from posts where id = ?',
        [id],
      )
    )[0]!;
  const thread = async (id: string) =>
    (
      await sql<{ pinned: boolean; locked: boolean; group_id: string }>(
        'select pinned, locked, group_id from threads where id = ?',
        [id],
      )
    )[0]!;
  /** Runs the fan-out of the latest event of a type about a thread; returns who got what. */
  async function told(type: string, threadId: string): Promise<{ recipient_id: string; type: NotificationType }[]> {
    const [event] = await sql<{ id: string }>(
      `select id from outbox_events where type = ? and payload->>'threadId' = ? order by created_at desc limit 1`,
      [type, threadId],
    );
    if (!event) return [];
    await api.asJob(() => api.app.get(NotificationsService).fanOut(event.id));
    return sql('select recipient_id, type from notifications where event_id = ? order by recipient_id', [event.id]);
  }
  const setGroupLevel = (w: GroupPersonas, persona: 'member' | 'convenor', level: GroupNotificationLevel) =>
    sql(
      'insert into group_notification_preferences (user_id, group_id, level) values (?, ?, ?) on conflict (user_id, group_id) do update set level = excluded.level',
      [w.people[persona].id, w.group.id, level],
    );

  describe('who may do what', () => {
    it.each(table('OK', 'FORBIDDEN'))(
      'editPost of the member’s post: %s → %s; a refused edit changes nothing',
      async (persona, expected) => {
        const { w, openingId } = await discussion();
        const result = await (await w.as(persona)).request(EDIT, { input: { postId: openingId, body: 'Edited.' } });
        expect(codeOf(result)).toBe(expected);
        expect((await post(openingId)).body).toBe(expected === 'OK' ? 'Edited.' : 'What have you seen at the trust?');
        if (expected === 'FORBIDDEN') expect(result.errors?.[0]?.extensions?.reason).toBe('NOT_THE_AUTHOR');
      },
    );

    it.each(table('OK', 'FORBIDDEN'))('deletePost of the member’s post: %s → %s', async (persona, expected) => {
      const { w, openingId } = await discussion();
      expect(codeOf(await (await w.as(persona)).request(DELETE, { postId: openingId }))).toBe(expected);
      expect((await post(openingId)).deleted_at === null).toBe(expected !== 'OK');
    });

    it.each(table('OK', 'OK'))('reactToPost: %s → %s', async (persona, expected) => {
      const { w, replyId } = await discussion();
      expect(
        codeOf(
          await (
            await w.as(persona)
          ).request(REACT, { input: { postId: replyId, reaction: 'THUMBS_UP', active: true } }),
        ),
      ).toBe(expected);
      const [{ n }] = (await sql<{ n: number }>('select count(*)::int as n from post_reactions where post_id = ?', [
        replyId,
      ])) as [{ n: number }];
      expect(n).toBe(expected === 'OK' ? 1 : 0);
    });

    it.each(table('FORBIDDEN', 'OK'))('hidePost: %s → %s', async (persona, expected) => {
      const { w, openingId } = await discussion();
      const result = await (
        await w.as(persona)
      ).request(HIDE, { input: { postId: openingId, reason: 'Names a person at risk.' } });
      expect(codeOf(result)).toBe(expected);
      if (expected === 'FORBIDDEN') expect(result.errors?.[0]?.extensions?.reason).toBe('NOT_A_CONVENOR');
      expect((await post(openingId)).hidden_at === null).toBe(expected !== 'OK');
    });

    it.each(table('FORBIDDEN', 'OK'))('unhidePost: %s → %s', async (persona, expected) => {
      const { w, openingId } = await discussion();
      dataOf(await (await w.as('convenor')).request(HIDE, { input: { postId: openingId, reason: 'Off topic.' } }));
      expect(codeOf(await (await w.as(persona)).request(UNHIDE, { postId: openingId }))).toBe(expected);
      expect((await post(openingId)).hidden_at === null).toBe(expected === 'OK');
    });

    it.each(table('FORBIDDEN', 'OK'))('pinThread: %s → %s', async (persona, expected) => {
      const { w, threadId } = await discussion();
      expect(codeOf(await (await w.as(persona)).request(PIN, { threadId, pinned: true }))).toBe(expected);
      expect((await thread(threadId)).pinned).toBe(expected === 'OK');
    });

    it.each(table('FORBIDDEN', 'OK'))('lockThread: %s → %s', async (persona, expected) => {
      const { w, threadId } = await discussion();
      expect(codeOf(await (await w.as(persona)).request(LOCK, { threadId, locked: true }))).toBe(expected);
      expect((await thread(threadId)).locked).toBe(expected === 'OK');
    });

    it.each(table('FORBIDDEN', 'OK'))(
      'moveThread to another group the convenor convenes: %s → %s',
      async (persona, expected) => {
        const { w, threadId } = await discussion();
        const target = await api.data.group();
        await api.data.membership(target, w.people.convenor, MembershipRole.CONVENOR);
        await api.data.membership(target, w.people.member, MembershipRole.MEMBER);
        expect(codeOf(await (await w.as(persona)).request(MOVE, { input: { threadId, groupId: target.id } }))).toBe(
          expected,
        );
        expect((await thread(threadId)).group_id).toBe(expected === 'OK' ? target.id : w.group.id);
      },
    );

    it('moveThread to a group the convenor does not convene → FORBIDDEN, nothing moves', async () => {
      const { w, threadId } = await discussion();
      const target = await api.data.group();
      await api.data.membership(target, w.people.convenor, MembershipRole.MEMBER);
      const result = await (await w.as('convenor')).request(MOVE, { input: { threadId, groupId: target.id } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_CONVENOR' });
      expect((await thread(threadId)).group_id).toBe(w.group.id);
    });

    it.each(table('OK', 'OK'))('markThreadRead: %s → %s', async (persona, expected) => {
      const { w, threadId } = await discussion();
      expect(codeOf(await (await w.as(persona)).request(MARK_READ, { threadId }))).toBe(expected);
      const rows = await sql('select 1 from thread_reads where thread_id = ? and user_id = ?', [
        threadId,
        persona === 'anonymous' ? w.people.member.id : w.people[persona].id,
      ]);
      // The member started the thread and the convenor replied: both have a read position anyway.
      if (persona === 'outsider' || persona === 'admin') expect(rows).toHaveLength(0);
    });

    it.each(table('OK', 'OK'))('setThreadNotificationLevel: %s → %s', async (persona, expected) => {
      const { w, threadId } = await discussion();
      expect(codeOf(await (await w.as(persona)).request(LEVEL, { threadId, level: 'MUTED' }))).toBe(expected);
      const muted = await sql(
        `select user_id from thread_notification_preferences where thread_id = ? and level = 'MUTED'`,
        [threadId],
      );
      expect(muted).toHaveLength(expected === 'OK' ? 1 : 0);
    });

    it.each(table('OK', 'OK'))('postRevisions: %s → %s', async (persona, expected) => {
      const { w, openingId } = await discussion();
      dataOf(await (await w.as('member')).request(EDIT, { input: { postId: openingId, body: 'Second version.' } }));
      const result = await (
        await w.as(persona)
      ).request<{ postRevisions: { body: string }[] }>(REVISIONS, { postId: openingId });
      expect(codeOf(result)).toBe(expected);
      if (expected === 'OK')
        expect(dataOf(result).postRevisions.map((r) => r.body)).toEqual(['What have you seen at the trust?']);
    });

    it.each(PERSONAS)(
      'WorkingGroup.mentionable as %s: the members for people in the group, null for others',
      async (persona) => {
        const { w } = await discussion();
        const result = await (
          await w.as(persona)
        ).request<{ workingGroup: { mentionable: { displayName: string }[] | null } }>(MENTIONABLE, {
          slug: w.group.slug,
          query: 'co',
        });
        if (persona === 'anonymous') return expect(codeOf(result)).toBe('UNAUTHENTICATED');
        const people = dataOf(result).workingGroup.mentionable;
        if (persona === 'member' || persona === 'convenor')
          expect(people?.map((p) => p.displayName)).toEqual(['Cora Convenor']);
        else expect(people).toBeNull();
      },
    );

    it.each(PERSONAS)(
      'previewPost with a group as %s: mentions of its members shown, only to its members',
      async (persona) => {
        const { w } = await discussion();
        const result = await (
          await w.as(persona)
        ).request<{ previewPost: string }>(PREVIEW, { body: 'Ask @[Cora Convenor]', groupId: w.group.id });
        const expected =
          persona === 'anonymous'
            ? 'UNAUTHENTICATED'
            : persona === 'member' || persona === 'convenor'
              ? 'OK'
              : 'FORBIDDEN';
        expect(codeOf(result)).toBe(expected);
        if (expected === 'OK')
          expect(dataOf(result).previewPost).toBe(
            `<p dir="auto">Ask <span class="mention" data-user-id="${w.people.convenor.id}">@Cora Convenor</span></p>\n`,
          );
      },
    );

    it.each(PERSONAS)(
      'search as %s: finds the group’s posts only for its members, even when asked for the group by id',
      async (persona) => {
        const { w } = await discussion('The Home Office data-sharing memorandum');
        const client = await w.as(persona);
        const everywhere = await client.request<{ search: { nodes: { threadId: string }[] } }>(SEARCH, {
          input: { query: 'memorandum' },
        });
        const inGroup = await client.request<{ search: { nodes: { threadId: string }[] } }>(SEARCH, {
          input: { query: 'memorandum', groupId: w.group.id },
        });
        if (persona === 'anonymous') {
          expect(codeOf(everywhere)).toBe('UNAUTHENTICATED');
          return;
        }
        const expected = persona === 'member' || persona === 'convenor' ? 1 : 0;
        expect(dataOf(everywhere).search.nodes).toHaveLength(expected);
        expect(dataOf(inGroup).search.nodes).toHaveLength(expected);
      },
    );
  });

  describe('mentions', () => {
    it('renders a mention of a member, tells them even with the group muted, and leaves code alone', async () => {
      const { w, threadId } = await discussion();
      await setGroupLevel(w, 'convenor', GroupNotificationLevel.MUTED);
      const reply = dataOf(
        await (
          await w.as('member')
        ).request<{ reply: { bodyHtml: string } }>(REPLY, {
          input: { threadId, body: 'Can @[cora  convenor] check? `@[Nobody]` is code.' },
        }),
      ).reply;
      expect(reply.bodyHtml).toBe(
        `<p dir="auto">Can <span class="mention" data-user-id="${w.people.convenor.id}">@Cora Convenor</span> check? <code>@[Nobody]</code> is code.</p>\n`,
      );
      expect(await told('post.mentioned', threadId)).toEqual([
        { recipient_id: w.people.convenor.id, type: NotificationType.MENTIONED },
      ]);
      // The reply itself told the convenor nothing more (their post was not the one answered, and the mention told them).
      expect(await told('post.replied', threadId)).toEqual([]);
    });

    it('refuses a mention of someone outside the group with a coded field error, storing nothing', async () => {
      const { w, threadId } = await discussion();
      const before = (
        await sql<{ n: number }>('select count(*)::int as n from posts where thread_id = ?', [threadId])
      )[0]!.n;
      const result = await (
        await w.as('member')
      ).request(REPLY, { input: { threadId, body: 'Over to @[Olive Outsider]' } });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'MENTION_NOT_A_MEMBER',
        fields: { body: '@Olive Outsider is not a member of this group. Mention members only.' },
      });
      expect(
        (await sql<{ n: number }>('select count(*)::int as n from posts where thread_id = ?', [threadId]))[0]!.n,
      ).toBe(before);
    });

    it('@group-convenors tells the convenors', async () => {
      const { w, threadId, replyId } = await discussion();
      const second = await api.data.user({ displayName: 'Second Convenor' });
      await api.data.membership(w.group, second, MembershipRole.CONVENOR);
      // Answering the convenor's post: the mention tells both convenors, the reply tells nobody twice.
      dataOf(
        await (
          await w.as('member')
        ).request(REPLY, {
          input: { threadId, parentPostId: replyId, body: '@group-convenors can we put this on the agenda?' },
        }),
      );
      expect((await told('post.mentioned', threadId)).map((r) => r.recipient_id)).toEqual(
        [w.people.convenor.id, second.id].sort(),
      );
      expect(await told('post.replied', threadId)).toEqual([]);
    });

    it('someone who left the group before the mention went out is not told', async () => {
      const { w, threadId } = await discussion();
      dataOf(await (await w.as('member')).request(REPLY, { input: { threadId, body: 'Over to @[Cora Convenor]' } }));
      await sql('delete from memberships where id = ?', [w.memberships.convenor.id]);
      expect(await told('post.mentioned', threadId)).toEqual([]);
    });

    it('@group-convenors taken out and put back in by edits tells the convenors once', async () => {
      const { w, threadId, openingId } = await discussion('@group-convenors please look');
      const member = await w.as('member');
      dataOf(await member.request(EDIT, { input: { postId: openingId, body: 'Never mind.' } }));
      dataOf(
        await member.request(EDIT, { input: { postId: openingId, body: '@group-convenors please look after all' } }),
      );
      const events = await sql(
        `select id from outbox_events where type = 'post.mentioned' and payload->>'threadId' = ?`,
        [threadId],
      );
      expect(events).toHaveLength(1);
    });

    it('an edit tells only the people it newly mentions', async () => {
      const { w, threadId, openingId } = await discussion();
      const extra = await api.data.user({ displayName: 'Ezra Extra' });
      await api.data.membership(w.group, extra, MembershipRole.MEMBER);
      const member = await w.as('member');
      dataOf(await member.request(EDIT, { input: { postId: openingId, body: 'Asking @[Cora Convenor].' } }));
      expect((await told('post.mentioned', threadId)).map((r) => r.recipient_id)).toEqual([w.people.convenor.id]);
      dataOf(
        await member.request(EDIT, {
          input: { postId: openingId, body: 'Asking @[Cora Convenor] and @[Ezra Extra].' },
        }),
      );
      expect((await told('post.mentioned', threadId)).map((r) => r.recipient_id)).toEqual([extra.id]);
    });
  });

  describe('edits, deletes and reactions', () => {
    it('keeps each replaced text as a revision, newest first', async () => {
      const { w, openingId, threadId } = await discussion();
      const member = await w.as('member');
      dataOf(await member.request(EDIT, { input: { postId: openingId, body: 'Second **version**.' } }));
      dataOf(await member.request(EDIT, { input: { postId: openingId, body: 'Third version.' } }));
      const revisions = dataOf(
        await (
          await w.as('convenor')
        ).request<{ postRevisions: { body: string; bodyHtml: string }[] }>(REVISIONS, { postId: openingId }),
      ).postRevisions;
      expect(revisions.map((r) => r.body)).toEqual(['Second **version**.', 'What have you seen at the trust?']);
      expect(revisions[0]!.bodyHtml).toBe('<p dir="auto">Second <strong>version</strong>.</p>\n');
      const opening = dataOf(await member.request<ThreadView>(THREAD, { id: threadId })).thread.posts.nodes[0]!;
      expect(opening).toMatchObject({ body: 'Third version.', viewerIsAuthor: true });
      expect(opening.editedAt).not.toBeNull();
    });

    it('deleting keeps the place in the tree and drops the text, its history and its reactions', async () => {
      const { w, threadId, openingId, replyId } = await discussion();
      const member = await w.as('member');
      dataOf(await member.request(EDIT, { input: { postId: openingId, body: 'Changed my mind.' } }));
      dataOf(
        await (
          await w.as('convenor')
        ).request(REACT, { input: { postId: openingId, reaction: 'HEART', active: true } }),
      );
      const deleted = dataOf(
        await member.request<{ deletePost: { body: string | null; bodyHtml: string; deleted: boolean } }>(DELETE, {
          postId: openingId,
        }),
      ).deletePost;
      expect(deleted).toEqual({ id: openingId, body: null, bodyHtml: '', deleted: true });
      expect(await sql('select 1 from post_revisions where post_id = ?', [openingId])).toHaveLength(0);
      expect(await sql('select 1 from post_reactions where post_id = ?', [openingId])).toHaveLength(0);
      expect((await post(openingId)).body).toBe('');
      const posts = dataOf(await member.request<ThreadView>(THREAD, { id: threadId })).thread.posts.nodes;
      expect(posts.map((p) => [p.id, p.deleted])).toEqual([
        [openingId, true],
        [replyId, false],
      ]);
      // A deleted post can't be edited back, nor reacted to.
      expect(
        (await member.request(EDIT, { input: { postId: openingId, body: 'Back.' } })).errors?.[0]?.extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'POST_DELETED' });
      expect(
        (await member.request(REACT, { input: { postId: openingId, reaction: 'HEART', active: true } })).errors?.[0]
          ?.extensions?.reason,
      ).toBe('POST_DELETED');
    });

    it('counts reactions per kind, says which are mine, and adding twice or removing twice changes nothing', async () => {
      const { w, replyId } = await discussion();
      const member = await w.as('member');
      const convenor = await w.as('convenor');
      const react = async (client: typeof member, reaction: string, active: boolean) =>
        dataOf(
          await client.request<{ reactToPost: { reactions: { reaction: string; count: number; mine: boolean }[] } }>(
            REACT,
            { input: { postId: replyId, reaction, active } },
          ),
        );
      await react(member, 'THUMBS_UP', true);
      await react(member, 'THUMBS_UP', true);
      await react(convenor, 'THUMBS_UP', true);
      await react(convenor, 'THANKS', true);
      const mine = (await react(member, 'EYES', false)).reactToPost.reactions;
      expect(mine).toEqual([
        { reaction: 'THUMBS_UP', count: 2, mine: true },
        { reaction: 'THANKS', count: 1, mine: false },
      ]);
      await react(convenor, 'THANKS', false);
      expect((await react(convenor, 'THANKS', false)).reactToPost.reactions).toEqual([
        { reaction: 'THUMBS_UP', count: 2, mine: true },
      ]);
      const bad = await member.request(REACT, { input: { postId: replyId, reaction: 'ANGRY', active: true } });
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    });
  });

  describe('moderation', () => {
    it('a hidden post shows its reason to members, its text only to its author and the convenors, and its author is told', async () => {
      const { w, threadId, openingId } = await discussion('Names and addresses of the people at risk');
      dataOf(
        await (
          await w.as('convenor')
        ).request(HIDE, { input: { postId: openingId, reason: 'It names people at risk.' } }),
      );
      const extra = await api.data.user();
      await api.data.membership(w.group, extra, MembershipRole.MEMBER);
      const other = dataOf(await (await api.signedIn(extra)).request<ThreadView>(THREAD, { id: threadId })).thread.posts
        .nodes[0]!;
      expect(other).toMatchObject({ body: null, bodyHtml: '', hidden: { reason: 'It names people at risk.' } });
      const author = dataOf(await (await w.as('member')).request<ThreadView>(THREAD, { id: threadId })).thread.posts
        .nodes[0]!;
      expect(author).toMatchObject({
        body: 'Names and addresses of the people at risk',
        hidden: { reason: 'It names people at risk.' },
      });
      expect(await told('post.hidden', threadId)).toEqual([
        { recipient_id: w.people.member.id, type: NotificationType.POST_HIDDEN },
      ]);
      // Hidden posts are not found by search, and can't be edited.
      expect(
        dataOf(
          await (
            await w.as('convenor')
          ).request<{ search: { nodes: unknown[] } }>(SEARCH, { input: { query: 'addresses' } }),
        ).search.nodes,
      ).toHaveLength(0);
      expect(
        (await (await w.as('member')).request(EDIT, { input: { postId: openingId, body: 'x' } })).errors?.[0]
          ?.extensions?.reason,
      ).toBe('POST_HIDDEN');
    });

    it('tells the author once, however often the post is hidden', async () => {
      const { w, threadId, openingId } = await discussion();
      const convenor = await w.as('convenor');
      dataOf(await convenor.request(HIDE, { input: { postId: openingId, reason: 'Off topic.' } }));
      dataOf(await convenor.request(HIDE, { input: { postId: openingId, reason: 'Off topic, and names a person.' } }));
      const events = await sql(`select id from outbox_events where type = 'post.hidden' and payload->>'threadId' = ?`, [
        threadId,
      ]);
      expect(events).toHaveLength(1);
      const shown = dataOf(await (await w.as('member')).request<ThreadView>(THREAD, { id: threadId })).thread.posts
        .nodes[0]!;
      expect(shown.hidden).toEqual({ reason: 'Off topic, and names a person.' });
    });

    it('refuses a hide without a reason', async () => {
      const { w, openingId } = await discussion();
      const result = await (await w.as('convenor')).request(HIDE, { input: { postId: openingId, reason: '  ' } });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { reason: expect.any(String) },
      });
      expect((await post(openingId)).hidden_at).toBeNull();
    });

    it('a locked thread takes no replies and no edits; pinned threads lead the list', async () => {
      const { w, threadId, openingId } = await discussion();
      const other = dataOf(
        await (
          await w.as('member')
        ).request<{ createThread: { id: string } }>(CREATE, {
          input: { groupId: w.group.id, title: 'Later', body: 'Newer thread' },
        }),
      ).createThread.id;
      const convenor = await w.as('convenor');
      dataOf(await convenor.request(LOCK, { threadId, locked: true }));
      const member = await w.as('member');
      expect(
        (await member.request(REPLY, { input: { threadId, body: 'Hello?' } })).errors?.[0]?.extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'THREAD_LOCKED' });
      expect(
        (await member.request(EDIT, { input: { postId: openingId, body: 'Hello?' } })).errors?.[0]?.extensions?.reason,
      ).toBe('THREAD_LOCKED');
      const before = dataOf(
        await member.request<{ workingGroup: { threads: { nodes: { id: string }[] } } }>(THREADS, {
          slug: w.group.slug,
        }),
      ).workingGroup.threads.nodes.map((t) => t.id);
      expect(before).toEqual([other, threadId]);
      dataOf(await convenor.request(PIN, { threadId, pinned: true }));
      const after = dataOf(
        await member.request<{ workingGroup: { threads: { nodes: { id: string; pinned: boolean }[] } } }>(THREADS, {
          slug: w.group.slug,
        }),
      ).workingGroup.threads.nodes;
      expect(after.map((t) => [t.id, t.pinned])).toEqual([
        [threadId, true],
        [other, false],
      ]);
    });
  });

  describe('read positions', () => {
    it('counts what is new for each person, points at the first unread post, and only moves forward', async () => {
      const { w, threadId, openingId, replyId } = await discussion();
      const extra = await api.data.user();
      await api.data.membership(w.group, extra, MembershipRole.MEMBER);
      const reader = await api.signedIn(extra);
      const view = async () => dataOf(await reader.request<ThreadView>(THREAD, { id: threadId })).thread;
      expect(await view()).toMatchObject({ unreadCount: 2, readCount: 0, firstUnreadPostId: openingId });
      dataOf(await reader.request(MARK_READ, { threadId, readCount: 1 }));
      expect(await view()).toMatchObject({ unreadCount: 1, firstUnreadPostId: replyId });
      dataOf(await reader.request(MARK_READ, { threadId }));
      expect(await view()).toMatchObject({ unreadCount: 0, readCount: 2, firstUnreadPostId: null });
      dataOf(await reader.request(MARK_READ, { threadId, readCount: 0 }));
      expect((await view()).readCount).toBe(2);
      const next = dataOf(
        await (
          await w.as('member')
        ).request<{ reply: { id: string } }>(REPLY, { input: { threadId, body: 'One more.' } }),
      ).reply.id;
      expect(await view()).toMatchObject({ unreadCount: 1, firstUnreadPostId: next });
      // The author of a reply has read up to it.
      expect(
        dataOf(await (await w.as('member')).request<ThreadView>(THREAD, { id: threadId })).thread.unreadCount,
      ).toBe(0);
      expect(codeOf(await reader.request(MARK_READ, { threadId, readCount: -1 }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('who hears of replies', () => {
    it('the people who took part watch the thread; a muted thread is silent except for mentions', async () => {
      const { w, threadId, replyId } = await discussion();
      await told('thread.created', threadId);
      await told('post.replied', threadId);
      const extra = await api.data.user({ displayName: 'Wanda Watcher' });
      await api.data.membership(w.group, extra, MembershipRole.MEMBER);
      const watcher = await api.signedIn(extra);
      dataOf(await watcher.request(LEVEL, { threadId, level: 'WATCHING' }));
      // The member replies to the convenor: the convenor (answered, and a participant) and the watcher are told.
      dataOf(
        await (
          await w.as('member')
        ).request(REPLY, { input: { threadId, parentPostId: replyId, body: 'Which hospital?' } }),
      );
      expect((await told('post.replied', threadId)).map((r) => r.recipient_id)).toEqual(
        [w.people.convenor.id, extra.id].sort(),
      );
      const levels = dataOf(await (await w.as('member')).request<ThreadView>(THREAD, { id: threadId })).thread
        .notificationLevel;
      expect(levels).toBe('WATCHING');
      // The convenor mutes the thread: a reply to them is silent, a mention still reaches them.
      dataOf(await (await w.as('convenor')).request(LEVEL, { threadId, level: 'MUTED' }));
      dataOf(await watcher.request(REPLY, { input: { threadId, parentPostId: replyId, body: 'St Mary’s.' } }));
      expect((await told('post.replied', threadId)).map((r) => r.recipient_id)).toEqual([w.people.member.id]);
      dataOf(await watcher.request(REPLY, { input: { threadId, body: '@[Cora Convenor] see above.' } }));
      expect((await told('post.mentioned', threadId)).map((r) => r.recipient_id)).toEqual([w.people.convenor.id]);
    });

    it('people no longer in the thread’s group hear nothing of it, though they watched it', async () => {
      const { w, threadId, replyId } = await discussion();
      const target = await api.data.group();
      await api.data.membership(target, w.people.convenor, MembershipRole.CONVENOR);
      const mover = await api.data.user();
      await api.data.membership(target, mover, MembershipRole.MEMBER);
      dataOf(await (await w.as('convenor')).request(MOVE, { input: { threadId, groupId: target.id } }));
      // The member started the thread (a watcher) but is not in the new group: the reply to them reaches nobody else.
      dataOf(
        await (
          await api.signedIn(mover)
        ).request(REPLY, { input: { threadId, parentPostId: replyId, body: 'Moved here.' } }),
      );
      expect((await told('post.replied', threadId)).map((r) => r.recipient_id)).toEqual([w.people.convenor.id]);
      expect(codeOf(await (await w.as('member')).request(THREAD, { id: threadId }))).toBe('NOT_FOUND');
    });
  });

  describe('search', () => {
    it('folds accents and case, highlights matches in escaped snippets, and filters by group and author', async () => {
      const { w, threadId } = await discussion(
        'Lucía met the <b>campaign</b> team about DEPORTATIONS <script>alert(1)</script> with @[Cora Convenor]',
      );
      const member = await w.as('member');
      type Hits = {
        search: {
          nodes: { postId: string; threadId: string; titleHtml: string; snippetHtml: string; author: { id: string } }[];
        };
      };
      const accents = dataOf(await member.request<Hits>(SEARCH, { input: { query: 'LUCIA deportation' } })).search
        .nodes;
      expect(accents).toHaveLength(1);
      expect(accents[0]!.threadId).toBe(threadId);
      expect(accents[0]!.snippetHtml).toContain('<mark>Lucía</mark>');
      expect(accents[0]!.snippetHtml).toContain('<mark>DEPORTATIONS</mark>');
      expect(accents[0]!.snippetHtml).toContain('with @Cora Convenor');
      // Markup in the text never comes through as markup: only the <mark>s are tags.
      expect(accents[0]!.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
      // A title match finds the thread's opening post.
      const title = dataOf(await member.request<Hits>(SEARCH, { input: { query: 'charging' } })).search.nodes;
      expect(title.map((h) => h.titleHtml)).toEqual(['NHS <mark>charging</mark>']);
      // By author: the convenor's reply matches "letters", the member wrote none of it.
      expect(
        dataOf(await member.request<Hits>(SEARCH, { input: { query: 'letters', authorId: w.people.member.id } })).search
          .nodes,
      ).toHaveLength(0);
      expect(
        dataOf(await member.request<Hits>(SEARCH, { input: { query: 'letters', authorId: w.people.convenor.id } }))
          .search.nodes,
      ).toHaveLength(1);
      // Another group of the member's is left out by the group filter.
      const elsewhere = await discussion('Lucía again');
      await api.data.membership(elsewhere.w.group, w.people.member, MembershipRole.MEMBER);
      expect(dataOf(await member.request<Hits>(SEARCH, { input: { query: 'lucia' } })).search.nodes).toHaveLength(2);
      expect(
        dataOf(await member.request<Hits>(SEARCH, { input: { query: 'lucia', groupId: w.group.id } })).search.nodes.map(
          (h) => h.threadId,
        ),
      ).toEqual([threadId]);
    });

    it('follows a thread that moves to another group: its posts are found there, and no longer in the old one', async () => {
      const { w, threadId, openingId } = await discussion('The tribunal backlog doubled this year.');
      const target = await api.data.group();
      await api.data.membership(target, w.people.convenor, MembershipRole.CONVENOR);
      const newcomer = await api.data.user();
      await api.data.membership(target, newcomer, MembershipRole.MEMBER);
      const [member, there] = [await w.as('member'), await api.signedIn(newcomer)];
      type Hits = { search: { nodes: { postId: string; group: { id: string } }[] } };
      const found = async (client: GqlClient, query: string) =>
        dataOf(await client.request<Hits>(SEARCH, { input: { query } })).search.nodes;
      expect((await found(member, 'tribunal')).map((h) => h.postId)).toEqual([openingId]);
      expect(await found(there, 'tribunal')).toEqual([]);

      dataOf(await (await w.as('convenor')).request(MOVE, { input: { threadId, groupId: target.id } }));
      expect((await found(there, 'tribunal')).map((h) => [h.postId, h.group.id])).toEqual([[openingId, target.id]]);
      expect(await found(member, 'tribunal')).toEqual([]);
      // A reply written after the move is in the new group too.
      const replyId = dataOf(
        await there.request<{ reply: { id: string } }>(REPLY, {
          input: { threadId, body: 'The tribunal listed us for March.' },
        }),
      ).reply.id;
      expect((await found(there, 'tribunal')).map((h) => h.postId).sort()).toEqual([openingId, replyId].sort());
      expect(await found(member, 'tribunal')).toEqual([]);
    });

    it('drops control characters from posts, so none can pose as a match marker', async () => {
      const { w } = await discussion('\u0002fake\u0003 highlight and a real asylum match');
      const hits = dataOf(
        await (
          await w.as('member')
        ).request<{ search: { nodes: { snippetHtml: string }[] } }>(SEARCH, { input: { query: 'asylum' } }),
      ).search.nodes;
      expect(hits.map((h) => h.snippetHtml)).toEqual(['fake highlight and a real <mark>asylum</mark> match']);
    });

    it('refuses an empty or over-long query and a bad page size', async () => {
      const { w } = await discussion();
      const member = await w.as('member');
      expect((await member.request(SEARCH, { input: { query: '  ' } })).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { query: expect.any(String) },
      });
      expect(codeOf(await member.request(SEARCH, { input: { query: 'x'.repeat(201) } }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await member.request(SEARCH, { input: { query: 'x', first: 500 } }))).toBe('BAD_USER_INPUT');
      for (const forged of ['1e21', '-1', '99999999', 'abc']) {
        expect(
          codeOf(
            await member.request(SEARCH, { input: { query: 'x', after: Buffer.from(forged).toString('base64url') } }),
          ),
        ).toBe('BAD_USER_INPUT');
      }
    });

    it('pages through results', async () => {
      const w = await groupPersonas(api);
      const member = await w.as('member');
      for (const n of [1, 2, 3])
        dataOf(
          await member.request(CREATE, {
            input: { groupId: w.group.id, title: `Asylum support & <rights> ${n}`, body: 'Asylum support rates.' },
          }),
        );
      type Page = {
        search: { nodes: { postId: string; titleHtml: string }[]; hasNextPage: boolean; endCursor: string | null };
      };
      const first = dataOf(await member.request<Page>(SEARCH, { input: { query: 'asylum', first: 2 } })).search;
      const second = dataOf(
        await member.request<Page>(SEARCH, { input: { query: 'asylum', first: 2, after: first.endCursor } }),
      ).search;
      expect(first.hasNextPage).toBe(true);
      expect(second.hasNextPage).toBe(false);
      expect(new Set([...first.nodes, ...second.nodes].map((n) => n.postId)).size).toBe(3);
      // Titles are escaped text: the angle brackets typed are not markup.
      expect(first.nodes[0]!.titleHtml).toMatch(/^<mark>Asylum<\/mark> support &amp; &lt;rights&gt; \d$/);
    });
  });
});
