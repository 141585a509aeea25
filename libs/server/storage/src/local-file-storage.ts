// The default driver: objects are files under `<root>/objects/<key>`. A write streams into a
// temporary file of its own under `<root>/tmp`, flushes it to disk and only then renames it into
// place, so a reader never sees half an object and a crash leaves at most a stray temporary file.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { type ByteRange, FileStorage, StorageObjectNotFound } from './file-storage.js';

/**
 * Keys are made by the server, but they become paths here: anything outside this shape (`..`, an
 * absolute path, a dot, an empty segment) is refused as defense in depth against a bug that lets
 * a client's text reach a key.
 */
const SAFE_KEY = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;
const MAX_KEY_LENGTH = 512;
const READ_CHUNK = 256 * 1024;

export class LocalFileStorage extends FileStorage {
  readonly driver = 'local';
  private readonly objectsDir: string;
  private readonly tmpDir: string;

  constructor(rootDir: string) {
    super();
    const root = resolve(rootDir);
    this.objectsDir = join(root, 'objects');
    // Beside the objects, on the same file system, so that the final rename is atomic.
    this.tmpDir = join(root, 'tmp');
  }

  async write(
    key: string,
    body: Readable,
    options: { signal?: AbortSignal; contentType?: string } = {},
  ): Promise<void> {
    const { signal } = options;
    // Until the pipeline takes the body over, an error of the body (a client hanging up while the
    // directories are made) must not go unhandled; the pipeline still sees the stream as errored.
    const ignore = () => undefined;
    body.on('error', ignore);
    let tmpPath: string | null = null;
    let placed: string | null = null;
    try {
      const target = this.pathOf(key);
      signal?.throwIfAborted();
      // Refused before any byte is streamed, so a doomed upload does not cost its whole transfer.
      if (await exists(target)) throw overwriteRefused(key);
      await mkdir(this.tmpDir, { recursive: true });
      const candidate = join(this.tmpDir, randomBytes(16).toString('hex'));
      tmpPath = candidate;
      // `wx`: the file must be new, so two writes can never share a temporary file; `flush`: the
      // bytes reach the disk before the stream closes, so the rename below publishes a whole file.
      await pipeline(body, createWriteStream(candidate, { flags: 'wx', mode: 0o600, flush: true }), { signal });
      signal?.throwIfAborted();
      await mkdir(dirname(target), { recursive: true });
      // rename() would silently replace an object written meanwhile under the same key. Keys are
      // random, so this second look only narrows the window for a bug; it is not a lock.
      if (await exists(target)) throw overwriteRefused(key);
      await rename(tmpPath, target);
      tmpPath = null;
      placed = target;
      // The rename is durable only once its directory is flushed too.
      await syncDirectory(dirname(target));
    } catch (error) {
      body.destroy();
      if (tmpPath) await unlink(tmpPath).catch(ignoreMissing);
      if (placed) await unlink(placed).catch(ignoreMissing);
      throw signal?.aborted ? signal.reason : error;
    } finally {
      body.off('error', ignore);
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.pathOf(key);
    if (range) checkRange(range);
    // Opened here, not by the stream, so that a missing object rejects this call instead of
    // erroring a stream the caller may already have started to send.
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isMissing(error)) throw new StorageObjectNotFound(key);
      throw error;
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new StorageObjectNotFound(key);
      // Like S3 (and HTTP), an end past the last byte is cut to it; a start past it is an error.
      if (range && range.start >= info.size)
        throw new RangeError(`Bytes ${range.start}-${range.end} start past the end of ${key} (${info.size} bytes)`);
    } finally {
      await handle.close();
    }
    // Read by path with a plain fs stream: FileHandle streams await a promise per chunk and ran at
    // two thirds of this speed; handing the stream `handle.fd` instead would leave the FileHandle
    // closing that descriptor number again when garbage-collected (seen: EBADF in another write).
    // The object can only vanish in between if it is purged at that moment; the stream then errors.
    return createReadStream(path, {
      highWaterMark: READ_CHUNK,
      ...(range ? { start: range.start, end: range.end } : {}),
    });
  }

  async size(key: string): Promise<number | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? info.size : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // Emptied directories stay: there are at most 65,536 of them and a later key reuses them.
    await unlink(this.pathOf(key)).catch(ignoreMissing);
  }

  private pathOf(key: string): string {
    if (key.length > MAX_KEY_LENGTH || !SAFE_KEY.test(key))
      throw new Error(`Unsafe storage key refused: ${JSON.stringify(key.slice(0, 80))}`);
    const path = join(this.objectsDir, key);
    if (!path.startsWith(this.objectsDir + sep)) throw new Error(`Storage key escapes the storage directory: ${key}`);
    return path;
  }
}

function checkRange({ start, end }: ByteRange): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid byte range ${start}-${end}`);
  }
}

function overwriteRefused(key: string): Error {
  return new Error(`Refusing to overwrite the stored object ${key}: stored objects are immutable`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** ENOTDIR too: under `a/b` there is nothing when `a` is a file. */
function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function ignoreMissing(error: unknown): void {
  if (!isMissing(error)) throw error;
}
