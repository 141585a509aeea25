// What an uploaded file is, decided from its first bytes. The name never decides the type on its
// own: it only picks among types the bytes cannot tell apart (Markdown or CSV within plain text, a
// zip-based office document whose head ends before its manifest, Word or Excel within an OLE
// compound file), and `extensionMismatch` then checks that the name does not claim something else.
import { fileTypeFromBuffer } from 'file-type';

/** How much of the start of a file detection reads (file-type's own sample size). */
export const SNIFF_BYTES = 4100;

export interface DetectedType {
  mime: string;
  /** Human name of the type, for messages and the interface ("PDF document"). */
  label: string;
}

export type PreviewKind = 'IMAGE' | 'PDF' | 'TEXT' | 'MARKDOWN' | 'NONE';

const PDF = 'application/pdf';
const PNG = 'image/png';
const APNG = 'image/apng';
const JPEG = 'image/jpeg';
const GIF = 'image/gif';
const WEBP = 'image/webp';
const SVG = 'image/svg+xml';
const TEXT = 'text/plain';
const MARKDOWN = 'text/markdown';
const CSV = 'text/csv';
const JSON_MIME = 'application/json';
const HTML = 'text/html';
const XHTML = 'application/xhtml+xml';
const XML = 'application/xml';
const ZIP = 'application/zip';
// file-type 22 reports every OLE compound file (legacy .doc/.xls/.ppt, but also .msi installers and
// .msg mails) as this one type: the bytes of its head cannot tell them apart.
const CFB = 'application/x-cfb';
const DOC = 'application/msword';
const XLS = 'application/vnd.ms-excel';
const PPT = 'application/vnd.ms-powerpoint';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
const ODP = 'application/vnd.oasis.opendocument.presentation';
const OCTET = 'application/octet-stream';

/**
 * Types accepted for upload unless the deployment configures others. Legacy .doc/.xls are here
 * under their own types, which detection gives a compound file only when the name says .doc/.xls;
 * `application/x-cfb` itself (also .msi installers) is not. SVG and HTML are left out on purpose:
 * a browser runs the scripts they may contain.
 */
export const DEFAULT_ALLOWED_TYPES: readonly string[] = [
  PDF,
  PNG,
  APNG,
  JPEG,
  GIF,
  WEBP,
  TEXT,
  MARKDOWN,
  CSV,
  DOCX,
  XLSX,
  PPTX,
  ODT,
  ODS,
  ODP,
  DOC,
  XLS,
  ZIP,
];

const TEXT_FAMILY = [TEXT, MARKDOWN, CSV];
const ZIP_OFFICE = [DOCX, XLSX, PPTX, ODT, ODS, ODP];

/**
 * What a name's extension claims: the first type is the claim, the others are consistent with it.
 * A zip-based office name accepts a plain zip because file-type only names the office type when the
 * head reaches the archive's manifest or folders; a .zip accepts those office types, which are zips.
 */
const EXTENSION_TYPES = new Map<string, readonly string[]>([
  ['pdf', [PDF]],
  ['png', [PNG, APNG]],
  ['apng', [APNG, PNG]],
  ['jpg', [JPEG]],
  ['jpeg', [JPEG]],
  ['gif', [GIF]],
  ['webp', [WEBP]],
  ['svg', [SVG]],
  ['txt', TEXT_FAMILY],
  ['md', [MARKDOWN, TEXT, CSV]],
  ['markdown', [MARKDOWN, TEXT, CSV]],
  ['csv', [CSV, TEXT, MARKDOWN]],
  ['json', [JSON_MIME, ...TEXT_FAMILY]],
  ['html', [HTML, XHTML]],
  ['htm', [HTML, XHTML]],
  ['docx', [DOCX, ZIP]],
  ['xlsx', [XLSX, ZIP]],
  ['pptx', [PPTX, ZIP]],
  ['odt', [ODT, ZIP]],
  ['ods', [ODS, ZIP]],
  ['odp', [ODP, ZIP]],
  ['zip', [ZIP, ...ZIP_OFFICE]],
  ['doc', [DOC, CFB]],
  ['xls', [XLS, CFB]],
  ['ppt', [PPT, CFB]],
]);

/** Within a type family the bytes cannot split, the member the extension names. */
const ZIP_MEMBER_BY_EXTENSION = new Map([
  ['docx', DOCX],
  ['xlsx', XLSX],
  ['pptx', PPTX],
  ['odt', ODT],
  ['ods', ODS],
  ['odp', ODP],
]);
const CFB_MEMBER_BY_EXTENSION = new Map([
  ['doc', DOC],
  ['xls', XLS],
  ['ppt', PPT],
]);
const TEXT_MEMBER_BY_EXTENSION = new Map([
  ['md', MARKDOWN],
  ['markdown', MARKDOWN],
  ['csv', CSV],
]);

/**
 * file-type answers that a file made only of text can really be. Any other answer for a head that
 * is clean text comes from a short signature that happens to spell ordinary words ("BM" is a
 * bitmap, "MZ" a Windows program, "ID3" an MP3, "FWS" Flash): a real file of those formats has
 * binary header fields (NUL bytes at least), so the text reading wins.
 */
const TEXT_BASED_SIGNATURES = new Set([
  PDF,
  XML,
  'application/postscript',
  'application/eps',
  'application/rtf',
  'application/pgp-encrypted',
  'application/x-ms-regedit',
  'application/x-unix-archive',
  'model/stl',
]);

const LABELS = new Map<string, string>([
  [PDF, 'PDF document'],
  [PNG, 'PNG image'],
  [APNG, 'Animated PNG image'],
  [JPEG, 'JPEG image'],
  [GIF, 'GIF image'],
  [WEBP, 'WebP image'],
  [SVG, 'SVG image'],
  ['image/bmp', 'BMP image'],
  ['image/tiff', 'TIFF image'],
  ['image/heic', 'HEIC image'],
  ['image/avif', 'AVIF image'],
  [TEXT, 'Plain text'],
  [MARKDOWN, 'Markdown'],
  [CSV, 'CSV table'],
  [JSON_MIME, 'JSON data'],
  [HTML, 'HTML page'],
  [XHTML, 'XHTML page'],
  [XML, 'XML document'],
  ['application/rtf', 'Rich Text document'],
  ['application/postscript', 'PostScript document'],
  [DOCX, 'Word document'],
  [XLSX, 'Excel spreadsheet'],
  [PPTX, 'PowerPoint presentation'],
  [ODT, 'OpenDocument text'],
  [ODS, 'OpenDocument spreadsheet'],
  [ODP, 'OpenDocument presentation'],
  [DOC, 'Word 97–2003 document'],
  [XLS, 'Excel 97–2003 spreadsheet'],
  [PPT, 'PowerPoint 97–2003 presentation'],
  [CFB, 'Microsoft compound file'],
  [ZIP, 'ZIP archive'],
  ['application/gzip', 'Gzip archive'],
  ['application/x-7z-compressed', '7-Zip archive'],
  ['application/x-rar-compressed', 'RAR archive'],
  ['application/x-tar', 'Tar archive'],
  ['application/x-msdownload', 'Windows program'],
  ['application/x-elf', 'Linux program'],
  ['application/x-mach-binary', 'macOS program'],
  ['audio/mpeg', 'MP3 audio'],
  ['video/mp4', 'MP4 video'],
  [OCTET, 'Unknown binary file'],
]);

const KIND_LABELS = new Map([
  ['image', 'Image'],
  ['audio', 'Audio'],
  ['video', 'Video'],
  ['text', 'Text'],
  ['font', 'Font'],
  ['model', '3D model'],
]);

/** The type of the file whose first bytes are `head`; `fileName` only narrows, see the file's header. */
export async function detectFileType(head: Uint8Array, fileName: string): Promise<DetectedType> {
  const sample = head.subarray(0, SNIFF_BYTES);
  const signature = (await fileTypeFromBuffer(sample))?.mime;
  const text = decodeText(sample);
  const extension = extensionOf(fileName);
  let mime: string;
  if (signature && (text === null || TEXT_BASED_SIGNATURES.has(signature) || signature.startsWith('text/'))) {
    if (signature === XML) mime = (text === null ? null : markupType(text)) ?? XML;
    else if (signature === ZIP) mime = ZIP_MEMBER_BY_EXTENSION.get(extension) ?? ZIP;
    else if (signature === CFB) mime = CFB_MEMBER_BY_EXTENSION.get(extension) ?? CFB;
    else mime = signature;
  } else if (text !== null) {
    mime = markupType(text) ?? TEXT_MEMBER_BY_EXTENSION.get(extension) ?? TEXT;
  } else {
    mime = OCTET;
  }
  return { mime, label: describeType(mime) };
}

/**
 * The type the name's extension claims when the detected type contradicts it, else null (no
 * extension, an extension this table does not know, or a consistent one).
 */
export function extensionMismatch(fileName: string, detected: string): string | null {
  const accepted = EXTENSION_TYPES.get(extensionOf(fileName));
  if (!accepted || accepted.includes(normalise(detected))) return null;
  return accepted[0];
}

export function describeType(mime: string): string {
  const type = normalise(mime);
  const label = LABELS.get(type);
  if (label) return label;
  return `${KIND_LABELS.get(type.split('/')[0]) ?? 'File'} (${type})`;
}

/** How the hub can show a file without downloading it. SVG and HTML get none: they can run scripts. */
export function previewKindOf(mime: string): PreviewKind {
  switch (normalise(mime)) {
    case PNG:
    case APNG:
    case JPEG:
    case GIF:
    case WEBP:
      return 'IMAGE';
    case PDF:
      return 'PDF';
    case TEXT:
    case CSV:
      return 'TEXT';
    case MARKDOWN:
      return 'MARKDOWN';
    default:
      return 'NONE';
  }
}

function normalise(mime: string): string {
  return mime.split(';')[0].trim().toLowerCase();
}

/**
 * The lower-cased extension, ignoring trailing dots and spaces, which Windows drops when it saves
 * a file ("report.pdf." is saved as "report.pdf"). A leading dot alone (".profile") is no extension.
 */
function extensionOf(fileName: string): string {
  const name = fileName.replace(/[.\s]+$/, '');
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || /[/\\]/.test(name.slice(dot))) return '';
  return name.slice(dot + 1).toLowerCase();
}

/**
 * The head as a string when it reads as text: valid UTF-8 (a character cut by the end of the
 * head is allowed), no NUL, and at most one stray control character in a hundred. Tab, line
 * breaks, form feed and escape (coloured logs) are ordinary in text.
 */
function decodeText(head: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cutCharacterLength(head)));
  } catch {
    return null;
  }
  let stray = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return null;
    if (
      (code < 0x20 &&
        code !== 0x09 &&
        code !== 0x0a &&
        code !== 0x0b &&
        code !== 0x0c &&
        code !== 0x0d &&
        code !== 0x1b) ||
      (code >= 0x7f && code <= 0x9f)
    )
      stray++;
  }
  return stray * 100 > text.length ? null : text;
}

/** How many bytes at the end of `head` are the start of a multi-byte character the cut left incomplete. */
function cutCharacterLength(head: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, head.length); back++) {
    const byte = head[head.length - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const length =
      byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * SVG, HTML or XML when the text is such a document, else null. Looks past a BOM, whitespace, the
 * XML declaration, processing instructions, comments and doctypes to the first element. Markdown
 * that merely contains HTML (a README opening with `<p align="center">`) stays Markdown.
 */
function markupType(text: string): string | null {
  let rest = text.replace(/^\uFEFF/, '');
  const isXml = /^\s*<\?xml[\s?]/.test(rest);
  let doctype = '';
  for (;;) {
    rest = rest.trimStart();
    let end = -1;
    if (rest.startsWith('<?')) end = afterDelimiter(rest, '?>');
    else if (rest.startsWith('<!--')) end = afterDelimiter(rest, '-->');
    else if (/^<!doctype\s/i.test(rest)) {
      doctype ||= /^<!doctype\s+([^\s>[]*)/i.exec(rest)?.[1].toLowerCase() ?? '';
      end = afterDoctype(rest);
    }
    if (end < 0) break;
    rest = rest.slice(end);
  }
  // A prefixed root (`<svg:svg xmlns:svg=...>`) is SVG too; case is ignored to err towards refusing.
  if (/^<(?:[\w.-]+:)?svg(?=[\s/>]|$)/i.test(rest)) return SVG;
  if (doctype === 'html' || /^<(?:html|head|body|script)(?=[\s/>]|$)/i.test(rest)) return isXml ? XHTML : HTML;
  return isXml ? XML : null;
}

function afterDelimiter(text: string, delimiter: string): number {
  const at = text.indexOf(delimiter);
  return at < 0 ? -1 : at + delimiter.length;
}

/** The end of a doctype, including an internal subset in brackets; -1 when the head cuts it. */
function afterDoctype(text: string): number {
  const close = text.indexOf('>');
  const open = text.indexOf('[');
  if (open < 0 || (close >= 0 && close < open)) return close < 0 ? -1 : close + 1;
  const subsetEnd = text.indexOf(']', open);
  if (subsetEnd < 0) return -1;
  const after = text.indexOf('>', subsetEnd);
  return after < 0 ? -1 : after + 1;
}
