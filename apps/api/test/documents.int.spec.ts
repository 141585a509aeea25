// Shared documents on the real PostgreSQL, Redis and local storage: who may upload, read and change
// them; what bad input gets (and that it stores nothing); versions, ranges and restore.
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { MembershipRole } from '@convene/shared-contracts';
import { NotificationsService } from '@convene/server-notifications';
import { JobQueue, jobIds } from '@convene/server-core';
import { DocumentTextService, DocumentsService } from '@convene/server-documents';
import { type GqlClient, useApiHarness } from './api-harness.js';
import {
  chunkedUpload,
  interruptedUpload,
  pdf,
  png,
  random,
  sha256,
  text,
  upload,
  type FilePart,
} from './document-files.js';
import { codeOf, dataOf, groupPersonas, type GroupPersonas, type Persona } from './group-personas.js';
import { pageStatements } from './page-statements.js';

const LIMIT = 256 * 1024;
const DOCUMENT = `query D($id: ID!) { document(id: $id) { id title description tags contentType size versionCount folderId deletedAt viewerCanEdit viewerCanDelete createdBy { displayName }
  versions { number fileName sha256 size restoredFrom uploadedBy { displayName } } } }`;
const DOCUMENTS = `query G($slug: String!, $first: Int, $after: String, $sort: DocumentSort, $folderId: ID, $topLevel: Boolean, $tag: String, $kind: DocumentKind, $trashed: Boolean) {
  workingGroup(slug: $slug) { documents(first: $first, after: $after, sort: $sort, folderId: $folderId, topLevel: $topLevel, tag: $tag, kind: $kind, trashed: $trashed) { nodes { id title size } endCursor hasNextPage } } }`;
const UPDATE = `mutation U($input: UpdateDocumentInput!) { updateDocument(input: $input) { id title description tags } }`;
const MOVE = `mutation M($input: MoveDocumentInput!) { moveDocument(input: $input) { id folderId } }`;
const TRASH = `mutation T($id: ID!) { trashDocument(id: $id) { id deletedAt } }`;
const RESTORE = `mutation R($id: ID!) { restoreDocument(id: $id) { id deletedAt } }`;
const RESTORE_VERSION = `mutation V($id: ID!, $version: Int!) { restoreDocumentVersion(id: $id, version: $version) { id versionCount } }`;
const CREATE_FOLDER = `mutation F($input: CreateDocumentFolderInput!) { createDocumentFolder(input: $input) { id name parentId } }`;
const UPDATE_FOLDER = `mutation F($input: UpdateDocumentFolderInput!) { updateDocumentFolder(input: $input) { id name parentId } }`;
const DELETE_FOLDER = `mutation F($id: ID!) { deleteDocumentFolder(id: $id) }`;
const FOLDERS = `query F($slug: String!) { workingGroup(slug: $slug) { documentFolders { id name parentId } } }`;
const SETTINGS = `{ documentSettings { allowedTypes maxBytes } }`;
const UPDATE_SETTINGS = `mutation S($types: [String!]!) { updateDocumentSettings(allowedTypes: $types) { allowedTypes } }`;
const PREVIEW = `query P($id: ID!) { document(id: $id) { previewKind textPreview { text html truncated } } }`;
const DISCUSS = `mutation D($id: ID!) { discussDocument(id: $id) { id threadId } }`;

type Who = Persona | 'observer';
const WHO: Who[] = ['anonymous', 'outsider', 'member', 'convenor', 'admin', 'observer'];

describe('documents', () => {
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);
  const objectsDir = () => join(api.config.dataDir, 'objects');

  const api = useApiHarness({ DOCUMENT_MAX_BYTES: String(LIMIT) });

  /** Every stored object (and leftover temporary file), to show that a refused upload stored nothing. */
  async function storedFiles(): Promise<string[]> {
    const walk = async (dir: string): Promise<string[]> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      const nested = await Promise.all(
        entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])),
      );
      return nested.flat();
    };
    return [...(await walk(objectsDir())), ...(await walk(join(api.config.dataDir, 'tmp')))].sort();
  }

  interface World extends GroupPersonas {
    client(who: Who): Promise<GqlClient>;
  }
  async function world(): Promise<World> {
    const w = await groupPersonas(api);
    const observer = await api.data.user({ displayName: 'Omar Observer' });
    await api.data.membership(w.group, observer, MembershipRole.OBSERVER);
    let observerClient: GqlClient | null = null;
    return {
      ...w,
      async client(who) {
        if (who !== 'observer') return w.as(who);
        observerClient ??= await api.signedIn(observer);
        return observerClient;
      },
    };
  }
  const documentRows = async (groupId: string) =>
    sql<{ id: string }>('select id from documents where group_id = ?', [groupId]);

  async function withDocument(parts: FilePart[] = [{ name: 'minutes.pdf', bytes: pdf() }]) {
    const w = await world();
    const result = await upload(api.url, await w.client('member'), `/api/groups/${w.group.id}/documents`, parts);
    expect(result.status).toBe(201);
    return { w, id: result.json.document!.id, result };
  }
  const download = async (client: GqlClient, path: string, headers: Record<string, string> = {}) => {
    const res = await client.get(path, headers);
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  describe('who may do what', () => {
    const canUpload: Record<Who, number> = {
      anonymous: 401,
      outsider: 404,
      member: 201,
      convenor: 201,
      admin: 404,
      observer: 403,
    };
    it.each(WHO.map((w) => [w, canUpload[w]] as const))(
      'POST /api/groups/:groupId/documents as %s → %d, and a refused one stores nothing',
      async (who, status) => {
        const w = await world();
        const before = await storedFiles();
        const result = await upload(api.url, await w.client(who), `/api/groups/${w.group.id}/documents`, [
          { name: 'briefing.pdf', bytes: pdf() },
        ]);
        expect(result.status).toBe(status);
        expect(await documentRows(w.group.id)).toHaveLength(status === 201 ? 1 : 0);
        if (status !== 201) expect(await storedFiles()).toEqual(before);
        else
          expect(result.json.version).toMatchObject({
            number: 1,
            sha256: sha256(pdf()),
            contentType: 'application/pdf',
          });
      },
    );

    it('an outsider learns nothing from a group id: a real group and a made-up one answer alike', async () => {
      const w = await world();
      const outsider = await w.client('outsider');
      const real = await upload(api.url, outsider, `/api/groups/${w.group.id}/documents`, [
        { name: 'a.pdf', bytes: pdf() },
      ]);
      const made = await upload(api.url, outsider, `/api/groups/00000000-0000-4000-8000-000000000000/documents`, [
        { name: 'a.pdf', bytes: pdf() },
      ]);
      expect([real.status, real.json]).toEqual([made.status, made.json]);
      expect(real.json.error).toMatchObject({ code: 'NOT_FOUND' });
    });

    const canRead: Record<Who, number> = {
      anonymous: 401,
      outsider: 404,
      member: 200,
      convenor: 200,
      admin: 404,
      observer: 200,
    };
    it.each(WHO.map((w) => [w, canRead[w]] as const))(
      'GET /api/documents/:id/content as %s → %d',
      async (who, status) => {
        const { w, id } = await withDocument();
        const { res, bytes } = await download(await w.client(who), `/api/documents/${id}/content`);
        expect(res.status).toBe(status);
        if (status === 200) expect(sha256(bytes)).toBe(sha256(pdf()));
        else expect(bytes.toString()).not.toContain('%PDF');
      },
    );

    it('a guessed document id and another group’s real one answer alike', async () => {
      const { id } = await withDocument();
      const other = await withDocument();
      const member = await other.w.client('member');
      const real = await download(member, `/api/documents/${id}/content`);
      const made = await download(member, `/api/documents/00000000-0000-4000-8000-000000000000/content`);
      expect([real.res.status, real.bytes.toString()]).toEqual([made.res.status, made.bytes.toString()]);
      expect(real.res.status).toBe(404);
    });

    const canVersion: Record<Who, number> = {
      anonymous: 401,
      outsider: 404,
      member: 201,
      convenor: 201,
      admin: 404,
      observer: 403,
    };
    it.each(WHO.map((w) => [w, canVersion[w]] as const))(
      'POST /api/documents/:id/versions as %s → %d',
      async (who, status) => {
        const { w, id } = await withDocument();
        const result = await upload(api.url, await w.client(who), `/api/documents/${id}/versions`, [
          { name: 'minutes v2.pdf', bytes: pdf('Corrected minutes') },
        ]);
        expect(result.status).toBe(status);
        const [row] = await sql<{ version_count: number }>('select version_count from documents where id = ?', [id]);
        expect(row!.version_count).toBe(status === 201 ? 2 : 1);
      },
    );

    const gql: Record<Who, string> = {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'NOT_FOUND',
      member: 'OK',
      convenor: 'OK',
      admin: 'NOT_FOUND',
      observer: 'OK',
    };
    it.each(WHO.map((w) => [w, gql[w]] as const))('document(id) as %s → %s', async (who, expected) => {
      const { w, id } = await withDocument();
      const result = await (await w.client(who)).request<{ document: { title: string } }>(DOCUMENT, { id });
      expect(codeOf(result)).toBe(expected);
      if (expected === 'OK') expect(dataOf(result).document.title).toBe('minutes.pdf');
    });

    it.each(WHO.filter((w) => w !== 'anonymous'))(
      'WorkingGroup.documents and documentFolders as %s: listed for people in the group, null for others',
      async (who) => {
        const { w, id } = await withDocument();
        const client = await w.client(who);
        const list = await client.request<{ workingGroup: { documents: { nodes: { id: string }[] } | null } }>(
          DOCUMENTS,
          { slug: w.group.slug },
        );
        const folders = await client.request<{ workingGroup: { documentFolders: unknown[] | null } }>(FOLDERS, {
          slug: w.group.slug,
        });
        const inGroup = ['member', 'convenor', 'observer'].includes(who);
        expect(dataOf(list).workingGroup.documents?.nodes.map((d) => d.id) ?? null).toEqual(inGroup ? [id] : null);
        expect(dataOf(folders).workingGroup.documentFolders).toEqual(inGroup ? [] : null);
      },
    );

    const edit: Record<Who, string> = {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'NOT_FOUND',
      member: 'OK',
      convenor: 'OK',
      admin: 'NOT_FOUND',
      observer: 'FORBIDDEN',
    };
    it.each(WHO.map((w) => [w, edit[w]] as const))(
      'updateDocument, moveDocument and restoreDocumentVersion as %s → %s, and a refused one changes nothing',
      async (who, expected) => {
        const { w, id } = await withDocument();
        await upload(api.url, await w.client('member'), `/api/documents/${id}/versions`, [
          { name: 'minutes.pdf', bytes: pdf('v2') },
        ]);
        const folder = dataOf(
          await (
            await w.client('member')
          ).request<{ createDocumentFolder: { id: string } }>(CREATE_FOLDER, {
            input: { groupId: w.group.id, name: 'Minutes' },
          }),
        );
        const client = await w.client(who);
        expect(
          codeOf(await client.request(UPDATE, { input: { id, title: 'Minutes, 3 March', tags: ['minutes'] } })),
        ).toBe(expected);
        expect(codeOf(await client.request(MOVE, { input: { id, folderId: folder.createDocumentFolder.id } }))).toBe(
          expected,
        );
        expect(codeOf(await client.request(RESTORE_VERSION, { id, version: 1 }))).toBe(expected);
        const [row] = await sql<{ title: string; folder_id: string | null; version_count: number }>(
          'select title, folder_id, version_count from documents where id = ?',
          [id],
        );
        expect(row).toEqual(
          expected === 'OK'
            ? { title: 'Minutes, 3 March', folder_id: folder.createDocumentFolder.id, version_count: 3 }
            : { title: 'minutes.pdf', folder_id: null, version_count: 2 },
        );
      },
    );

    // The uploader (a member here) and convenors delete; convenors alone restore.
    const trash: Record<Who, string> = {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'NOT_FOUND',
      member: 'OK',
      convenor: 'OK',
      admin: 'NOT_FOUND',
      observer: 'FORBIDDEN',
    };
    it.each(WHO.map((w) => [w, trash[w]] as const))('trashDocument as %s → %s', async (who, expected) => {
      const { w, id } = await withDocument();
      expect(codeOf(await (await w.client(who)).request(TRASH, { id }))).toBe(expected);
      const [row] = await sql<{ deleted_at: Date | null }>('select deleted_at from documents where id = ?', [id]);
      expect(row!.deleted_at !== null).toBe(expected === 'OK');
    });

    it('the uploader’s trash answer carries what the page asks for (its text preview too)', async () => {
      const { w, id } = await withDocument([{ name: 'notes.md', bytes: text('# Notes') }]);
      const result = await (
        await w.client('member')
      ).request<{ trashDocument: { deletedAt: string; textPreview: { html: string } } }>(
        `mutation T($id: ID!) { trashDocument(id: $id) { id deletedAt previewKind textPreview { html } } }`,
        { id },
      );
      expect(dataOf(result).trashDocument.textPreview.html).toContain('<h1 dir="auto">Notes</h1>');
    });

    it('a discussion is not started for a document in the trash', async () => {
      const { w, id } = await withDocument();
      dataOf(await (await w.client('member')).request(TRASH, { id }));
      const result = await (await w.client('convenor')).request(DISCUSS, { id });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DOCUMENT_IN_TRASH' });
      expect(await sql('select id from threads where group_id = ?', [w.group.id])).toEqual([]);
    });

    const LINK = `mutation L($id: ID!, $threadId: ID!) { linkDocumentToThread(id: $id, threadId: $threadId) { id linkedThreads { id title } } }`;
    const UNLINK = `mutation U($id: ID!, $threadId: ID!) { unlinkDocumentFromThread(id: $id, threadId: $threadId) { id linkedThreads { id } } }`;
    const THREAD_DOCS = `query T($id: ID!) { thread(id: $id) { id documents { id title } } }`;
    const startThread = async (client: GqlClient, groupId: string) =>
      dataOf(
        await client.request<{ createThread: { id: string } }>(
          `mutation C($input: CreateThreadInput!) { createThread(input: $input) { id } }`,
          { input: { groupId, title: 'Budget for the clinic day', body: 'See the document.' } },
        ),
      ).createThread.id;
    const links = async (id: string) =>
      sql<{ thread_id: string }>('select thread_id from document_thread_links where document_id = ?', [id]);

    it.each(WHO.map((w) => [w, edit[w]] as const))(
      'linkDocumentToThread and unlinkDocumentFromThread as %s → %s, and a refused one changes nothing',
      async (who, expected) => {
        const { w, id } = await withDocument();
        const threadId = await startThread(await w.client('member'), w.group.id);
        const client = await w.client(who);
        const linked = await client.request<{
          linkDocumentToThread: { linkedThreads: { id: string; title: string }[] };
        }>(LINK, { id, threadId });
        expect(codeOf(linked)).toBe(expected);
        expect((await links(id)).map((l) => l.thread_id)).toEqual(expected === 'OK' ? [threadId] : []);
        if (expected === 'OK')
          expect(dataOf(linked).linkDocumentToThread.linkedThreads).toEqual([
            { id: threadId, title: 'Budget for the clinic day' },
          ]);
        else dataOf(await (await w.client('member')).request(LINK, { id, threadId }));
        expect(codeOf(await client.request(UNLINK, { id, threadId }))).toBe(expected);
        expect(await links(id)).toHaveLength(expected === 'OK' ? 0 : 1);
      },
    );

    it.each(WHO.filter((w) => w !== 'anonymous').map((w) => [w, gql[w]] as const))(
      'Thread.documents as %s → %s: the group’s linked documents, none from the trash',
      async (who, expected) => {
        const { w, id } = await withDocument();
        const other = await upload(api.url, await w.client('member'), `/api/groups/${w.group.id}/documents`, [
          { name: 'old.pdf', bytes: pdf() },
        ]);
        const threadId = await startThread(await w.client('member'), w.group.id);
        for (const doc of [id, other.json.document!.id])
          dataOf(await (await w.client('member')).request(LINK, { id: doc, threadId }));
        dataOf(await (await w.client('member')).request(TRASH, { id: other.json.document!.id }));
        const result = await (
          await w.client(who)
        ).request<{ thread: { documents: { id: string }[] } }>(THREAD_DOCS, { id: threadId });
        expect(codeOf(result)).toBe(expected);
        if (expected === 'OK') expect(dataOf(result).thread.documents.map((d) => d.id)).toEqual([id]);
      },
    );

    it('a document is linked only to discussions of its own group that the person can read', async () => {
      const { w, id } = await withDocument();
      const elsewhere = await world();
      await api.data.membership(elsewhere.group, w.people.member);
      const theirs = await startThread(await w.client('member'), elsewhere.group.id);
      const result = await (await w.client('member')).request(LINK, { id, threadId: theirs });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'THREAD_IN_OTHER_GROUP',
        fields: { threadId: expect.any(String) },
      });
      const outsider = await world();
      const foreign = await startThread(await outsider.client('member'), outsider.group.id);
      expect(codeOf(await (await w.client('member')).request(LINK, { id, threadId: foreign }))).toBe('NOT_FOUND');
      expect(await links(id)).toEqual([]);
    });

    it('a member who did not upload a document cannot delete it', async () => {
      const { w, id } = await withDocument();
      const other = await api.data.user();
      await api.data.membership(w.group, other);
      const result = await (await api.signedIn(other)).request(TRASH, { id });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_THE_UPLOADER' });
    });

    const restore: Record<Who, string> = {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'NOT_FOUND',
      member: 'NOT_FOUND',
      convenor: 'OK',
      admin: 'NOT_FOUND',
      observer: 'NOT_FOUND',
    };
    it.each(WHO.map((w) => [w, restore[w]] as const))(
      'restoreDocument (from the trash) as %s → %s; only convenors see the trash',
      async (who, expected) => {
        const { w, id } = await withDocument();
        dataOf(await (await w.client('member')).request(TRASH, { id }));
        const client = await w.client(who);
        if (who !== 'anonymous') {
          const trashed = await client.request<{ workingGroup: { documents: { nodes: { id: string }[] } | null } }>(
            DOCUMENTS,
            { slug: w.group.slug, trashed: true },
          );
          expect(dataOf(trashed).workingGroup.documents?.nodes.map((d) => d.id) ?? null).toEqual(
            who === 'convenor' ? [id] : null,
          );
          const content = await client.get(`/api/documents/${id}/content`);
          expect(content.status).toBe(who === 'convenor' ? 200 : 404);
        }
        expect(codeOf(await client.request(RESTORE, { id }))).toBe(expected);
        const [row] = await sql<{ deleted_at: Date | null }>('select deleted_at from documents where id = ?', [id]);
        expect(row!.deleted_at === null).toBe(expected === 'OK');
      },
    );

    const folders: Record<Who, string> = {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'BAD_USER_INPUT',
      member: 'OK',
      convenor: 'OK',
      admin: 'BAD_USER_INPUT',
      observer: 'FORBIDDEN',
    };
    it.each(WHO.map((w) => [w, folders[w]] as const))(
      'createDocumentFolder, updateDocumentFolder, deleteDocumentFolder as %s',
      async (who, renameOutcome) => {
        const w = await world();
        const create = await (
          await w.client(who)
        ).request(CREATE_FOLDER, { input: { groupId: w.group.id, name: 'Evidence' } });
        const createOutcome = {
          anonymous: 'UNAUTHENTICATED',
          outsider: 'NOT_FOUND',
          member: 'OK',
          convenor: 'OK',
          admin: 'NOT_FOUND',
          observer: 'FORBIDDEN',
        }[who];
        expect(codeOf(create)).toBe(createOutcome);
        const folder = dataOf(
          await (
            await w.client('member')
          ).request<{ createDocumentFolder: { id: string } }>(CREATE_FOLDER, {
            input: { groupId: w.group.id, name: 'Briefings' },
          }),
        );
        const folderId = folder.createDocumentFolder.id;
        expect(
          codeOf(
            await (await w.client(who)).request(UPDATE_FOLDER, { input: { id: folderId, name: 'Policy briefings' } }),
          ),
        ).toBe(renameOutcome);
        expect(codeOf(await (await w.client(who)).request(DELETE_FOLDER, { id: folderId }))).toBe(renameOutcome);
        const rows = await sql<{ name: string }>('select name from document_folders where group_id = ? order by name', [
          w.group.id,
        ]);
        expect(rows.map((r) => r.name)).toEqual(
          renameOutcome === 'OK'
            ? createOutcome === 'OK'
              ? ['Evidence']
              : []
            : createOutcome === 'OK'
              ? ['Briefings', 'Evidence']
              : ['Briefings'],
        );
      },
    );

    const settings: Record<Who, string> = {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'FORBIDDEN',
      member: 'FORBIDDEN',
      convenor: 'FORBIDDEN',
      admin: 'OK',
      observer: 'FORBIDDEN',
    };
    it.each(WHO.map((w) => [w, settings[w]] as const))(
      'documentSettings (anyone signed in) and updateDocumentSettings (admins) as %s',
      async (who, expected) => {
        const w = await world();
        const client = await w.client(who);
        expect(codeOf(await client.request(SETTINGS))).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'OK');
        const before = await sql('select allowed_types from document_settings');
        const result = await client.request(UPDATE_SETTINGS, { types: ['application/pdf', 'image/png', 'text/plain'] });
        expect(codeOf(result)).toBe(expected);
        if (expected !== 'OK') expect(await sql('select allowed_types from document_settings')).toEqual(before);
        else await sql('delete from document_settings');
      },
    );

    it.each(WHO.map((w) => [w, edit[w]] as const))(
      'discussDocument as %s → %s, and a refused one starts no thread',
      async (who, expected) => {
        const { w, id } = await withDocument();
        const result = await (await w.client(who)).request<{ discussDocument: { threadId: string } }>(DISCUSS, { id });
        expect(codeOf(result)).toBe(expected);
        expect(await sql('select id from threads where group_id = ?', [w.group.id])).toHaveLength(
          expected === 'OK' ? 1 : 0,
        );
        const [row] = await sql<{ thread_id: string | null }>('select thread_id from documents where id = ?', [id]);
        if (expected === 'OK') expect(row!.thread_id).toBe(dataOf(result).discussDocument.threadId);
        else expect(row!.thread_id).toBeNull();
      },
    );
  });

  describe('bad input: a clear coded error, and nothing stored', () => {
    const cases: [string, FilePart[], number, string][] = [
      ['a zero-byte file', [{ name: 'empty.pdf', bytes: Buffer.alloc(0) }], 400, 'FILE_EMPTY'],
      ['a name with ../', [{ name: '../../etc/passwd.txt', bytes: text('root:x:0:0') }], 400, 'BAD_FILE_NAME'],
      ['a name with a control character', [{ name: 'minutes\u0007.pdf', bytes: pdf() }], 400, 'BAD_FILE_NAME'],
      ['a name of 1,000 characters', [{ name: `${'a'.repeat(996)}.pdf`, bytes: pdf() }], 400, 'BAD_FILE_NAME'],
      [
        'a name that hides its extension with a bidi override',
        [{ name: 'invoice\u202Efdp.exe', bytes: pdf() }],
        400,
        'BAD_FILE_NAME',
      ],
      ['a PNG named .pdf', [{ name: 'report.pdf', bytes: png(), type: 'application/pdf' }], 415, 'TYPE_MISMATCH'],
      [
        'a program named .pdf',
        [{ name: 'report.pdf', bytes: Buffer.concat([Buffer.from('MZ'), random(2000)]), type: 'application/pdf' }],
        415,
        'TYPE_MISMATCH',
      ],
      [
        'a program',
        [
          {
            name: 'setup',
            bytes: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000, 1)]),
          },
        ],
        415,
        'TYPE_NOT_ALLOWED',
      ],
      [
        'HTML with a script',
        [{ name: 'page', bytes: text('<!doctype html><script>alert(1)</script>'), type: 'text/plain' }],
        415,
        'TYPE_NOT_ALLOWED',
      ],
      [
        'SVG with a script',
        [
          {
            name: 'logo',
            bytes: text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
            type: 'image/png',
          },
        ],
        415,
        'TYPE_NOT_ALLOWED',
      ],
      ['text named as a script', [{ name: 'run.sh', bytes: text('rm -rf /') }], 400, 'BAD_FILE_NAME'],
      [
        'HTML named as a server-side include page',
        [{ name: 'page.shtml', bytes: text('<div><script>alert(1)</script></div>') }],
        400,
        'BAD_FILE_NAME',
      ],
      [
        'two files at once',
        [
          { name: 'a.pdf', bytes: pdf() },
          { name: 'b.pdf', bytes: pdf() },
        ],
        400,
        'TOO_MANY_FILES',
      ],
      ['no file', [], 400, 'FILE_MISSING'],
      [
        'a file over the limit',
        [{ name: 'big.pdf', bytes: Buffer.concat([pdf(), random(LIMIT)]) }],
        413,
        'FILE_TOO_LARGE',
      ],
    ];
    it.each(cases)('%s → %d %s', async (_label, parts, status, reason) => {
      const w = await world();
      const before = await storedFiles();
      const result = await upload(api.url, await w.client('member'), `/api/groups/${w.group.id}/documents`, parts);
      expect(result.status).toBe(status);
      expect(result.json.error).toMatchObject({ reason });
      expect(result.json.error?.message).toEqual(expect.any(String));
      expect(JSON.stringify(result.json)).not.toMatch(/at \w+ \(|node_modules/);
      if (parts.length) expect(Object.keys(result.json.error?.fields ?? {})).toEqual(['file']);
      expect(await documentRows(w.group.id)).toEqual([]);
      expect(await storedFiles()).toEqual(before);
    });

    it('a body without a length is cut off by the server’s own count at the limit', async () => {
      const w = await world();
      const before = await storedFiles();
      const result = await chunkedUpload(api.url, await w.client('member'), `/api/groups/${w.group.id}/documents`, {
        name: 'big.pdf',
        bytes: Buffer.concat([pdf(), random(LIMIT * 4)]),
      });
      expect(result.status).toBe(413);
      expect(JSON.parse(result.body).error.reason).toBe('FILE_TOO_LARGE');
      expect(await documentRows(w.group.id)).toEqual([]);
      expect(await storedFiles()).toEqual(before);
    });

    it('an upload cut off half-way leaves no file and no row', async () => {
      const w = await world();
      const before = await storedFiles();
      await interruptedUpload(
        api.url,
        await w.client('member'),
        `/api/groups/${w.group.id}/documents`,
        { name: 'evidence.pdf', bytes: Buffer.concat([pdf(), random(200_000)]) },
        120_000,
      );
      // The server notices the closed connection a moment later.
      for (let i = 0; i < 50 && (await storedFiles()).length !== before.length; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await storedFiles()).toEqual(before);
      expect(await documentRows(w.group.id)).toEqual([]);
    });

    it('a folder given twice (or not as one plain id) is refused, and nothing is stored', async () => {
      const w = await world();
      const before = await storedFiles();
      const folder = '00000000-0000-4000-8000-000000000001';
      const result = await upload(
        api.url,
        await w.client('member'),
        `/api/groups/${w.group.id}/documents?folderId=${folder}&folderId=${folder}`,
        [{ name: 'a.pdf', bytes: pdf() }],
      );
      expect([result.status, result.json.error?.fields]).toEqual([400, { folderId: expect.any(String) }]);
      expect(await documentRows(w.group.id)).toEqual([]);
      expect(await storedFiles()).toEqual(before);
    });

    it('an upload without the app’s header is refused before anything is read (cross-site forms)', async () => {
      const w = await world();
      const result = await upload(
        api.url,
        await w.client('member'),
        `/api/groups/${w.group.id}/documents`,
        [{ name: 'a.pdf', bytes: pdf() }],
        { 'x-requested-with': '' },
      );
      expect(result.status).toBe(403);
      expect(result.json.error?.reason).toBe('UPLOAD_HEADER_MISSING');
      expect(await documentRows(w.group.id)).toEqual([]);
    });

    it('a form post that is not multipart is refused', async () => {
      const w = await world();
      const member = await w.client('member');
      const res = await fetch(`${api.url}/api/groups/${w.group.id}/documents`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-requested-with': 'convene',
          cookie: member.cookie!,
        },
        body: 'file=hello',
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('NOT_MULTIPART');
    });

    it('an admin can narrow the allowed types; a refused type is then refused', async () => {
      const w = await world();
      const admin = await api.signedIn(w.people.admin);
      dataOf(await admin.request(UPDATE_SETTINGS, { types: ['application/pdf'] }));
      try {
        const result = await upload(api.url, await w.client('member'), `/api/groups/${w.group.id}/documents`, [
          { name: 'photo.png', bytes: png() },
        ]);
        expect([result.status, result.json.error?.reason]).toEqual([415, 'TYPE_NOT_ALLOWED']);
        expect(codeOf(await admin.request(UPDATE_SETTINGS, { types: ['image/svg+xml'] }))).toBe('BAD_USER_INPUT');
      } finally {
        await sql('delete from document_settings');
      }
    });

    it('documents of a group keep Arabic and accented names intact', async () => {
      const { w, id } = await withDocument([{ name: 'محضر الاجتماع – Lucía.pdf', bytes: pdf() }]);
      const { res } = await download(await w.client('member'), `/api/documents/${id}/content`);
      const name = 'محضر الاجتماع – Lucía.pdf';
      const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
    });
  });

  describe('downloads', () => {
    it('send the type from the bytes, RFC 6266 names, nosniff and a sandboxing CSP', async () => {
      const { w, id } = await withDocument([{ name: 'chart "v1".png', bytes: png(3), type: 'text/html' }]);
      const { res } = await download(await w.client('member'), `/api/documents/${id}/content`);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="chart _v1_.png"; filename*=UTF-8''chart%20%22v1%22.png`,
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      const inline = await download(await w.client('member'), `/api/documents/${id}/content?disposition=inline`);
      expect(inline.res.headers.get('content-disposition')).toMatch(/^inline; /);
    });

    it('only images, PDFs and text are ever inline', async () => {
      const zip = Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04]),
        Buffer.alloc(26),
        Buffer.from('a.txt'),
        random(100),
      ]);
      zip.writeUInt16LE(5, 26);
      const { w, id } = await withDocument([{ name: 'archive.zip', bytes: zip }]);
      const { res } = await download(await w.client('member'), `/api/documents/${id}/content?disposition=inline`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; /);
    });

    it('serve byte ranges (206), suffixes, and refuse ranges outside the file (416)', async () => {
      const bytes = Buffer.concat([pdf(), random(50_000)]);
      const { w, id } = await withDocument([{ name: 'long.pdf', bytes }]);
      const member = await w.client('member');
      const middle = await download(member, `/api/documents/${id}/content`, { range: 'bytes=100-1099' });
      expect(middle.res.status).toBe(206);
      expect(middle.res.headers.get('content-range')).toBe(`bytes 100-1099/${bytes.length}`);
      expect(middle.bytes.equals(bytes.subarray(100, 1100))).toBe(true);
      const suffix = await download(member, `/api/documents/${id}/content`, { range: 'bytes=-10' });
      expect(suffix.bytes.equals(bytes.subarray(-10))).toBe(true);
      const open = await download(member, `/api/documents/${id}/content`, { range: `bytes=${bytes.length - 5}-` });
      expect(open.bytes.equals(bytes.subarray(-5))).toBe(true);
      const outside = await download(member, `/api/documents/${id}/content`, { range: `bytes=${bytes.length + 10}-` });
      expect(outside.res.status).toBe(416);
      expect(outside.res.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
      const whole = await download(member, `/api/documents/${id}/content`);
      expect([whole.res.status, whole.res.headers.get('accept-ranges'), sha256(whole.bytes)]).toEqual([
        200,
        'bytes',
        sha256(bytes),
      ]);
    });

    it('answer 304 to a matching ETag (alone or in a list)', async () => {
      const { w, id } = await withDocument();
      const member = await w.client('member');
      const first = await download(member, `/api/documents/${id}/content`);
      const etag = first.res.headers.get('etag')!;
      expect((await member.get(`/api/documents/${id}/content`, { 'if-none-match': etag })).status).toBe(304);
      expect((await member.get(`/api/documents/${id}/content`, { 'if-none-match': `"other", ${etag}` })).status).toBe(
        304,
      );
      expect((await member.get(`/api/documents/${id}/content`, { 'if-none-match': '"other"' })).status).toBe(200);
    });

    it('a resumed download of a version that is no longer current gets the whole new file, not a mix', async () => {
      const { w, id } = await withDocument([{ name: 'a.pdf', bytes: pdf('one') }]);
      const member = await w.client('member');
      const old = (await download(member, `/api/documents/${id}/content`)).res.headers.get('etag')!;
      const second = pdf('two, longer than the first');
      await upload(api.url, member, `/api/documents/${id}/versions`, [{ name: 'a.pdf', bytes: second }]);
      const resumed = await download(member, `/api/documents/${id}/content`, { range: 'bytes=10-', 'if-range': old });
      expect(resumed.res.status).toBe(200);
      expect(sha256(resumed.bytes)).toBe(sha256(second));
      const current = resumed.res.headers.get('etag')!;
      expect(
        (await download(member, `/api/documents/${id}/content`, { range: 'bytes=10-', 'if-range': current })).res
          .status,
      ).toBe(206);
    });

    it('an error is never dressed as the file: a refused range answers JSON, not an attachment', async () => {
      const { w, id } = await withDocument();
      const { res, bytes } = await download(await w.client('member'), `/api/documents/${id}/content`, {
        range: 'bytes=999999-',
      });
      expect(res.status).toBe(416);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('content-disposition')).toBeNull();
      expect(JSON.parse(bytes.toString()).error.reason).toBe('RANGE_NOT_SATISFIABLE');
    });
  });

  describe('versions', () => {
    it('keep every version immutable; any can be downloaded; restoring one adds a version with its bytes', async () => {
      const v1 = pdf('First draft');
      const v2 = pdf('Second draft');
      const { w, id } = await withDocument([{ name: 'bid.pdf', bytes: v1 }]);
      const member = await w.client('member');
      const second = await upload(api.url, await w.client('convenor'), `/api/documents/${id}/versions`, [
        { name: 'bid-final.pdf', bytes: v2 },
      ]);
      expect(second.json.version).toMatchObject({ number: 2, sha256: sha256(v2) });
      expect(sha256((await download(member, `/api/documents/${id}/content`)).bytes)).toBe(sha256(v2));
      expect(sha256((await download(member, `/api/documents/${id}/content?version=1`)).bytes)).toBe(sha256(v1));
      expect((await download(member, `/api/documents/${id}/content?version=9`)).res.status).toBe(404);
      expect((await download(member, `/api/documents/${id}/content?version=abc`)).res.status).toBe(404);

      dataOf(await member.request(RESTORE_VERSION, { id, version: 1 }));
      const seen = dataOf(
        await member.request<{
          document: {
            versionCount: number;
            versions: {
              number: number;
              sha256: string;
              restoredFrom: number | null;
              uploadedBy: { displayName: string };
            }[];
          };
        }>(DOCUMENT, { id }),
      );
      expect(seen.document.versionCount).toBe(3);
      expect(seen.document.versions.map((v) => [v.number, v.sha256, v.restoredFrom, v.uploadedBy.displayName])).toEqual(
        [
          [3, sha256(v1), 1, 'Mina Member'],
          [2, sha256(v2), null, 'Cora Convenor'],
          [1, sha256(v1), null, 'Mina Member'],
        ],
      );
      expect(sha256((await download(member, `/api/documents/${id}/content`)).bytes)).toBe(sha256(v1));
      expect(codeOf(await member.request(RESTORE_VERSION, { id, version: 7 }))).toBe('NOT_FOUND');
    });

    it('a new version of a document in the trash is refused', async () => {
      const { w, id } = await withDocument();
      dataOf(await (await w.client('member')).request(TRASH, { id }));
      const result = await upload(api.url, await w.client('convenor'), `/api/documents/${id}/versions`, [
        { name: 'x.pdf', bytes: pdf() },
      ]);
      expect([result.status, result.json.error?.reason]).toEqual([409, 'DOCUMENT_IN_TRASH']);
    });
  });

  describe('organising and listing', () => {
    it('pages through a group’s documents by name, by size and by latest change, with filters', async () => {
      const w = await world();
      const member = await w.client('member');
      const names = ['c-budget.csv', 'a-agenda.txt', 'b-photo.png', 'd-minutes.pdf', 'e-notes.md'];
      const bodies = [
        text('item,cost\nhall,120\n'),
        text('Agenda: 1. welcome'),
        png(40),
        pdf(),
        text('# Notes\n\nSome *notes*.'),
      ];
      for (let i = 0; i < names.length; i++)
        expect(
          (
            await upload(api.url, member, `/api/groups/${w.group.id}/documents`, [
              { name: names[i]!, bytes: bodies[i]! },
            ])
          ).status,
        ).toBe(201);
      type List = {
        workingGroup: {
          documents: { nodes: { title: string; size: number }[]; endCursor: string | null; hasNextPage: boolean };
        };
      };
      const all = async (variables: Record<string, unknown>) => {
        const titles: string[] = [];
        let after: string | null = null;
        for (;;) {
          const page: List = dataOf(
            await member.request<List>(DOCUMENTS, { slug: w.group.slug, first: 2, after, ...variables }),
          );
          titles.push(...page.workingGroup.documents.nodes.map((n) => n.title));
          if (!page.workingGroup.documents.hasNextPage) return titles;
          after = page.workingGroup.documents.endCursor;
        }
      };
      expect(await all({ sort: 'NAME' })).toEqual([...names].sort());
      expect(await all({ sort: 'UPDATED' })).toEqual([...names].reverse());
      const bySize = [...names].sort((a, b) => bodies[names.indexOf(b)]!.length - bodies[names.indexOf(a)]!.length);
      expect(await all({ sort: 'SIZE' })).toEqual(bySize);
      expect(await all({ sort: 'NAME', kind: 'TEXT' })).toEqual(['a-agenda.txt', 'c-budget.csv', 'e-notes.md']);
      expect(await all({ sort: 'NAME', kind: 'IMAGE' })).toEqual(['b-photo.png']);

      const list = dataOf(
        await member.request<{ workingGroup: { documents: { nodes: { id: string; title: string }[] } } }>(DOCUMENTS, {
          slug: w.group.slug,
          sort: 'NAME',
        }),
      );
      const agenda = list.workingGroup.documents.nodes[0]!.id;
      const folder = dataOf(
        await member.request<{ createDocumentFolder: { id: string } }>(CREATE_FOLDER, {
          input: { groupId: w.group.id, name: 'Meetings' },
        }),
      ).createDocumentFolder.id;
      dataOf(await member.request(MOVE, { input: { id: agenda, folderId: folder } }));
      dataOf(await member.request(UPDATE, { input: { id: agenda, tags: ['Meeting', 'march'] } }));
      expect(await all({ sort: 'NAME', folderId: folder })).toEqual(['a-agenda.txt']);
      expect(await all({ sort: 'NAME', topLevel: true })).toEqual(names.filter((n) => n !== 'a-agenda.txt').sort());
      expect(await all({ sort: 'NAME', tag: 'meeting' })).toEqual(['a-agenda.txt']);

      expect(codeOf(await member.request(DELETE_FOLDER, { id: folder }))).toBe('CONFLICT');
      expect(codeOf(await member.request(DOCUMENTS, { slug: w.group.slug, first: 500 }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await member.request(DOCUMENTS, { slug: w.group.slug, after: 'forged' }))).toBe('BAD_USER_INPUT');
    });

    it('lists a page of documents with their uploaders and folders in as many SQL statements for 12 as for 3', async () => {
      const LIST = `query G($slug: String!) { workingGroup(slug: $slug) { documents(first: 50) { nodes { id title createdBy { displayName } folder { name } } } } }`;
      async function groupWith(n: number) {
        const w = await world();
        const folder = dataOf(
          await (
            await w.client('member')
          ).request<{ createDocumentFolder: { id: string } }>(CREATE_FOLDER, {
            input: { groupId: w.group.id, name: 'Shelf' },
          }),
        );
        for (let i = 0; i < n; i++) {
          const uploader = i % 2 ? 'member' : 'convenor';
          const query = i % 3 ? `?folderId=${folder.createDocumentFolder.id}` : '';
          expect(
            (
              await upload(api.url, await w.client(uploader), `/api/groups/${w.group.id}/documents${query}`, [
                { name: `d${i}.pdf`, bytes: pdf(`n${i}`) },
              ])
            ).status,
          ).toBe(201);
        }
        return w;
      }
      const counts: number[] = [];
      for (const n of [3, 12]) {
        const w = await groupWith(n);
        const member = await w.client('member');
        let seen: { workingGroup: { documents: { nodes: { folder: { name: string } | null }[] } } } | null = null;
        counts.push(
          await api.statements(async () => (seen = dataOf(await member.request(LIST, { slug: w.group.slug })))),
        );
        expect(seen!.workingGroup.documents.nodes).toHaveLength(n);
        expect(seen!.workingGroup.documents.nodes.filter((d) => d.folder?.name === 'Shelf')).toHaveLength(
          n - Math.ceil(n / 3),
        );
      }
      expect(counts[1]).toBe(counts[0]);
    });

    it('answers the web’s documents page, and a page with every version, preview and linked discussion, in as many SQL statements for 100 documents as for 20', async () => {
      const ROW = `id title typeLabel kind contentType size updatedAt deletedAt folderId versionCount createdBy { id displayName }`;
      const WEB_PAGE = `query GroupDocuments($slug: String!, $first: Int!) { workingGroup(slug: $slug) { id viewerCanManage documentFolders { id name parentId createdAt }
        documents(first: $first, topLevel: true, sort: UPDATED) { endCursor hasNextPage nodes { ${ROW} } } } }`;
      const FULL_PAGE = `query G($slug: String!, $first: Int!) { workingGroup(slug: $slug) { documents(first: $first) { nodes { ${ROW} folder { name }
        versions { number fileName uploadedBy { displayName } } textPreview { text truncated } linkedThreads { id title } } } } }`;
      const SEARCH = `query S($input: SearchDocumentsInput!) { searchDocuments(input: $input) { nodes { document { ${ROW} linkedThreads { title } } titleHtml snippetHtml } } }`;
      const ids = (list: string[]) => `{${list.join(',')}}`;
      const fresh = (n: number) => Array.from({ length: n }, () => randomUUID());
      // The bytes every document's versions point at: one real text file, uploaded to a group of its own.
      const elsewhere = await world();
      const uploaded = await upload(
        api.url,
        await elsewhere.client('member'),
        `/api/groups/${elsewhere.group.id}/documents`,
        [{ name: 'notes.txt', bytes: text('Notes from the clinic.') }],
      );
      const [file] = await sql<{ storage_key: string; size: string; sha256: string }>(
        'select storage_key, size, sha256 from document_versions where document_id = ?',
        [uploaded.json.document!.id],
      );

      /** n text documents by n people, each with two versions (the second by the convenor) and a linked discussion. */
      async function groupWith(n: number) {
        const w = await world();
        const [people, documents, threads] = [fresh(n), fresh(n), fresh(n)];
        await sql(
          `insert into users (id, email, display_name, password_hash, created_at, password_changed_at) select id, 'docs-' || id || '@example.org', 'Writer ' || n, 'x', now(), now() from unnest(?::uuid[]) with ordinality t(id, n)`,
          [ids(people)],
        );
        await sql(
          `insert into memberships (id, group_id, user_id, role, status, created_at) select gen_random_uuid(), ?, id, 'MEMBER', 'ACTIVE', now() from unnest(?::uuid[]) id`,
          [w.group.id, ids(people)],
        );
        await sql(
          `insert into documents (id, group_id, title, description, tags, content_type, size, version_count, created_by_id, created_at, updated_at, extracted_text)
           select d, ?, 'Clinic notes ' || n, '', '{}', 'text/plain', ?, 2, p, now(), now() - n * interval '1 second', 'Notes from the clinic.'
           from unnest(?::uuid[], ?::uuid[]) with ordinality t(d, p, n)`,
          [w.group.id, file!.size, ids(documents), ids(people)],
        );
        await sql(
          `insert into document_versions (id, document_id, number, file_name, storage_key, size, sha256, content_type, uploaded_by_id, created_at)
           select gen_random_uuid(), d, k, 'notes.txt', ?, ?, ?, 'text/plain', case when k = 1 then p else ?::uuid end, now()
           from unnest(?::uuid[], ?::uuid[]) t(d, p), generate_series(1, 2) k`,
          [file!.storage_key, file!.size, file!.sha256, w.people.convenor.id, ids(documents), ids(people)],
        );
        await sql(
          `insert into threads (id, group_id, author_id, title, tags, post_count, created_at, last_activity_at)
           select t, ?, p, 'About the notes ' || n, '{}', 1, now(), now() from unnest(?::uuid[], ?::uuid[]) with ordinality x(t, p, n)`,
          [w.group.id, ids(threads), ids(people)],
        );
        await sql(
          `insert into document_thread_links (document_id, thread_id, linked_by_id, created_at) select d, t, p, now() from unnest(?::uuid[], ?::uuid[], ?::uuid[]) x(d, t, p)`,
          [ids(documents), ids(threads), ids(people)],
        );
        return w;
      }

      type Row = { createdBy: { displayName: string } | null };
      type Full = Row & {
        versions: { uploadedBy: { displayName: string } | null }[];
        textPreview: { text: string } | null;
        linkedThreads: { title: string }[];
      };
      const counts: number[][] = [];
      for (const [n, w] of [[20, await groupWith(20)] as const, [100, await groupWith(100)] as const]) {
        const member = await w.client('member');
        const web = await pageStatements<{ workingGroup: { documents: { nodes: Row[] } } }>(api, member, WEB_PAGE, {
          slug: w.group.slug,
          first: n,
        });
        expect(
          web.data.workingGroup.documents.nodes.filter((d) => d.createdBy?.displayName.startsWith('Writer ')),
        ).toHaveLength(n);
        const full = await pageStatements<{ workingGroup: { documents: { nodes: Full[] } } }>(api, member, FULL_PAGE, {
          slug: w.group.slug,
          first: n,
        });
        expect(full.data.workingGroup.documents.nodes).toHaveLength(n);
        for (const d of full.data.workingGroup.documents.nodes) {
          expect(d.versions.map((v) => v.uploadedBy?.displayName)).toEqual([
            w.people.convenor.displayName,
            d.createdBy?.displayName,
          ]);
          expect(d.textPreview?.text).toBe('Notes from the clinic.');
          expect(d.linkedThreads).toEqual([
            { id: expect.any(String), title: expect.stringMatching(/^About the notes /) },
          ]);
        }
        // Search answers at most 50 at a time.
        const found = await pageStatements<{
          searchDocuments: { nodes: { document: { linkedThreads: unknown[] } }[] };
        }>(api, member, SEARCH, { input: { query: 'clinic', groupId: w.group.id, first: Math.min(n, 50) } });
        expect(found.data.searchDocuments.nodes.filter((hit) => hit.document.linkedThreads.length === 1)).toHaveLength(
          Math.min(n, 50),
        );
        counts.push([web.statements, full.statements, found.statements]);
      }
      expect(counts[0]!.every((c) => c > 0)).toBe(true);
      expect(counts[1]).toEqual(counts[0]);
    });

    it('folders: unique names among siblings, no cycles, coded errors', async () => {
      const w = await world();
      const member = await w.client('member');
      const create = (name: string, parentId?: string) =>
        member.request<{ createDocumentFolder: { id: string } }>(CREATE_FOLDER, {
          input: { groupId: w.group.id, name, parentId },
        });
      const top = dataOf(await create('Evidence')).createDocumentFolder.id;
      const child = dataOf(await create('2026', top)).createDocumentFolder.id;
      expect((await create('evidence')).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'FOLDER_NAME_TAKEN',
        fields: { name: expect.any(String) },
      });
      expect((await create('../x')).errors?.[0]?.extensions?.fields).toEqual({ name: expect.any(String) });
      expect((await create('')).errors?.[0]?.extensions?.fields).toEqual({ name: expect.any(String) });
      const cycle = await member.request(UPDATE_FOLDER, { input: { id: top, parentId: child } });
      expect(cycle.errors?.[0]?.extensions).toMatchObject({ reason: 'FOLDER_CYCLE' });
      const other = await world();
      const foreign = await member.request(MOVE, {
        input: {
          id: (await withDocumentIn(w, member)).id,
          folderId: dataOf(
            await (
              await other.client('member')
            ).request<{ createDocumentFolder: { id: string } }>(CREATE_FOLDER, {
              input: { groupId: other.group.id, name: 'Theirs' },
            }),
          ).createDocumentFolder.id,
        },
      });
      expect(foreign.errors?.[0]?.extensions).toMatchObject({ reason: 'FOLDER_NOT_FOUND' });
    });

    async function withDocumentIn(w: World, client: GqlClient) {
      const result = await upload(api.url, client, `/api/groups/${w.group.id}/documents`, [
        { name: 'x.pdf', bytes: pdf() },
      ]);
      return result.json.document!;
    }

    it('updateDocument refuses bad titles and tags with field messages', async () => {
      const { w, id } = await withDocument();
      const member = await w.client('member');
      const result = await member.request(UPDATE, { input: { id, title: ' ', tags: ['not a tag!'] } });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { title: expect.any(String), tags: expect.any(String) },
      });
      const long = await member.request(UPDATE, { input: { id, description: 'x'.repeat(5000) } });
      expect(long.errors?.[0]?.extensions?.fields).toEqual({ description: expect.any(String) });
    });

    it('previews text and Markdown safely, and says how other types preview', async () => {
      const { w, id } = await withDocument([
        { name: 'notes.md', bytes: text('# Notes\n\n<script>alert(1)</script> [x](javascript:alert(1)) **bold**') },
      ]);
      const member = await w.client('member');
      const seen = dataOf(
        await member.request<{ document: { previewKind: string; textPreview: { html: string; truncated: boolean } } }>(
          PREVIEW,
          { id },
        ),
      );
      expect(seen.document.previewKind).toBe('MARKDOWN');
      expect(seen.document.textPreview.html).toContain('<strong>bold</strong>');
      expect(seen.document.textPreview.html).not.toMatch(/<script|href="javascript:/i);
      const image = await withDocument([{ name: 'p.png', bytes: png() }]);
      const pic = dataOf(
        await (
          await image.w.client('member')
        ).request<{ document: { previewKind: string; textPreview: unknown } }>(PREVIEW, { id: image.id }),
      );
      expect(pic.document).toEqual({ previewKind: 'IMAGE', textPreview: null });
    });
  });

  describe('worker jobs', () => {
    it('extracts the text of PDF and text files for search, and only for the current version', async () => {
      const { w, id } = await withDocument([{ name: 'evidence.pdf', bytes: pdf('Deportation flights evidence') }]);
      const texts = api.app.get(DocumentTextService);
      expect(await texts.extract(id, 1)).toBe(true);
      const found = await sql<{ id: string }>(
        `select id from documents where search_vector @@ websearch_to_tsquery('convene_search', 'deportation flight')`,
      );
      expect(found.map((r) => r.id)).toContain(id);
      await upload(api.url, await w.client('member'), `/api/documents/${id}/versions`, [
        { name: 'notes.txt', bytes: text('Café meeting about the hostile environment') },
      ]);
      expect(await texts.extract(id, 1)).toBe(false);
      expect(await texts.extract(id, 2)).toBe(true);
      const [row] = await sql<{ extracted_text: string }>('select extracted_text from documents where id = ?', [id]);
      expect(row!.extracted_text).toBe('Café meeting about the hostile environment');
      const accentless = await sql<{ id: string }>(
        `select id from documents where search_vector @@ websearch_to_tsquery('convene_search', 'cafe hostile')`,
      );
      expect(accentless.map((r) => r.id)).toContain(id);
      // Markdown is kept as its words, so snippets read as text.
      await upload(api.url, await w.client('member'), `/api/documents/${id}/versions`, [
        {
          name: 'notes.md',
          bytes: text(
            '# Evidence\n\n**NHS charging** at [the trust](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
          ),
        },
      ]);
      expect(await texts.extract(id, 3)).toBe(true);
      const [markdown] = await sql<{ extracted_text: string }>('select extracted_text from documents where id = ?', [
        id,
      ]);
      expect(markdown!.extracted_text).toBe('Evidence NHS charging at the trust a b 1 2');
    });

    it('purges documents 30 days in the trash, with the files no other version uses', async () => {
      const { w, id } = await withDocument();
      const kept = await withDocument();
      dataOf(await (await w.client('member')).request(TRASH, { id }));
      dataOf(await (await kept.w.client('member')).request(TRASH, { id: kept.id }));
      const [version] = await sql<{ storage_key: string }>(
        'select storage_key from document_versions where document_id = ?',
        [id],
      );
      await sql(`update documents set deleted_at = now() - interval '31 days' where id = ?`, [id]);
      await sql(`update documents set deleted_at = now() - interval '29 days' where id = ?`, [kept.id]);
      expect(await api.app.get(DocumentsService).purgeTrash()).toBeGreaterThanOrEqual(1);
      expect(await sql('select id from documents where id = ?', [id])).toEqual([]);
      expect(await sql('select id from document_versions where document_id = ?', [id])).toEqual([]);
      expect((await storedFiles()).some((f) => f.endsWith(version!.storage_key))).toBe(false);
      expect(await sql('select id from documents where id = ?', [kept.id])).toHaveLength(1);
    });
  });

  describe('search', () => {
    const SEARCH = `query S($input: SearchDocumentsInput!) { searchDocuments(input: $input) { nodes { document { id title } titleHtml snippetHtml } hasNextPage endCursor } }`;
    type Found = {
      searchDocuments: {
        nodes: { document: { id: string }; titleHtml: string; snippetHtml: string }[];
        hasNextPage: boolean;
        endCursor: string | null;
      };
    };

    // Anyone signed in may search; only their own groups' documents are found.
    it.each(WHO.map((w) => [w, w === 'anonymous' ? 'UNAUTHENTICATED' : 'OK'] as const))(
      'searchDocuments as %s → %s: by title, description and text, only in the viewer’s groups',
      async (who, expected) => {
        const word = `zq${Math.random().toString(36).slice(2, 8)}`;
        const { w, id } = await withDocument([
          { name: `Détention report ${word}.pdf`, bytes: pdf(`Mentions of ${word}bis in the text`) },
        ]);
        await api.app.get(DocumentTextService).extract(id, 1);
        dataOf(
          await (
            await w.client('member')
          ).request(UPDATE, { input: { id, description: `Evidence about <b>${word}ter</b> & more` } }),
        );
        const client = await w.client(who);
        const result = await client.request<Found>(SEARCH, { input: { query: `detention ${word}` } });
        expect(codeOf(result)).toBe(expected);
        if (expected !== 'OK') return;
        const ids = dataOf(result).searchDocuments.nodes.map((n) => n.document.id);
        const inGroup = ['member', 'convenor', 'observer'].includes(who);
        expect(ids).toEqual(inGroup ? [id] : []);
        if (!inGroup) return;
        const [hit] = dataOf(result).searchDocuments.nodes;
        expect(hit!.titleHtml).toContain('<mark>Détention</mark> report');
        const byText = dataOf(await client.request<Found>(SEARCH, { input: { query: `${word}bis` } })).searchDocuments
          .nodes;
        expect(byText.map((n) => n.document.id)).toEqual([id]);
        expect(byText[0]!.snippetHtml).toContain(`<mark>${word}bis</mark>`);
        const byDescription = dataOf(await client.request<Found>(SEARCH, { input: { query: `${word}ter` } }))
          .searchDocuments.nodes;
        expect(byDescription[0]!.snippetHtml).toContain('&amp; more');
        expect(byDescription[0]!.snippetHtml).not.toContain('<b>');
      },
    );

    it('does not find documents in the trash, and refuses bad input with field messages', async () => {
      const word = `zq${Math.random().toString(36).slice(2, 8)}`;
      const { w, id } = await withDocument([{ name: `${word}.pdf`, bytes: pdf() }]);
      const member = await w.client('member');
      dataOf(await member.request(TRASH, { id }));
      expect(dataOf(await member.request<Found>(SEARCH, { input: { query: word } })).searchDocuments.nodes).toEqual([]);
      expect((await member.request(SEARCH, { input: { query: ' ' } })).errors?.[0]?.extensions?.fields).toEqual({
        query: expect.any(String),
      });
      expect(
        (await member.request(SEARCH, { input: { query: 'x', first: 500 } })).errors?.[0]?.extensions?.fields,
      ).toEqual({ first: expect.any(String) });
    });
  });

  describe('notifications', () => {
    it('a new document and a new version tell the group (not the uploader) through the pipeline', async () => {
      const { w, id } = await withDocument();
      await upload(api.url, await w.client('convenor'), `/api/documents/${id}/versions`, [
        { name: 'v2.pdf', bytes: pdf('v2') },
      ]);
      const events = await sql<{ id: string; type: string }>(
        `select id, type from outbox_events where payload->>'documentId' = ? order by created_at`,
        [id],
      );
      expect(events.map((e) => e.type)).toEqual(['document.created', 'document.versioned']);
      // Each handed to the queue as soon as it was stored, not left for the relay's next sweep.
      const published = await sql<{ published: boolean }>(
        `select published_at is not null as published from outbox_events where payload->>'documentId' = ? order by created_at`,
        [id],
      );
      expect(published).toEqual([{ published: true }, { published: true }]);
      for (const event of events)
        expect((await api.app.get(JobQueue).queue('notifications').getJob(jobIds.deliverEvent(event.id)))?.name).toBe(
          'deliver-event',
        );
      for (const event of events) await api.asJob(() => api.app.get(NotificationsService).fanOut(event.id));
      const rows = await sql<{ user_id: string; type: string }>(
        `select recipient_id as user_id, type from notifications where subject_id = ? order by type, user_id`,
        [id],
      );
      const expected = [
        ...[w.people.convenor.id].map((u) => ({ user_id: u, type: 'DOCUMENT_ADDED' })),
        ...[w.people.member.id].map((u) => ({ user_id: u, type: 'DOCUMENT_UPDATED' })),
      ];
      expect(rows.filter((r) => r.user_id === w.people.convenor.id || r.user_id === w.people.member.id)).toEqual(
        expected,
      );
    });
  });
});
