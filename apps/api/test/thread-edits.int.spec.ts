// Changing a discussion's title and tags: its author while it is open, or the group's convenors;
// what they replace stays in its history (`threadRevisions`), newest first, with who changed it.
// Each operation has its authorization table; refused edits change nothing.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { useApiHarness } from './api-harness.js';
import { codeOf, dataOf, groupPersonas, type GroupPersonas, type Persona } from './group-personas.js';

const CREATE = `mutation C($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const UPDATE = `mutation U($input: UpdateThreadInput!) { updateThread(input: $input) { id title tags editedAt } }`;
const REVISIONS = `query R($threadId: ID!) { threadRevisions(threadId: $threadId) { title tags replacedAt editor { displayName } } }`;
const LOCK = `mutation L($threadId: ID!, $locked: Boolean!) { lockThread(threadId: $threadId, locked: $locked) { id locked } }`;
const THREAD = `query T($id: ID!) { thread(id: $id) { title tags editedAt } }`;

type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
const PERSONAS: Persona[] = ['anonymous', 'outsider', 'member', 'convenor', 'admin'];

describe('editing a discussion’s title and tags', () => {
  const api = useApiHarness();
  let g: GroupPersonas;
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);

  beforeAll(async () => {
    g = await groupPersonas(api);
  });

  /** A discussion the member started. */
  const started = async (title = 'GP registration', tags = ['health']) =>
    dataOf(
      await (
        await g.as('member')
      ).request<{ createThread: { id: string } }>(CREATE, {
        input: { groupId: g.group.id, title, body: 'What have you seen?', tags },
      }),
    ).createThread.id;
  const stored = async (threadId: string) =>
    (await sql<{ title: string; tags: string[] }>('select title, tags from threads where id = ?', [threadId]))[0];

  describe('who may', () => {
    const table: [Persona, Outcome][] = PERSONAS.map((p) => [
      p,
      p === 'anonymous' ? 'UNAUTHENTICATED' : p === 'member' || p === 'convenor' ? 'OK' : 'NOT_FOUND',
    ]);

    it.each(table)('updateThread of the member’s discussion: %s → %s', async (persona, expected) => {
      const threadId = await started();
      const result = await (
        await g.as(persona)
      ).request(UPDATE, { input: { threadId, title: `Renamed by ${persona}` } });
      expect(codeOf(result)).toBe(expected);
      expect((await stored(threadId))!.title).toBe(expected === 'OK' ? `Renamed by ${persona}` : 'GP registration');
    });

    it.each(table)('threadRevisions: %s → %s', async (persona, expected) => {
      const threadId = await started('Before');
      dataOf(await (await g.as('member')).request(UPDATE, { input: { threadId, title: 'After' } }));
      const result = await (
        await g.as(persona)
      ).request<{ threadRevisions: { title: string }[] }>(REVISIONS, {
        threadId,
      });
      expect(codeOf(result)).toBe(expected);
      if (expected === 'OK') expect(result.data?.threadRevisions.map((r) => r.title)).toEqual(['Before']);
    });

    it('refuses another member who did not start it (FORBIDDEN), changing nothing', async () => {
      const other = await api.data.user();
      await api.data.membership(g.group, other);
      const threadId = await started();
      const result = await (await api.signedIn(other)).request(UPDATE, { input: { threadId, title: 'Not mine' } });
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(await stored(threadId)).toEqual({ title: 'GP registration', tags: ['health'] });
    });
  });

  it('keeps what each edit replaced, newest first, with who and when; an edit that changes nothing leaves none', async () => {
    const threadId = await started('Interpreters', ['health', 'language']);
    const member = await g.as('member');
    const convenor = await g.as('convenor');
    const first = dataOf(
      await member.request<{ updateThread: { title: string; tags: string[]; editedAt: string } }>(UPDATE, {
        input: { threadId, title: 'Interpreters at A&E' },
      }),
    ).updateThread;
    expect(first).toMatchObject({ title: 'Interpreters at A&E', tags: ['health', 'language'] });
    dataOf(await convenor.request(UPDATE, { input: { threadId, tags: ['hospitals'] } }));
    // The same again: no new version.
    dataOf(await convenor.request(UPDATE, { input: { threadId, title: 'Interpreters at A&E', tags: ['hospitals'] } }));
    const { threadRevisions } = dataOf(
      await member.request<{
        threadRevisions: { title: string; tags: string[]; replacedAt: string; editor: { displayName: string } }[];
      }>(REVISIONS, { threadId }),
    );
    expect(threadRevisions.map(({ title, tags, editor }) => ({ title, tags, by: editor.displayName }))).toEqual([
      { title: 'Interpreters at A&E', tags: ['health', 'language'], by: 'Cora Convenor' },
      { title: 'Interpreters', tags: ['health', 'language'], by: 'Mina Member' },
    ]);
    const { thread } = dataOf(
      await member.request<{ thread: { title: string; tags: string[]; editedAt: string } }>(THREAD, { id: threadId }),
    );
    expect(thread).toMatchObject({ title: 'Interpreters at A&E', tags: ['hospitals'] });
    expect(new Date(thread.editedAt).getTime()).toBe(new Date(threadRevisions[0]!.replacedAt).getTime());
    // A discussion found by its new title.
    const found = await sql(
      'select 1 from threads where id = ? and search_vector @@ plainto_tsquery(?::regconfig, ?)',
      [threadId, 'convene_search', 'A&E interpreters'],
    );
    expect(found).toHaveLength(1);
  });

  it('is closed to its author once locked, and open to its convenors', async () => {
    const threadId = await started();
    dataOf(await (await g.as('convenor')).request(LOCK, { threadId, locked: true }));
    const byAuthor = await (await g.as('member')).request(UPDATE, { input: { threadId, title: 'Too late' } });
    expect(byAuthor.errors?.[0]?.extensions?.reason).toBe('THREAD_LOCKED');
    dataOf(await (await g.as('convenor')).request(UPDATE, { input: { threadId, title: 'Tidied by the convenor' } }));
    expect((await stored(threadId))!.title).toBe('Tidied by the convenor');
  });

  it('refuses a bad title or tags with a field message, changing nothing', async () => {
    const threadId = await started();
    const member = await g.as('member');
    const empty = await member.request(UPDATE, { input: { threadId, title: '   ' } });
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.extensions?.fields?.['title']).toBeTruthy();
    const long = await member.request(UPDATE, { input: { threadId, title: 'x'.repeat(201) } });
    expect(long.errors?.[0]?.extensions?.fields?.['title']).toMatch(/200/);
    const tags = await member.request(UPDATE, {
      input: { threadId, tags: Array.from({ length: 30 }, (_, i) => `t${i}`) },
    });
    expect(codeOf(tags)).toBe('BAD_USER_INPUT');
    expect(tags.errors?.[0]?.extensions?.fields?.['tags']).toBeTruthy();
    expect(await stored(threadId)).toEqual({ title: 'GP registration', tags: ['health'] });
    expect(await sql('select 1 from thread_revisions where thread_id = ?', [threadId])).toEqual([]);
  });
});
