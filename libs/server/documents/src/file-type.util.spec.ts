import { describe, expect, it } from '@jest/globals';
import { deflateRawSync } from 'node:zlib';
import {
  DEFAULT_ALLOWED_TYPES,
  SNIFF_BYTES,
  describeType,
  detectFileType,
  extensionMismatch,
  previewKindOf,
} from './file-type.util.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';

/** Bytes from strings (Latin-1, one byte per character) and byte arrays. */
function bytes(...parts: (string | number[] | Uint8Array)[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (const char of part) out.push(char.charCodeAt(0));
    else out.push(...part);
  }
  return new Uint8Array(out);
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const u16 = (n: number) => [n & 0xff, n >> 8];
const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];

/** One zip local file entry, stored or deflated. */
function zipEntry(name: string, content: string, deflate = false): Uint8Array {
  const raw = utf8(content);
  const body = deflate ? new Uint8Array(deflateRawSync(raw)) : raw;
  return bytes(
    'PK\x03\x04',
    u16(20),
    u16(0),
    u16(deflate ? 8 : 0),
    u16(0),
    u16(0),
    u32(0),
    u32(body.length),
    u32(raw.length),
    u16(name.length),
    u16(0),
    name,
    body,
  );
}

const PNG_HEAD = bytes(
  '\x89PNG\r\n\x1a\n',
  [0, 0, 0, 13],
  'IHDR',
  [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0],
  [0x1f, 0x15, 0xc4, 0x89],
);
const GIF_HEAD = bytes(
  'GIF89a',
  u16(1),
  u16(1),
  [0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff],
  '!\xf9\x04\x01\x00\x00\x00\x00,',
);
const JPEG_HEAD = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\x00', [1, 1, 0, 0, 1, 0, 1, 0, 0]);
const WEBP_HEAD = bytes('RIFF', u32(30), 'WEBPVP8 ', u32(10), new Array(10).fill(0));
const PDF_HEAD = utf8('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n');
const PE_HEAD = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0], new Array(44).fill(0), u32(0x80));
const ELF_HEAD = bytes('\x7fELF', [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], u16(2), u16(0x3e), u32(1));
const OLE_HEAD = bytes(
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  new Array(16).fill(0),
  u16(0x3e),
  u16(3),
  u16(0xfffe),
  u16(9),
);
const CONTENT_TYPES =
  '<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOCX_HEAD = bytes(
  zipEntry('[Content_Types].xml', CONTENT_TYPES, true),
  zipEntry('word/document.xml', '<w:document/>'),
);
// A zip whose head shows neither its manifest nor its folders: file-type can only say "zip".
const PLAIN_ZIP_HEAD = bytes(zipEntry('hello.txt', 'hello'));

async function mimeOf(head: Uint8Array, name = 'file'): Promise<string> {
  return (await detectFileType(head, name)).mime;
}

describe('detectFileType', () => {
  it('recognises binary formats by their signatures', async () => {
    expect(await detectFileType(PNG_HEAD, 'x')).toEqual({ mime: 'image/png', label: 'PNG image' });
    expect(await detectFileType(PDF_HEAD, 'x')).toEqual({ mime: 'application/pdf', label: 'PDF document' });
    expect(await mimeOf(GIF_HEAD)).toBe('image/gif');
    expect(await mimeOf(JPEG_HEAD)).toBe('image/jpeg');
    expect(await mimeOf(WEBP_HEAD)).toBe('image/webp');
    expect(await mimeOf(PLAIN_ZIP_HEAD)).toBe('application/zip');
    expect(await mimeOf(PE_HEAD)).toBe('application/x-msdownload');
    expect(await mimeOf(ELF_HEAD)).toBe('application/x-elf');
  });

  it('ignores the name when the bytes say what the file is', async () => {
    expect(await mimeOf(PNG_HEAD, 'report.pdf')).toBe('image/png');
    expect(await mimeOf(PE_HEAD, 'notes.txt')).toBe('application/x-msdownload');
    expect(await mimeOf(utf8('just words'), 'photo.png')).toBe('text/plain');
  });

  it('recognises office documents inside zips, and takes the office type from the name when the head shows only a zip', async () => {
    expect(await detectFileType(DOCX_HEAD, 'whatever.bin')).toEqual({ mime: DOCX, label: 'Word document' });
    expect(await mimeOf(zipEntry('mimetype', ODT))).toBe(ODT);
    expect(await mimeOf(PLAIN_ZIP_HEAD, 'budget.docx')).toBe(DOCX);
    expect(await mimeOf(PLAIN_ZIP_HEAD, 'Budget.XLSX')).toBe(XLSX);
    expect(await mimeOf(PLAIN_ZIP_HEAD, 'archive.zip')).toBe('application/zip');
  });

  it('reads OLE compound files as legacy Office only when the name says so', async () => {
    expect(await mimeOf(OLE_HEAD, 'minutes.doc')).toBe('application/msword');
    expect(await mimeOf(OLE_HEAD, 'budget.xls')).toBe('application/vnd.ms-excel');
    expect(await mimeOf(OLE_HEAD, 'setup.msi')).toBe('application/x-cfb');
  });

  it('reads UTF-8 text, including Arabic and a BOM', async () => {
    expect(await detectFileType(utf8('محضر الاجتماع: تمت الموافقة على الميزانية.\n'), 'محضر')).toEqual({
      mime: 'text/plain',
      label: 'Plain text',
    });
    expect(await mimeOf(bytes([0xef, 0xbb, 0xbf], utf8('hello\r\n\tworld\f')))).toBe('text/plain');
    expect(await mimeOf(new Uint8Array(0))).toBe('text/plain');
  });

  it('accepts a character cut in half by the end of the head, but not one cut elsewhere', async () => {
    const arabic = utf8('م'.repeat(SNIFF_BYTES)); // two bytes each
    expect(await mimeOf(arabic.subarray(0, SNIFF_BYTES - 1))).toBe('text/plain');
    expect(await mimeOf(utf8('€ and more').subarray(0, 2))).toBe('text/plain'); // 3-byte character, 2 kept
    expect(await mimeOf(bytes(utf8('abc'), [0xe2, 0x82], utf8('def')))).toBe('application/octet-stream');
  });

  it('only considers the first SNIFF_BYTES bytes', async () => {
    expect(await mimeOf(bytes(utf8('a'.repeat(SNIFF_BYTES)), [0, 0, 0xff, 0xfe]))).toBe('text/plain');
  });

  it('treats NUL bytes, invalid UTF-8 and many control characters as binary', async () => {
    expect(await mimeOf(utf8('text\u0000with a NUL'), 'notes.txt')).toBe('application/octet-stream');
    expect(await mimeOf(bytes('caf', [0xe9], ' latin-1'))).toBe('application/octet-stream');
    expect(await mimeOf(utf8('a\u0001b\u0002c\u0003'))).toBe('application/octet-stream');
    expect(await mimeOf(utf8(`${'x'.repeat(200)}\u0007`))).toBe('text/plain');
  });

  it('reads plain text that happens to start with a short binary signature as text', async () => {
    // file-type alone calls these a bitmap, a Windows program and an MP3.
    expect(await mimeOf(utf8('BMW sales rose this quarter.\n'), 'sales.txt')).toBe('text/plain');
    expect(await mimeOf(utf8('MZ is the prefix of DOS programs.\n'))).toBe('text/plain');
    expect(await mimeOf(utf8('ID3 tags hold MP3 metadata.\n'), 'notes.md')).toBe('text/markdown');
  });

  it('recognises SVG with and without an XML prolog, and never as text', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>';
    expect(await detectFileType(utf8(svg), 'x.txt')).toEqual({ mime: 'image/svg+xml', label: 'SVG image' });
    expect(await mimeOf(utf8(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`))).toBe('image/svg+xml');
    expect(
      await mimeOf(
        utf8(
          `\uFEFF  <?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n<!ENTITY x "y">\n]>\n${svg}`,
        ),
      ),
    ).toBe('image/svg+xml');
    expect(await mimeOf(utf8('<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
  });

  it('keeps other XML as XML', async () => {
    expect(await detectFileType(utf8('<?xml version="1.0"?><note>hi</note>'), 'note.txt')).toEqual({
      mime: 'application/xml',
      label: 'XML document',
    });
  });

  it('recognises HTML documents, case-insensitively, after whitespace, a BOM or comments', async () => {
    expect(await detectFileType(utf8('<!DOCTYPE html><title>x</title>'), 'x')).toEqual({
      mime: 'text/html',
      label: 'HTML page',
    });
    expect(await mimeOf(utf8('\uFEFF\n  <HTML><body>hi</body></HTML>'))).toBe('text/html');
    expect(await mimeOf(utf8('<!doctype HTML>\n<p>hi'))).toBe('text/html');
    expect(await mimeOf(utf8('<head><title>x</title></head>'))).toBe('text/html');
    expect(await mimeOf(utf8('<body onload="x()">'))).toBe('text/html');
    expect(await mimeOf(utf8('<script>alert(1)</script>'))).toBe('text/html');
    expect(await mimeOf(utf8('<!-- saved from url=(0014)about:internet -->\n<html>'))).toBe('text/html');
    expect(await mimeOf(utf8('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'))).toBe(
      'application/xhtml+xml',
    );
  });

  it('keeps Markdown that contains HTML as Markdown', async () => {
    expect(await mimeOf(utf8('<p align="center"><img src="logo.png"></p>\n\n# Project\n'), 'README.md')).toBe(
      'text/markdown',
    );
    expect(await mimeOf(utf8('<!-- markdownlint-disable -->\n# Title\n'), 'notes.markdown')).toBe('text/markdown');
    expect(await mimeOf(utf8('<htmlish> is not a tag we know'))).toBe('text/plain');
  });

  it('narrows text to Markdown or CSV by the extension, and only text', async () => {
    expect(await detectFileType(utf8('# Agenda\n\n- budget\n'), 'agenda.md')).toEqual({
      mime: 'text/markdown',
      label: 'Markdown',
    });
    expect(await mimeOf(utf8('name,amount\nرواتب,1200\n'), 'budget.CSV')).toBe('text/csv');
    expect(await mimeOf(utf8('plain words'), 'README')).toBe('text/plain');
    expect(await mimeOf(PNG_HEAD, 'image.md')).toBe('image/png');
    expect(await mimeOf(utf8('<html></html>'), 'page.md')).toBe('text/html');
  });

  it('calls unknown binary bytes application/octet-stream', async () => {
    expect(await detectFileType(bytes([0x13, 0x37, 0x00, 0xfe, 0xed, 0xfa, 0xce]), 'x.bin')).toEqual({
      mime: 'application/octet-stream',
      label: 'Unknown binary file',
    });
  });
});

describe('extensionMismatch', () => {
  it('reports what the name claims when the bytes say otherwise', async () => {
    expect(extensionMismatch('report.pdf', await mimeOf(PNG_HEAD, 'report.pdf'))).toBe('application/pdf');
    expect(extensionMismatch('photo.png', await mimeOf(utf8('just words'), 'photo.png'))).toBe('image/png');
    expect(extensionMismatch('notes.txt', await mimeOf(utf8('<!DOCTYPE html><html></html>'), 'notes.txt'))).toBe(
      'text/plain',
    );
    expect(
      extensionMismatch('logo.png', await mimeOf(utf8('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.png')),
    ).toBe('image/png');
    expect(extensionMismatch('budget.xlsx', await mimeOf(DOCX_HEAD, 'budget.xlsx'))).toBe(XLSX);
    expect(extensionMismatch('minutes.docx', await mimeOf(OLE_HEAD, 'minutes.docx'))).toBe(DOCX);
    expect(extensionMismatch('data.json', await mimeOf(PE_HEAD, 'data.json'))).toBe('application/json');
  });

  it('accepts consistent names, names without an extension and unknown extensions', async () => {
    expect(extensionMismatch('README', await mimeOf(utf8('plain words'), 'README'))).toBeNull();
    expect(extensionMismatch('budget.docx', await mimeOf(PLAIN_ZIP_HEAD, 'budget.docx'))).toBeNull();
    expect(extensionMismatch('budget.docx', await mimeOf(DOCX_HEAD, 'budget.docx'))).toBeNull();
    expect(extensionMismatch('Scan.JPEG', await mimeOf(JPEG_HEAD, 'Scan.JPEG'))).toBeNull();
    expect(extensionMismatch('minutes.doc', await mimeOf(OLE_HEAD, 'minutes.doc'))).toBeNull();
    expect(extensionMismatch('notes.txt', 'text/markdown')).toBeNull();
    expect(extensionMismatch('data.json', 'text/plain')).toBeNull();
    expect(extensionMismatch('model.blend', 'application/x-blender')).toBeNull();
    expect(extensionMismatch('.profile', 'text/plain')).toBeNull();
  });

  it('accepts a plain zip under a zip-based office name, as detection may not see inside', () => {
    for (const name of ['a.docx', 'a.xlsx', 'a.pptx', 'a.odt', 'a.ods', 'a.odp'])
      expect(extensionMismatch(name, 'application/zip')).toBeNull();
    expect(extensionMismatch('a.pdf', 'application/zip')).toBe('application/pdf');
  });

  it('looks past trailing dots and spaces, which Windows drops when saving', () => {
    expect(extensionMismatch('report.pdf.', 'text/html')).toBe('application/pdf');
    expect(extensionMismatch('report.pdf . ', 'application/pdf')).toBeNull();
  });

  it('is not fooled by extensions that are names of Object properties', () => {
    expect(extensionMismatch('x.constructor', 'text/plain')).toBeNull();
    expect(extensionMismatch('x.__proto__', 'text/plain')).toBeNull();
  });
});

describe('DEFAULT_ALLOWED_TYPES', () => {
  it('allows documents, images and text but nothing a browser or a computer would run', () => {
    expect(DEFAULT_ALLOWED_TYPES).toEqual(
      expect.arrayContaining([
        'application/pdf',
        'image/png',
        'image/jpeg',
        'text/plain',
        'text/markdown',
        'text/csv',
        DOCX,
        XLSX,
        ODT,
        'application/msword',
        'application/vnd.ms-excel',
        'application/zip',
      ]),
    );
    for (const refused of [
      'image/svg+xml',
      'text/html',
      'application/xhtml+xml',
      'application/xml',
      'application/x-msdownload',
      'application/x-elf',
      'application/x-cfb',
      'application/octet-stream',
    ]) {
      expect(DEFAULT_ALLOWED_TYPES).not.toContain(refused);
    }
  });
});

describe('describeType', () => {
  it('names known types for people and falls back to the kind and the type', () => {
    expect(describeType('application/pdf')).toBe('PDF document');
    expect(describeType('text/plain; charset=utf-8')).toBe('Plain text');
    expect(describeType(DOCX)).toBe('Word document');
    expect(describeType('image/x-icon')).toBe('Image (image/x-icon)');
    expect(describeType('application/x-sqlite3')).toBe('File (application/x-sqlite3)');
  });
});

describe('previewKindOf', () => {
  it('previews raster images, PDF and text, and nothing that can run scripts', () => {
    expect(previewKindOf('image/png')).toBe('IMAGE');
    expect(previewKindOf('image/jpeg')).toBe('IMAGE');
    expect(previewKindOf('image/gif')).toBe('IMAGE');
    expect(previewKindOf('image/webp')).toBe('IMAGE');
    expect(previewKindOf('application/pdf')).toBe('PDF');
    expect(previewKindOf('text/plain')).toBe('TEXT');
    expect(previewKindOf('text/csv')).toBe('TEXT');
    expect(previewKindOf('text/markdown')).toBe('MARKDOWN');
    expect(previewKindOf('image/svg+xml')).toBe('NONE');
    expect(previewKindOf('text/html')).toBe('NONE');
    expect(previewKindOf(DOCX)).toBe('NONE');
    expect(previewKindOf('application/octet-stream')).toBe('NONE');
  });
});
