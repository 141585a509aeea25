import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { contentDisposition } from './content-disposition.util.js';

/**
 * What every stored file is served with: it may never run as a page of this site (no scripts,
 * sandboxed, never framed), whatever its type claims.
 */
export const FILE_CONTENT_POLICY =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

export interface StoredFileAnswer {
  /** The bytes, read from storage before any header is set: an error must not be saved as the file. */
  body: Readable;
  /** As the response says it (with a charset for text). */
  contentType: string;
  fileName: string;
  /** Bytes of the whole file. */
  size: number;
  /** Shown in the browser (previews) or saved; saved unless said. */
  disposition?: 'attachment' | 'inline';
  /** `private, no-store` unless said. */
  cacheControl?: string;
  /** For conditional and resumed requests. */
  etag?: string;
  /** The part asked for with Range (inclusive), when the body is that part. */
  range?: { start: number; end: number };
  /** A HEAD request: headers only. */
  headOnly?: boolean;
}

/**
 * Answers a download of a stored file (a document's version, a pitch's attachment, a data export)
 * with the same safe headers everywhere, then streams it. A client that goes away mid-download
 * ends the read as well.
 */
export async function sendStoredFile(res: ServerResponse, file: StoredFileAnswer): Promise<void> {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', contentDisposition(file.disposition ?? 'attachment', file.fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', FILE_CONTENT_POLICY);
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', file.cacheControl ?? 'private, no-store');
  if (file.etag) {
    res.setHeader('ETag', file.etag);
    res.setHeader('Accept-Ranges', 'bytes');
  }
  if (file.range) {
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${file.range.start}-${file.range.end}/${file.size}`);
    res.setHeader('Content-Length', String(file.range.end - file.range.start + 1));
  } else {
    res.statusCode = 200;
    res.setHeader('Content-Length', String(file.size));
  }
  if (file.headOnly) {
    file.body.destroy();
    res.end();
    return;
  }
  await pipeline(file.body, res).catch(() => file.body.destroy());
}
