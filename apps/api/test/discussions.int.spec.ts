// Discussions on the real PostgreSQL: who may start, read and reply, what bad input gets, the
// reply tree, pagination, and who is told.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { MembershipRole, type ThreadSignal, type WatchResult } from '@convene/shared-contracts';
import { NotificationsService } from '@convene/server-notifications';
import { type GqlClient, useApiHarness } from './api-harness.js';
import { codeOf, dataOf, groupPersonas, type Persona } from './group-personas.js';
import { pageStatements } from './page-statements.js';

const CREATE = `mutation C($input: CreateThreadInput!) { createThread(input: $input) { id title tags replyCount author { displayName } group { id } } }`;
const REPLY = `mutation R($input: ReplyInput!) { reply(input: $input) { id parentId depth bodyHtml author { displayName } } }`;
const THREAD = `query T($id: ID!, $first: Int, $after: String) { thread(id: $id) { id title replyCount posts(first: $first, after: $after) { nodes { id parentId depth body bodyHtml } endCursor hasNextPage } } }`;
const THREADS = `query G($slug: String!, $first: Int, $after: String) { workingGroup(slug: $slug) { threads(first: $first, after: $after) { nodes { id title replyCount } endCursor hasNextPage } } }`;

const PERSONAS: Persona[] = ['anonymous', 'outsider', 'member', 'convenor', 'admin'];
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
/** Members and convenors take part; a network admin who is not in the group does not. */
const membersOnly = (refused: Outcome): [Persona, Outcome][] =>
  PERSONAS.map((p) => [p, p === 'anonymous' ? 'UNAUTHENTICATED' : p === 'member' || p === 'convenor' ? 'OK' : refused]);

describe('discussions', () => {
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);

  const api = useApiHarness();

  const connect = (client: GqlClient): Promise<Socket> => api.connect(client);
  const watch = (socket: Socket, threadId: string) =>
    new Promise<WatchResult>((resolve) => socket.emit('thread:watch', threadId, resolve));

  async function groupWithThread() {
    const w = await groupPersonas(api);
    const created = dataOf(
      await (
        await w.as('member')
      ).request<{ createThread: { id: string } }>(CREATE, {
        input: { groupId: w.group.id, title: 'NHS charging at the local trust', body: 'What have you **seen**?' },
      }),
    );
    return { w, threadId: created.createThread.id };
  }
  const countThreads = async (groupId: string) =>
    (await sql<{ n: number }>('select count(*)::int as n from threads where group_id = ?', [groupId]))[0]!.n;
  const countPosts = async (threadId: string) =>
    (await sql<{ n: number }>('select count(*)::int as n from posts where thread_id = ?', [threadId]))[0]!.n;

  describe('who may do what', () => {
    it.each(membersOnly('FORBIDDEN'))(
      'createThread: %s → %s, and a refused one stores nothing',
      async (persona, expected) => {
        const w = await groupPersonas(api);
        const result = await (
          await w.as(persona)
        ).request(CREATE, { input: { groupId: w.group.id, title: 'Data sharing', body: 'Notes from Tuesday.' } });
        expect(codeOf(result)).toBe(expected);
        expect(await countThreads(w.group.id)).toBe(expected === 'OK' ? 1 : 0);
      },
    );

    it.each(membersOnly('NOT_FOUND'))(
      'thread: %s → %s (a non-member is not told it exists)',
      async (persona, expected) => {
        const { w, threadId } = await groupWithThread();
        const result = await (await w.as(persona)).request<{ thread: { title: string } }>(THREAD, { id: threadId });
        expect(codeOf(result)).toBe(expected);
        if (expected === 'OK') expect(dataOf(result).thread.title).toBe('NHS charging at the local trust');
        else expect(result.data?.thread ?? null).toBeNull();
      },
    );

    it.each(membersOnly('NOT_FOUND'))('reply: %s → %s, and a refused one stores nothing', async (persona, expected) => {
      const { w, threadId } = await groupWithThread();
      const result = await (await w.as(persona)).request(REPLY, { input: { threadId, body: 'Same here.' } });
      expect(codeOf(result)).toBe(expected);
      expect(await countPosts(threadId)).toBe(expected === 'OK' ? 2 : 1);
    });

    it.each(PERSONAS.filter((p) => p !== 'anonymous'))(
      'WorkingGroup.threads as %s: listed for people in the group, null for others',
      async (persona) => {
        const { w, threadId } = await groupWithThread();
        const result = await (
          await w.as(persona)
        ).request<{ workingGroup: { threads: { nodes: { id: string }[] } | null } }>(THREADS, { slug: w.group.slug });
        expect(codeOf(result)).toBe('OK');
        const threads = dataOf(result).workingGroup.threads;
        if (persona === 'member' || persona === 'convenor') expect(threads?.nodes.map((t) => t.id)).toEqual([threadId]);
        else expect(threads).toBeNull();
      },
    );

    it('WorkingGroup.threads: anonymous → UNAUTHENTICATED', async () => {
      const { w } = await groupWithThread();
      expect(codeOf(await api.client().request(THREADS, { slug: w.group.slug }))).toBe('UNAUTHENTICATED');
    });
  });

  it.each(PERSONAS)(
    'previewPost as %s: the same safe rendering for signed-in people, nothing stored',
    async (persona) => {
      const w = await groupPersonas(api);
      const before = (await sql<{ n: number }>('select count(*)::int as n from posts'))[0]!.n;
      const result = await (
        await w.as(persona)
      ).request<{ previewPost: string }>(`query P($body: String!) { previewPost(body: $body) }`, {
        body: '**Agenda** <script>x</script>',
      });
      if (persona === 'anonymous') expect(codeOf(result)).toBe('UNAUTHENTICATED');
      else
        expect(dataOf(result).previewPost).toBe(
          '<p dir="auto"><strong>Agenda</strong> &lt;script&gt;x&lt;/script&gt;</p>\n',
        );
      expect((await sql<{ n: number }>('select count(*)::int as n from posts'))[0]!.n).toBe(before);
    },
  );

  describe('bad input gets a coded error and changes nothing', () => {
    it('refuses an empty title, an empty or over-long body, and bad tags, field by field', async () => {
      const w = await groupPersonas(api);
      const member = await w.as('member');
      const result = await member.request(CREATE, {
        input: { groupId: w.group.id, title: '  ', body: 'x'.repeat(20_001), tags: ['ok', 'not ok!'] },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { title: expect.any(String), body: expect.any(String), 'tags.1': expect.any(String) },
      });
      expect(await countThreads(w.group.id)).toBe(0);
    });

    it('refuses a reply to a locked thread, and to a post of another thread', async () => {
      const { w, threadId } = await groupWithThread();
      const other = await groupWithThread();
      const [foreignPost] = await sql<{ id: string }>('select id from posts where thread_id = ?', [other.threadId]);
      const member = await w.as('member');
      const wrongParent = await member.request(REPLY, {
        input: { threadId, parentPostId: foreignPost!.id, body: 'Hello' },
      });
      expect(wrongParent.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { parentPostId: expect.any(String) },
      });
      await sql('update threads set locked = true where id = ?', [threadId]);
      const locked = await member.request(REPLY, { input: { threadId, body: 'Hello' } });
      expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'THREAD_LOCKED' });
      expect(await countPosts(threadId)).toBe(1);
    });

    it('refuses a page size out of bounds and a forged cursor', async () => {
      const { w, threadId } = await groupWithThread();
      const member = await w.as('member');
      expect(codeOf(await member.request(THREAD, { id: threadId, first: 1000 }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await member.request(THREADS, { slug: w.group.slug, after: 'not-a-cursor' }))).toBe(
        'BAD_USER_INPUT',
      );
      const hyphens = Buffer.from(`0|${new Date().toISOString()}|${'-'.repeat(36)}`).toString('base64url');
      expect(codeOf(await member.request(THREADS, { slug: w.group.slug, after: hyphens }))).toBe('BAD_USER_INPUT');
    });
  });

  it('keeps replies under the post they answer, renders Markdown safely, and pages through posts', async () => {
    const { w, threadId } = await groupWithThread();
    const member = await w.as('member');
    const convenor = await w.as('convenor');
    const first = dataOf(
      await convenor.request<{ reply: { id: string; depth: number; parentId: string } }>(REPLY, {
        input: { threadId, body: 'At **St Mary’s** too. <script>alert(1)</script>' },
      }),
    );
    const nested = dataOf(
      await member.request<{ reply: { id: string; depth: number; parentId: string } }>(REPLY, {
        input: { threadId, parentPostId: first.reply.id, body: '[guide](javascript:alert(1))' },
      }),
    );
    expect(first.reply.depth).toBe(1);
    expect(nested.reply).toMatchObject({ depth: 2, parentId: first.reply.id });

    const page1 = dataOf(
      await member.request<{
        thread: {
          replyCount: number;
          posts: { nodes: { id: string; bodyHtml: string }[]; endCursor: string; hasNextPage: boolean };
        };
      }>(THREAD, { id: threadId, first: 2 }),
    );
    expect(page1.thread.replyCount).toBe(2);
    expect(page1.thread.posts.hasNextPage).toBe(true);
    expect(page1.thread.posts.nodes[1]!.bodyHtml).toBe(
      '<p dir="auto">At <strong>St Mary’s</strong> too. &lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
    const page2 = dataOf(
      await member.request<{ thread: { posts: { nodes: { id: string; bodyHtml: string }[]; hasNextPage: boolean } } }>(
        THREAD,
        { id: threadId, first: 2, after: page1.thread.posts.endCursor },
      ),
    );
    expect(page2.thread.posts.nodes.map((p) => p.id)).toEqual([nested.reply.id]);
    expect(page2.thread.posts.nodes[0]!.bodyHtml).not.toContain('href');
    expect(page2.thread.posts.hasNextPage).toBe(false);
  });

  it('lists a group’s threads by latest activity, a page at a time', async () => {
    const w = await groupPersonas(api);
    const member = await w.as('member');
    const ids: string[] = [];
    for (const title of ['One', 'Two', 'Three']) {
      ids.push(
        dataOf(
          await member.request<{ createThread: { id: string } }>(CREATE, {
            input: { groupId: w.group.id, title, body: 'Body' },
          }),
        ).createThread.id,
      );
    }
    // A reply brings the first thread back to the top.
    dataOf(await member.request(REPLY, { input: { threadId: ids[0], body: 'Bump' } }));
    type Threads = { workingGroup: { threads: { nodes: { id: string }[]; endCursor: string; hasNextPage: boolean } } };
    const page1 = dataOf(await member.request<Threads>(THREADS, { slug: w.group.slug, first: 2 })).workingGroup.threads;
    const page2 = dataOf(
      await member.request<Threads>(THREADS, { slug: w.group.slug, first: 2, after: page1.endCursor }),
    ).workingGroup.threads;
    expect([...page1.nodes, ...page2.nodes].map((t) => t.id)).toEqual([ids[0], ids[2], ids[1]]);
    expect(page1.hasNextPage).toBe(true);
    expect(page2.hasNextPage).toBe(false);
  });

  it('loads a thread list (with unread counts and where to start reading) and a thread with its posts, authors and reaction counts in as many SQL statements for 100 items as for 20', async () => {
    const statements = (work: () => Promise<unknown>) => api.statements(work);
    /** A group with `n` threads by `n` different people, one of which has `n` replies by them. */
    async function groupWith(n: number) {
      const w = await groupPersonas(api);
      await sql(
        `with people as (
           insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
           select gen_random_uuid(), 'count-' || ? || '-' || i || '@example.org', 'Writer ' || i, 'x', now(), now() from generate_series(1, ?) i returning id),
         joined as (insert into memberships (id, group_id, user_id, role, status, created_at) select gen_random_uuid(), ?, id, 'MEMBER', 'ACTIVE', now() from people returning user_id),
         threads as (
           insert into threads (id, group_id, author_id, title, tags, post_count, created_at, last_activity_at)
           select gen_random_uuid(), ?, user_id, 'Thread', '{}', 1, now(), now() from joined returning id, author_id)
         insert into posts (id, thread_id, author_id, body, body_html, depth, created_at)
         select gen_random_uuid(), id, author_id, 'Opening', '<p>Opening</p>', 0, now() from threads`,
        [w.group.id.slice(0, 8), n, w.group.id, w.group.id],
      );
      const [thread] = await sql<{ id: string }>('select id from threads where group_id = ? limit 1', [w.group.id]);
      await sql(
        `insert into posts (id, thread_id, author_id, body, body_html, depth, created_at)
         select gen_random_uuid(), ?, m.user_id, 'Reply', '<p>Reply</p>', 1, now() + (row_number() over ()) * interval '1 ms'
         from memberships m where m.group_id = ? and m.user_id in (select author_id from threads where group_id = ?) limit ?`,
        [thread!.id, w.group.id, w.group.id, n],
      );
      // Every post of the long thread has reactions from two people; the viewer has read every other thread.
      await sql(
        `insert into post_reactions (post_id, user_id, reaction, created_at)
         select p.id, r.user_id, r.reaction::reaction, now() from posts p
         cross join (values (?::uuid, 'THUMBS_UP'), (?::uuid, 'HEART')) as r(user_id, reaction) where p.thread_id = ?`,
        [w.people.member.id, w.people.convenor.id, thread!.id],
      );
      await sql(
        `insert into thread_reads (user_id, thread_id, read_count, read_at)
         select ?, id, 1, now() from (select id, row_number() over (order by id) as k from threads where group_id = ? and id <> ?) t where k % 2 = 0`,
        [w.people.member.id, w.group.id, thread!.id],
      );
      return { w, threadId: thread!.id };
    }
    const LIST = `query G($slug: String!, $first: Int) { workingGroup(slug: $slug) { threads(first: $first) { nodes { id title pinned replyCount unreadCount firstUnreadPostId lastActivityAt notificationLevel author { displayName } } } } }`;
    type Listed = { unreadCount: number; firstUnreadPostId: string | null };
    const POSTS = `query T($id: ID!, $first: Int) { thread(id: $id) { title unreadCount firstUnreadPostId viewerCanModerate author { displayName } posts(first: $first) { nodes { id bodyHtml deleted hidden { reason } author { displayName } reactions { reaction count mine } } } } }`;
    const counts: Record<number, { list: number; posts: number }> = {};
    for (const n of [20, 100]) {
      const { w, threadId } = await groupWith(n);
      const member = await w.as('member');
      // Who is asking is looked up once, then kept (the session cache): not part of the page's count.
      await pageStatements(api, member, '{ me { id } }');
      const list = await statements(async () => {
        const nodes = dataOf(
          await member.request<{ workingGroup: { threads: { nodes: Listed[] } } }>(LIST, {
            slug: w.group.slug,
            first: n,
          }),
        ).workingGroup.threads.nodes;
        expect(nodes).toHaveLength(n);
        // About half are unread, each naming its opening post; the read ones name none.
        expect(nodes.filter((t) => t.unreadCount > 0).length).toBeGreaterThanOrEqual(n / 2);
        expect(
          nodes.every((t) =>
            t.unreadCount > 0 ? typeof t.firstUnreadPostId === 'string' : t.firstUnreadPostId === null,
          ),
        ).toBe(true);
      });
      const posts = await statements(async () => {
        const nodes = dataOf(
          await member.request<{ thread: { posts: { nodes: { reactions: { count: number; mine: boolean }[] }[] } } }>(
            POSTS,
            { id: threadId, first: n },
          ),
        ).thread.posts.nodes;
        expect(nodes).toHaveLength(n);
        expect(nodes.every((p) => p.reactions.length === 2 && p.reactions.some((r) => r.mine))).toBe(true);
      });
      counts[n] = { list, posts };
    }
    // Equal counts mean no statement per item.
    expect(counts[20]!.list).toBeGreaterThan(0);
    expect(counts[20]!.posts).toBeGreaterThan(0);
    expect(counts[100]).toEqual(counts[20]);
  });

  it('answers a page of search results, with their authors and groups, in as many SQL statements for 50 results as for 20', async () => {
    // As libs/web/discussions asks for them; a page holds at most 50.
    const SEARCH = `query SearchPosts($input: SearchInput!) { search(input: $input) { nodes { postId threadId group { id slug name } author { id displayName } createdAt titleHtml snippetHtml } endCursor hasNextPage } }`;
    /** A person in n groups, each with a thread whose opening post (by a writer of its own) has the word. */
    async function searcherIn(n: number) {
      const reader = await api.data.user();
      const word = `word${randomUUID().slice(0, 8)}`;
      await sql(
        `with groups as (
           insert into working_groups (id, slug, name, purpose, created_at, updated_at)
           select gen_random_uuid(), 'search-' || ? || '-' || i, 'Search group ' || i, 'For the search test.', now(), now() from generate_series(1, ?) i returning id),
         writers as (
           insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
           select gen_random_uuid(), 'search-' || g.id || '@example.org', 'Writer ' || g.id, 'x', now(), now() from groups g returning id, substring(email from 8 for 36)::uuid as group_id),
         joined as (
           insert into memberships (id, group_id, user_id, role, status, created_at)
           select gen_random_uuid(), group_id, id, 'MEMBER'::membership_role, 'ACTIVE'::membership_status, now() from writers
           union all select gen_random_uuid(), id, ?, 'MEMBER'::membership_role, 'ACTIVE'::membership_status, now() from groups),
         threads as (
           insert into threads (id, group_id, author_id, title, tags, post_count, created_at, last_activity_at)
           select gen_random_uuid(), group_id, id, 'About ' || ?, '{}', 1, now(), now() from writers returning id, author_id)
         insert into posts (id, thread_id, author_id, body, body_html, depth, created_at)
         select gen_random_uuid(), id, author_id, 'We talked about ' || ?, '<p>We talked about it</p>', 0, now() from threads`,
        [word, n, reader.id, word, word],
      );
      return { n, word, client: await api.signedIn(reader) };
    }
    const counts: number[] = [];
    for (const { n, word, client } of [await searcherIn(20), await searcherIn(50)]) {
      const page = await pageStatements<{
        search: { nodes: { author: { displayName: string } | null; group: { name: string } | null }[] };
      }>(api, client, SEARCH, { input: { query: word, first: n } });
      expect(
        page.data.search.nodes.filter(
          (hit) => hit.author?.displayName.startsWith('Writer ') && hit.group?.name.startsWith('Search group '),
        ),
      ).toHaveLength(n);
      counts.push(page.statements);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });

  it('shows new posts live to people viewing the discussion, and lets nobody outside the group watch it', async () => {
    const { w, threadId } = await groupWithThread();
    const [viewing, outsider, admin] = await Promise.all([
      connect(await w.as('member')),
      connect(await w.as('outsider')),
      connect(await w.as('admin')),
    ]);
    expect(await watch(viewing, threadId)).toEqual({ ok: true });
    expect(await watch(outsider, threadId)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await watch(admin, threadId)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await watch(viewing, 'not-an-id')).toEqual({ ok: false, code: 'BAD_USER_INPUT' });
    const leaked: ThreadSignal[] = [];
    outsider.on('thread:post', (signal: ThreadSignal) => leaked.push(signal));
    admin.on('thread:post', (signal: ThreadSignal) => leaked.push(signal));
    const arrived = new Promise<ThreadSignal>((resolve) => viewing.once('thread:post', resolve));

    const posted = dataOf(
      await (
        await w.as('convenor')
      ).request<{ reply: { id: string } }>(REPLY, { input: { threadId, body: 'Live from **the meeting**.' } }),
    );
    // The post itself, as every member may see it: no request needed to show it.
    expect(await arrived).toEqual({
      threadId,
      postId: posted.reply.id,
      change: 'REPLY',
      post: {
        id: posted.reply.id,
        threadId,
        parentId: expect.any(String),
        depth: 1,
        author: { id: w.people.convenor.id, displayName: w.people.convenor.displayName },
        body: 'Live from **the meeting**.',
        bodyHtml: expect.stringContaining('<strong>the meeting</strong>'),
        createdAt: expect.any(String),
        editedAt: null,
        deleted: false,
        hidden: null,
        reactions: [],
      },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(leaked).toEqual([]);
  });

  it('carries each change of a post to its viewers as every member may see it: reactions counted, hidden text left out', async () => {
    const { w, threadId } = await groupWithThread();
    const viewing = await connect(await w.as('member'));
    expect(await watch(viewing, threadId)).toEqual({ ok: true });
    const next = () => new Promise<ThreadSignal>((resolve) => viewing.once('thread:post', resolve));
    const convenor = await w.as('convenor');
    let arrived = next();
    const posted = dataOf(
      await convenor.request<{ reply: { id: string } }>(REPLY, { input: { threadId, body: 'Say it twice.' } }),
    );
    await arrived;
    arrived = next();
    dataOf(
      await convenor.request(`mutation R($input: ReactInput!) { reactToPost(input: $input) { id } }`, {
        input: { postId: posted.reply.id, reaction: 'THUMBS_UP', active: true },
      }),
    );
    expect((await arrived).post).toMatchObject({
      id: posted.reply.id,
      reactions: [{ reaction: 'THUMBS_UP', count: 1 }],
    });
    arrived = next();
    dataOf(
      await convenor.request(`mutation H($input: HidePostInput!) { hidePost(input: $input) { id } }`, {
        input: { postId: posted.reply.id, reason: 'Off topic' },
      }),
    );
    expect((await arrived).post).toMatchObject({
      id: posted.reply.id,
      body: null,
      bodyHtml: '',
      hidden: { reason: 'Off topic' },
    });
  });

  it('tells the group about a new thread, and the people answered about a reply', async () => {
    const { w, threadId } = await groupWithThread();
    const extra = await api.data.user();
    await api.data.membership(w.group, extra, MembershipRole.MEMBER);
    const told = async (eventType: string) => {
      const [event] = await sql<{ id: string }>(
        `select id from outbox_events where type = ? and payload->>'threadId' = ? order by created_at desc limit 1`,
        [eventType, threadId],
      );
      await api.asJob(() => api.app.get(NotificationsService).fanOut(event!.id));
      return (
        await sql<{ recipient_id: string }>(
          'select recipient_id from notifications where event_id = ? order by recipient_id',
          [event!.id],
        )
      ).map((r) => r.recipient_id);
    };
    // New thread: every other active member; the author is not told of their own thread.
    expect(await told('thread.created')).toEqual([w.people.convenor.id, extra.id].sort());
    // A reply by the convenor to the opening post: its author (the member) is told, nobody else.
    dataOf(await (await w.as('convenor')).request(REPLY, { input: { threadId, body: 'Thanks for starting this.' } }));
    expect(await told('post.replied')).toEqual([w.people.member.id]);
  });
});
