// The words inside documents: a bounded piece of a text file for its preview, and the text of text
// and PDF files for search (extracted by a worker job after each upload, never in a request).
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { stripControlCharacters } from '@convene/server-core';
import { DocumentVersion } from './document-version.entity.js';
import { Document } from './document.entity.js';
import { FileStorage } from '@convene/server-storage';

/** What a preview shows of a text file at most. */
export const PREVIEW_TEXT_BYTES = 256 * 1024;
/** What search keeps of one document's text at most. */
const SEARCH_TEXT_CHARS = 500_000;
/** Larger PDFs are not read for search: parsing them costs the worker too much memory. */
const PDF_EXTRACT_MAX_BYTES = 30 * 1024 * 1024;
const PDF_EXTRACT_MAX_PAGES = 300;

const TEXT_TYPES = new Set(['text/plain', 'text/markdown', 'text/csv']);

@Injectable()
export class DocumentTextService {
  private readonly logger = new Logger('DocumentText');

  constructor(
    private readonly em: EntityManager,
    private readonly storage: FileStorage,
  ) {}

  /** The start of a text file, decoded; `truncated` when there is more. */
  async preview(
    version: DocumentVersion,
    maxBytes = PREVIEW_TEXT_BYTES,
  ): Promise<{ text: string; truncated: boolean } | null> {
    if (!TEXT_TYPES.has(version.contentType)) return null;
    const bytes = await this.readBytes(version.storageKey, Math.min(version.size, maxBytes));
    return { text: decodeUtf8Prefix(bytes), truncated: version.size > maxBytes };
  }

  /**
   * Extracts the searchable text of a document's current version and stores it, unless a newer
   * version came meanwhile (its own job will do it). Returns false when there was nothing to do.
   */
  async extract(documentId: string, versionNumber: number): Promise<boolean> {
    const em = this.em.fork();
    const version = await em.findOne(DocumentVersion, { document: documentId, number: versionNumber });
    if (!version) return false;
    let text: string | null = null;
    if (TEXT_TYPES.has(version.contentType)) {
      text = decodeUtf8Prefix(await this.readBytes(version.storageKey, Math.min(version.size, SEARCH_TEXT_CHARS * 2)));
      if (version.contentType === 'text/markdown') text = markdownWords(text);
    } else if (version.contentType === 'application/pdf' && version.size <= PDF_EXTRACT_MAX_BYTES) {
      text = await this.pdfText(await this.readBytes(version.storageKey, version.size)).catch((error: unknown) => {
        // A damaged or encrypted PDF is still a document; it is just not searchable by its text.
        this.logger.warn(
          `PDF text not extracted for document ${documentId}: ${error instanceof Error ? error.message : String(error)}`,
        );
        return null;
      });
    }
    // A file with no readable text is marked with empty text, so the sweep does not try it again.
    if (text === null) text = '';
    const cleaned = stripControlCharacters(text).replace(/\s+/g, ' ').trim().slice(0, SEARCH_TEXT_CHARS);
    const updated = await em.nativeUpdate(
      Document,
      { id: documentId, versionCount: versionNumber },
      { extractedText: cleaned },
    );
    return updated > 0;
  }

  private async readBytes(key: string, length: number): Promise<Buffer> {
    if (length <= 0) return Buffer.alloc(0);
    const stream = await this.storage.read(key, { start: 0, end: length - 1 });
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private async pdfText(bytes: Buffer): Promise<string> {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // No fonts, no forms, no scripts: only the text layer is read.
    const task = getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useSystemFonts: false,
      enableXfa: false,
      verbosity: 0,
    });
    const pdf = await task.promise;
    try {
      const parts: string[] = [];
      let length = 0;
      for (let n = 1; n <= Math.min(pdf.numPages, PDF_EXTRACT_MAX_PAGES) && length < SEARCH_TEXT_CHARS; n++) {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
        parts.push(text);
        length += text.length;
        page.cleanup();
      }
      return parts.join('\n');
    } finally {
      await task.destroy();
    }
  }
}

/** Decodes UTF-8, dropping a multi-byte character cut at the end. */
export function decodeUtf8Prefix(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/\uFFFD$/, '');
}

/** The words of Markdown without its markup (headings, emphasis, tables, rules), for search snippets. */
export function markdownWords(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, '')
    .replace(/[*_`~|]+/g, ' ');
}
