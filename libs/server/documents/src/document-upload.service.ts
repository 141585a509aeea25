// Receives one file from a multipart request and streams it to the file storage, hashing and
// counting on the way. Nothing is buffered beyond the first few kilobytes (to sniff the type), and
// a file that fails any check, overflows the limit or is cut off leaves no stored object.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { Injectable } from '@nestjs/common';
import busboy from 'busboy';
import { DomainError } from '@convene/server-core';
import { checkFileName } from './file-name.util.js';
import { SNIFF_BYTES, describeType, detectFileType, extensionMismatch } from './file-type.util.js';
import { documentsErrors } from './documents.errors.js';
import { FileStorage, newStorageKey } from '@convene/server-storage';

/** A file now in the storage, checked, with what the version row records. */
export interface ReceivedFile {
  storageKey: string;
  fileName: string;
  size: number;
  sha256: string;
  contentType: string;
}

export interface ReceiveOptions {
  maxBytes: number;
  allowedTypes: readonly string[];
}

const RUNNABLE_NAME =
  /\.(exe|com|bat|cmd|msi|scr|pif|cpl|dll|lnk|jar|ps1|psm1|sh|bash|zsh|command|app|js|mjs|cjs|jse|vbs|vbe|wsf|wsh|hta|reg|py|pl|rb|php|html?|shtml|xht|xhtml|mht|mhtml|xml|xsl|xslt|url|webloc|desktop|svg|svgz)[\s.]*$/i;

/** Multipart framing around one file: boundaries, part headers, a few small fields. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** Counts and hashes the bytes passing through, and stops the stream past the limit. */
class Measure extends Transform {
  readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(documentsErrors.fileTooLarge(this.maxBytes));
    this.hash.update(chunk);
    done(null, chunk);
  }
}

@Injectable()
export class DocumentUploadService {
  constructor(private readonly storage: FileStorage) {}

  /** Refuses a request before its body is read when its headers already say it can't succeed. */
  precheck(headers: IncomingHttpHeaders, maxBytes: number): void {
    if (!/^multipart\/form-data\b/i.test(headers['content-type'] ?? '')) throw documentsErrors.notMultipart();
    const length = Number(headers['content-length']);
    if (Number.isFinite(length) && length > maxBytes + MULTIPART_OVERHEAD) throw documentsErrors.fileTooLarge(maxBytes);
  }

  /**
   * Streams the request's single file part into the storage. Rejects with a DomainError (and
   * stores nothing) for a missing, empty, over-long, badly named or refused file, or a request
   * that ends early.
   */
  async receive(req: Readable & { headers: IncomingHttpHeaders }, options: ReceiveOptions): Promise<ReceivedFile> {
    this.precheck(req.headers, options.maxBytes);
    const abort = new AbortController();
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        // The name as sent, so that a name with a path in it is refused rather than quietly cut.
        preservePath: true,
        // Larger chunks through the parser mean fewer, cheaper copies on the way to the storage.
        highWaterMark: 1024 * 1024,
        fileHwm: 1024 * 1024,
        // busboy cuts the file one byte past the limit, so Measure sees the overflow and refuses it.
        limits: { files: 1, fileSize: options.maxBytes + 1, fields: 10, fieldSize: 4096, parts: 12, headerPairs: 20 },
      });
    } catch {
      throw documentsErrors.notMultipart();
    }

    return new Promise<ReceivedFile>((resolve, reject) => {
      let settled = false;
      let writing: Promise<ReceivedFile> | null = null;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        abort.abort();
        req.unpipe(parser);
        req.resume();
        // A write that had already finished is removed; one still running removes its own leftovers.
        if (writing) writing.then((file) => this.storage.delete(file.storageKey)).catch(() => undefined);
        reject(error instanceof DomainError ? error : documentsErrors.uploadInterrupted());
      };

      parser.on('file', (_field, stream, info) => {
        if (writing) {
          stream.resume();
          return fail(documentsErrors.tooManyFiles());
        }
        writing = this.store(stream, info.filename, options, abort.signal);
        writing.catch(fail);
      });
      parser.on('filesLimit', () => fail(documentsErrors.tooManyFiles()));
      parser.on('partsLimit', () => fail(documentsErrors.tooManyFiles()));
      parser.on('error', fail);
      parser.on('close', () => {
        if (settled) return;
        if (!writing) return fail(documentsErrors.fileMissing());
        writing.then((file) => {
          if (settled) return void this.storage.delete(file.storageKey).catch(() => undefined);
          settled = true;
          resolve(file);
        }, fail);
      });
      req.on('aborted', () => fail(documentsErrors.uploadInterrupted()));
      req.on('error', fail);
      req.pipe(parser);
    });
  }

  /**
   * Stores a file that came whole (an email's attachment), under the same rules as an upload: its
   * name, its sniffed type among those allowed, its size. Rejects with a DomainError, storing nothing.
   */
  async receiveWhole(content: Buffer, fileName: string, options: ReceiveOptions): Promise<ReceivedFile> {
    const abort = new AbortController();
    return this.store(Readable.from([content]), fileName, options, abort.signal);
  }

  /** Checks the name and the sniffed type, then streams the rest to a new storage key. */
  private async store(
    stream: Readable,
    rawName: string | undefined,
    options: ReceiveOptions,
    signal: AbortSignal,
  ): Promise<ReceivedFile> {
    try {
      const named = checkFileName(rawName);
      if ('error' in named) throw documentsErrors.badFileName(named.error);
      // Text is text whatever it is called, but a download named as a program or a web page invites
      // someone to run or open it.
      if (RUNNABLE_NAME.test(named.name))
        throw documentsErrors.badFileName(
          'Files named as programs, scripts or web pages (.exe, .bat, .sh, .js, .html, .svg…) can’t be shared.',
        );
      const { read, ended } = await readHead(stream, SNIFF_BYTES);
      if (read.length === 0) throw documentsErrors.fileEmpty();
      const detected = await detectFileType(read.subarray(0, SNIFF_BYTES), named.name);
      const claimed = extensionMismatch(named.name, detected.mime);
      if (claimed) throw documentsErrors.typeMismatch(describeType(claimed), detected.label);
      if (!options.allowedTypes.includes(detected.mime)) throw documentsErrors.typeNotAllowed(detected.label);

      const measure = new Measure(options.maxBytes);
      measure.write(read);
      if (ended) measure.end();
      else stream.pipe(measure);
      stream.once('limit', () => measure.destroy(documentsErrors.fileTooLarge(options.maxBytes)));
      stream.once('error', (error) => measure.destroy(error));
      const storageKey = newStorageKey();
      await this.storage.write(storageKey, measure, { signal, contentType: detected.mime });
      if (measure.size > options.maxBytes) {
        await this.storage.delete(storageKey);
        throw documentsErrors.fileTooLarge(options.maxBytes);
      }
      return {
        storageKey,
        fileName: named.name,
        size: measure.size,
        sha256: measure.hash.digest('hex'),
        contentType: detected.mime,
      };
    } catch (error) {
      stream.resume();
      throw error;
    }
  }
}

/** Reads until at least `bytes` have come (or the stream ended), then pauses it. */
function readHead(stream: Readable, bytes: number): Promise<{ read: Buffer; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (ended: boolean) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', reject);
      if (!ended) stream.pause();
      resolve({ read: Buffer.concat(chunks), ended });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= bytes) finish(false);
    };
    const onEnd = () => finish(true);
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', reject);
  });
}
