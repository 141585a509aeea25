// A person's own data: a zip of everything linked to them (written by the worker's job, kept 7
// days, theirs alone), and deleting their account so that nothing personal is left in the database
// or Redis while their posts stay, shown as from a former member.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { unzipSync, strFromU8 } from 'fflate';
import type { Redis } from 'ioredis';
import { JobQueue, REDIS, jobIds } from '@convene/server-core';
import { JoinPolicy, MembershipRole } from '@convene/shared-contracts';
import { FileStorage } from '@convene/server-storage';
import { DataExportService } from '@convene/server-privacy';
import { TEST_PASSWORD } from '@convene/server-testing';
import { type GqlClient, useApiHarness } from './api-harness.js';
import { codeOf, dataOf, groupPersonas, type GroupPersonas } from './group-personas.js';
import { upload } from './document-files.js';

const EXPORTS = `{ myDataExports { id status size expiresAt downloadUrl } }`;
const REQUEST_EXPORT = `mutation { requestDataExport { id status downloadUrl } }`;
const DELETE = `mutation D($input: DeleteAccountInput!) { deleteAccount(input: $input) }`;
const CREATE_THREAD = `mutation C($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const REPLY = `mutation R($input: ReplyInput!) { reply(input: $input) { id } }`;
const REACT = `mutation X($input: ReactInput!) { reactToPost(input: $input) { id } }`;
const SCHEDULE = `mutation S($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const RSVP = `mutation R($input: RsvpInput!) { rsvp(input: $input) { id } }`;
const CONFIGURE = `mutation E($input: ConfigureEventInput!) { configureEvent(input: $input) { id } }`;
const REGISTER = `mutation R($input: RegisterForEventInput!) { registerForEvent(input: $input) { message } }`;
const REQUEST_TO_JOIN = `mutation J($input: RequestToJoinInput!) { requestToJoin(input: $input) { id } }`;
const THREAD = `query T($id: ID!) { thread(id: $id) { author { displayName } posts { nodes { body author { displayName } } } } }`;

const marker = () => randomBytes(6).toString('hex');
const inDays = (days: number, hour: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 11) + `${String(hour).padStart(2, '0')}:00`;

interface Footprint {
  client: GqlClient;
  threadId: string;
  fileBytes: Buffer;
  postBody: string;
  meetingId: string;
}

describe('personal data', () => {
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);

  const api = useApiHarness();

  /** Gives the group's member a footprint everywhere: a thread and reply, a reaction, a file, an RSVP, an event registration. */
  async function footprint(w: GroupPersonas): Promise<Footprint> {
    const client = await w.as('member');
    const postBody = `Notes on the stop-and-search data ${marker()}`;
    const threadId = dataOf(
      await client.request<{ createThread: { id: string } }>(CREATE_THREAD, {
        input: { groupId: w.group.id, title: 'Stop and search figures', body: postBody },
      }),
    ).createThread.id;
    const replyId = dataOf(
      await (
        await w.as('convenor')
      ).request<{ reply: { id: string } }>(REPLY, { input: { threadId, body: 'Thanks, very useful.' } }),
    ).reply.id;
    dataOf(await client.request(REACT, { input: { postId: replyId, reaction: 'THANKS', active: true } }));
    dataOf(await client.request(REPLY, { input: { threadId, body: `A reply of mine ${marker()}` } }));
    const fileBytes = Buffer.from(`Legal observer notes ${marker()}\n`);
    const uploaded = await upload(api.url, client, `/api/groups/${w.group.id}/documents`, [
      { name: 'observer-notes.txt', bytes: fileBytes, type: 'text/plain' },
    ]);
    expect(uploaded.status).toBe(201);
    const meetingId = dataOf(
      await (
        await w.as('convenor')
      ).request<{ scheduleMeeting: { id: string } }>(SCHEDULE, {
        input: {
          groupId: w.group.id,
          title: 'Monthly meeting',
          startsAt: inDays(9, 18),
          endsAt: inDays(9, 20),
          timeZone: 'Europe/London',
        },
      }),
    ).scheduleMeeting.id;
    dataOf(await client.request(RSVP, { input: { meetingId, response: 'GOING', note: 'I need step-free access' } }));
    const slug = `privacy-${marker()}`;
    dataOf(
      await (
        await w.as('convenor')
      ).request(CONFIGURE, {
        input: { meetingId, slug, consentText: 'We keep your details for the event.', fields: [] },
      }),
    );
    dataOf(
      await api.client().request(REGISTER, {
        input: { slug, name: w.people.member.displayName, email: w.people.member.email, consent: true },
      }),
    );
    return { client, threadId, fileBytes, postBody, meetingId };
  }

  /** Every table column and Redis key (under the API's prefix) whose text holds the address or the name. */
  async function tracesOf(email: string, name: string): Promise<{ database: string[]; redis: string[] }> {
    const needles = [email.toLowerCase(), name.toLowerCase()];
    const columns = await sql<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY') and table_name not like 'mikro_orm%'`,
    );
    expect(columns.length).toBeGreaterThan(40);
    const database: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const [hit] = await sql<{ n: string }>(
        `select count(*) as n from "${table}" where strpos(lower("${column}"::text), ?) > 0 or strpos(lower("${column}"::text), ?) > 0`,
        needles,
      );
      if (Number(hit!.n) > 0) database.push(`${table}.${column}`);
    }
    const redis = api.app.get<Redis>(REDIS);
    const keysFound: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${api.config.redisPrefix}:*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        const values =
          type === 'string'
            ? [await redis.get(key)]
            : type === 'hash'
              ? Object.entries(await redis.hgetall(key)).flat()
              : type === 'list'
                ? await redis.lrange(key, 0, -1)
                : type === 'set'
                  ? await redis.smembers(key)
                  : type === 'zset'
                    ? await redis.zrange(key, 0, -1)
                    : [];
        const text = [key, ...values].join('\n').toLowerCase();
        if (needles.some((needle) => text.includes(needle))) keysFound.push(key);
      }
    } while (cursor !== '0');
    return { database: database.sort(), redis: keysFound };
  }

  async function readyExport(client: GqlClient): Promise<{ id: string; downloadUrl: string }> {
    const requested = dataOf(
      await client.request<{ requestDataExport: { id: string; status: string } }>(REQUEST_EXPORT),
    ).requestDataExport;
    expect(requested.status).toBe('PENDING');
    // The job is queued for the worker under its deterministic id; here it is run in-process.
    const job = await api.app.get(JobQueue).queue('maintenance').getJob(jobIds.dataExport(requested.id));
    expect(job?.name).toBe('build-data-export');
    await api.asJob(() => api.app.get(DataExportService).build(requested.id));
    const listed = dataOf(
      await client.request<{
        myDataExports: { id: string; status: string; downloadUrl: string | null; expiresAt: string }[];
      }>(EXPORTS),
    ).myDataExports;
    const ready = listed.find((e) => e.id === requested.id)!;
    expect(ready.status).toBe('READY');
    expect(new Date(ready.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    return { id: ready.id, downloadUrl: ready.downloadUrl! };
  }

  describe('data export', () => {
    it('gives a person a zip of everything linked to them, and only to them', async () => {
      const w = await groupPersonas(api);
      const mine = await footprint(w);
      const { id, downloadUrl } = await readyExport(mine.client);
      const res = await mine.client.get(downloadUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="convene-data-\d{4}-\d{2}-\d{2}\.zip"/,
      );
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const json = (name: string) => JSON.parse(strFromU8(files[`${name}.json`]!)) as Record<string, unknown>[];
      expect(Object.keys(files)).toEqual(
        expect.arrayContaining([
          'README.txt',
          'account.json',
          'memberships.json',
          'posts.json',
          'documents.json',
          'meetings.json',
          'notifications.json',
          'mail.json',
        ]),
      );
      expect(json('account')[0]).toMatchObject({
        profile: { email: w.people.member.email, displayName: w.people.member.displayName },
      });
      expect(json('memberships')).toEqual([
        expect.objectContaining({ group: w.group.name, role: MembershipRole.MEMBER, status: 'ACTIVE' }),
      ]);
      const posts = json('posts')[0] as {
        threadsStarted: { title: string }[];
        posts: { body: string }[];
        reactions: { reaction: string }[];
      };
      expect(posts.threadsStarted.map((t) => t.title)).toEqual(['Stop and search figures']);
      expect(posts.posts.map((p) => p.body)).toContain(mine.postBody);
      expect(posts.reactions.map((r) => r.reaction)).toEqual(['THANKS']);
      const documents = json('documents') as { fileName: string; file: string }[];
      expect(documents).toHaveLength(1);
      expect(Buffer.from(files[documents[0]!.file]!)).toEqual(mine.fileBytes);
      const meetings = json('meetings')[0] as {
        rsvps: { response: string; note: string }[];
        eventRegistrations: { email: string }[];
      };
      expect(meetings.rsvps).toEqual([expect.objectContaining({ response: 'GOING', note: 'I need step-free access' })]);
      expect(meetings.eventRegistrations).toEqual([expect.objectContaining({ email: w.people.member.email })]);
      // Nothing of the convenor's own activity beyond what concerns the member.
      expect(JSON.stringify(json('posts'))).not.toContain('Thanks, very useful.');
      // A mail tells them it is ready.
      expect(
        await sql(`select kind from mail_messages where to_address = ? and kind = 'data-export-ready'`, [
          w.people.member.email,
        ]),
      ).toHaveLength(1);

      // Nobody else can fetch it, nor learn that it exists.
      for (const persona of ['outsider', 'convenor', 'admin'] as const)
        expect((await (await w.as(persona)).get(downloadUrl)).status).toBe(404);
      expect((await api.client().get(downloadUrl)).status).toBe(401);
      for (const persona of ['outsider', 'convenor', 'admin'] as const) {
        expect(
          dataOf(await (await w.as(persona)).request<{ myDataExports: { id: string }[] }>(EXPORTS)).myDataExports.map(
            (e) => e.id,
          ),
        ).not.toContain(id);
      }
      expect(codeOf(await api.client().request(EXPORTS))).toBe('UNAUTHENTICATED');
      expect(codeOf(await api.client().request(REQUEST_EXPORT))).toBe('UNAUTHENTICATED');
    });

    it('makes one export at a time', async () => {
      const client = await api.signedIn(await api.data.user());
      dataOf(await client.request(REQUEST_EXPORT));
      const again = await client.request(REQUEST_EXPORT);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXPORT_IN_PROGRESS' });
      expect(dataOf(await client.request<{ myDataExports: unknown[] }>(EXPORTS)).myDataExports).toHaveLength(1);
    });

    it('is gone after 7 days: the link stops working and the purge deletes the file and the row', async () => {
      const client = await api.signedIn(await api.data.user());
      const { id, downloadUrl } = await readyExport(client);
      const [{ storage_key: key }] = await sql<{ storage_key: string }>(
        'select storage_key from data_exports where id = ?',
        [id],
      );
      await sql(`update data_exports set expires_at = now() - interval '1 minute' where id = ?`, [id]);
      expect((await client.get(downloadUrl)).status).toBe(404);
      await api.asJob(() => api.app.get(DataExportService).purge());
      expect(await sql('select id from data_exports where id = ?', [id])).toEqual([]);
      expect(await api.app.get(FileStorage).size(key)).toBeNull();
    });
  });

  describe('account deletion', () => {
    it('needs the password (and refuses the only convenor of a group) without changing anything', async () => {
      const w = await groupPersonas(api);
      const wrong = await (await w.as('member')).request(DELETE, { input: { password: 'not my password at all' } });
      expect(wrong.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { password: expect.any(String) },
      });
      const blocked = await (await w.as('convenor')).request(DELETE, { input: { password: TEST_PASSWORD } });
      expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DELETION_BLOCKED' });
      expect(blocked.errors?.[0]?.message).toContain(w.group.name);
      const rows = await sql<{ email: string }>('select email from users where id = any(?::uuid[]) order by email', [
        `{${w.people.member.id},${w.people.convenor.id}}`,
      ]);
      expect(rows.map((r) => r.email).sort()).toEqual([w.people.member.email, w.people.convenor.email].sort());
      expect(codeOf(await api.client().request(DELETE, { input: { password: TEST_PASSWORD } }))).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('erases the person everywhere (database and Redis), ends their sessions at once, and keeps their posts as from a former member', async () => {
      const w = await groupPersonas(api);
      // A distinctive name and address, so that any copy left anywhere is found.
      const name = `Zarifa Qutbuddin ${marker()}`;
      const email = `zarifa.${marker()}@example.org`;
      await sql('update users set display_name = ?, email = ? where id = ?', [name, email, w.people.member.id]);
      Object.assign(w.people.member, { displayName: name, email });
      const mine = await footprint(w);
      // A request to join another group puts their name in the convenor's mail ("… asked to join").
      const other = await groupPersonas(api, { joinPolicy: JoinPolicy.REQUEST });
      dataOf(
        await mine.client.request(REQUEST_TO_JOIN, {
          input: { groupId: other.group.id, message: `Hello from ${name}` },
        }),
      );
      await readyExport(mine.client);
      const phone = await api.signedIn(w.people.member);
      const socket = await api.connect(phone);
      const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      await new Promise((resolve) => setTimeout(resolve, 300));

      // The search below finds them before: it is not looking in the wrong places.
      const before = await tracesOf(email, name);
      expect(before.database).toEqual(
        expect.arrayContaining([
          'users.email',
          'users.display_name',
          'mail_messages.to_address',
          'event_registrations.email',
          'memberships.message',
        ]),
      );

      dataOf(await mine.client.request(DELETE, { input: { password: TEST_PASSWORD } }));
      expect(await dropped).toBe('io server disconnect');
      expect(dataOf(await phone.request<{ me: null }>(`{ me { id } }`)).me).toBeNull();
      expect(mine.client.lastSetCookie).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
      expect(codeOf(await api.client().signIn(email))).toBe('UNAUTHENTICATED');

      // The conversation still reads: their posts are there, from a former member.
      const thread = dataOf(
        await (
          await w.as('convenor')
        ).request<{
          thread: {
            author: { displayName: string };
            posts: { nodes: { body: string; author: { displayName: string } }[] };
          };
        }>(THREAD, { id: mine.threadId }),
      ).thread;
      expect(thread.author.displayName).toBe('Former member');
      expect(thread.posts.nodes.find((p) => p.body === mine.postBody)?.author.displayName).toBe('Former member');

      // Nothing in any column of any table, nor in Redis under the API's prefix, holds the address or the name.
      expect(await tracesOf(email, name)).toEqual({ database: [], redis: [] });
    });
  });
});
