// The contract of FileStorage, held against both drivers: the local one on a temporary directory,
// the S3 one against s3rver (a small S3-compatible server on disk) started here on a free port.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { FileStorage, StorageObjectNotFound } from './file-storage.js';
import { LocalFileStorage } from './local-file-storage.js';
import { S3FileStorage } from './s3-file-storage.js';
import { createFileStorage, newStorageKey } from './storage.factory.js';

const MiB = 1024 * 1024;

/** One driver, running, with a view of what it leaves on disk. */
interface Fixture {
  storage: FileStorage;
  /** What failed writes could leave behind: local temporary files, or unfinished multipart uploads. */
  leftovers(): Promise<string[]>;
  /** Bytes of writes still in progress that have already reached the disk. */
  bytesInProgress(): Promise<number>;
  /** Multipart parts the server has received so far (none for the local driver). */
  partsReceived(): number;
  stop(): Promise<void>;
}

describe.each([
  { driver: 'local', start: startLocal },
  { driver: 's3', start: () => startS3() },
])('FileStorage, $driver driver', ({ driver, start }) => {
  let fixture: Fixture;
  let storage: FileStorage;

  beforeAll(async () => {
    fixture = await start();
    storage = fixture.storage;
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('names its driver', () => {
    expect(storage.driver).toBe(driver);
  });

  it('stores a body of several parts and reads back the same bytes', async () => {
    const bytes = randomBytes(20 * MiB);
    const key = newStorageKey();
    const partsBefore = fixture.partsReceived();

    await storage.write(key, chunked(bytes), { contentType: 'application/octet-stream' });

    expect(fingerprint(await readAll(await storage.read(key)))).toEqual(fingerprint(bytes));
    expect(await storage.size(key)).toBe(bytes.length);
    // 20 MiB in parts of 8 MiB is three parts: the S3 driver really went multipart, with its part size.
    expect(fixture.partsReceived() - partsBefore).toBe(driver === 's3' ? 3 : 0);
    expect(await fixture.leftovers()).toEqual([]);
  });

  it.each([
    ['a small', 1000],
    ['an empty', 0],
  ])('stores %s body and reads it back', async (_label, length) => {
    const bytes = randomBytes(length);
    const key = newStorageKey();

    await storage.write(key, chunked(bytes));

    expect(await readAll(await storage.read(key))).toEqual(bytes);
    expect(await storage.size(key)).toBe(length);
  });

  it.each([
    ['the first byte', 0, 0],
    ['a middle range', 1000, 200_000],
    ['the last byte', MiB + 122, MiB + 122],
    ['the whole object', 0, MiB + 122],
  ])('reads %s', async (_label, startByte, endByte) => {
    const bytes = randomBytes(MiB + 123);
    const key = newStorageKey();
    await storage.write(key, chunked(bytes));

    const part = await readAll(await storage.read(key, { start: startByte, end: endByte }));

    expect(fingerprint(part)).toEqual(fingerprint(bytes.subarray(startByte, endByte + 1)));
  });

  it('cuts a range that ends past the last byte, and refuses one that starts past it', async () => {
    const bytes = randomBytes(5000);
    const key = newStorageKey();
    await storage.write(key, chunked(bytes));

    expect(await readAll(await storage.read(key, { start: 4000, end: 9999 }))).toEqual(bytes.subarray(4000));
    await expect(storage.read(key, { start: 5000, end: 6000 })).rejects.toThrow(RangeError);
    await expect(storage.read(key, { start: 10, end: 9 })).rejects.toThrow(RangeError);
  });

  it('knows the size of a stored object, and that an absent one has none', async () => {
    const key = newStorageKey();
    await storage.write(key, chunked(randomBytes(12_345)));

    expect(await storage.size(key)).toBe(12_345);
    expect(await storage.size(newStorageKey())).toBeNull();
  });

  it('refuses to read an absent object with StorageObjectNotFound', async () => {
    const key = newStorageKey();

    await expect(storage.read(key)).rejects.toThrow(StorageObjectNotFound);
    await expect(storage.read(key, { start: 0, end: 10 })).rejects.toThrow(StorageObjectNotFound);
  });

  it('deletes an object: reading it is then refused and it has no size', async () => {
    const key = newStorageKey();
    await storage.write(key, chunked(randomBytes(2000)));

    await storage.delete(key);

    await expect(storage.read(key)).rejects.toThrow(StorageObjectNotFound);
    expect(await storage.size(key)).toBeNull();
  });

  it('deletes an absent key without complaint', async () => {
    await expect(storage.delete(newStorageKey())).resolves.toBeUndefined();
  });

  it('rejects a write whose body fails half-way, and keeps nothing of it', async () => {
    const key = newStorageKey();
    const failure = new Error('the client went away');
    // Past the first 8 MiB, so that the S3 driver has a multipart upload with a part to abort.
    const { body } = generatedBody(32 * MiB, (sent) => {
      if (sent >= 12 * MiB) throw failure;
    });

    await expect(storage.write(key, body)).rejects.toBe(failure);

    expect(await storage.size(key)).toBeNull();
    expect(await fixture.leftovers()).toEqual([]);
  });

  it('rejects a write aborted mid-stream, stops reading its body, and keeps nothing of it', async () => {
    const key = newStorageKey();
    const abort = new AbortController();
    const generated = generatedBody(32 * MiB, (sent) => {
      if (sent >= 12 * MiB) abort.abort();
    });

    await expect(storage.write(key, generated.body, { signal: abort.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });

    expect(generated.sent()).toBeLessThan(32 * MiB);
    expect(await storage.size(key)).toBeNull();
    expect(await fixture.leftovers()).toEqual([]);
  });

  it.each([
    ['a small', 1000],
    ['a multipart', 10 * MiB],
  ])('rejects %s write aborted after its last byte was read, and keeps nothing of it', async (_label, length) => {
    const key = newStorageKey();
    const abort = new AbortController();
    const body = chunked(randomBytes(length));
    // The body is all read, but the object is still being stored (flushed, or uploaded).
    body.once('end', () => abort.abort());

    await expect(storage.write(key, body, { signal: abort.signal })).rejects.toMatchObject({ name: 'AbortError' });

    expect(await storage.size(key)).toBeNull();
    expect(await fixture.leftovers()).toEqual([]);
  });

  it('refuses a write whose signal is already aborted', async () => {
    const key = newStorageKey();

    await expect(storage.write(key, chunked(randomBytes(100)), { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });

    expect(await storage.size(key)).toBeNull();
  });

  it('refuses to overwrite a stored object and keeps its bytes', async () => {
    const key = newStorageKey();
    const original = randomBytes(4096);
    await storage.write(key, chunked(original));

    await expect(storage.write(key, chunked(randomBytes(4096)))).rejects.toThrow(/overwrite/);

    expect(await readAll(await storage.read(key))).toEqual(original);
    expect(await fixture.leftovers()).toEqual([]);
  });

  it('streams a large body to storage as it comes instead of buffering it', async () => {
    const key = newStorageKey();
    let storedWhileSending = -1;
    const generated = generatedBody(64 * MiB, async (sent) => {
      if (sent === 56 * MiB) storedWhileSending = await fixture.bytesInProgress();
    });

    await storage.write(key, generated.body);

    // A driver that read the whole body before storing it would have stored nothing yet. The S3
    // driver may hold about three 8 MiB parts (two in flight, one filling), the local one almost
    // nothing, so at 56 MiB sent well over 16 MiB must already be on disk.
    expect(storedWhileSending).toBeGreaterThanOrEqual(16 * MiB);
    expect(await storage.size(key)).toBe(64 * MiB);
    expect(await sha256Of(await storage.read(key))).toBe(generated.sha256());
    expect(await fixture.leftovers()).toEqual([]);
  });
});

describe('S3FileStorage against a server that ignores Range headers', () => {
  let fixture: Fixture;

  beforeAll(async () => {
    fixture = await startS3({ ignoreRanges: true });
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('refuses to pass the whole object off as the range', async () => {
    const key = newStorageKey();
    await fixture.storage.write(key, chunked(randomBytes(5000)));

    await expect(fixture.storage.read(key, { start: 10, end: 19 })).rejects.toThrow(
      /answered the whole object for bytes 10-19/,
    );
  });
});

describe('LocalFileStorage keys', () => {
  let root: string;
  let storage: LocalFileStorage;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'convene-storage-keys-'));
    storage = new LocalFileStorage(root);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it.each([
    '../outside',
    'ab/../../outside',
    '/etc/passwd',
    'ab//cd',
    'ab/./cd',
    '.hidden',
    'ab/cd/',
    '',
    'a b',
    'ab\\cd',
    'café',
    'x'.repeat(600),
  ])('refuses the unsafe key %j for every operation, touching nothing', async (key) => {
    await expect(storage.write(key, chunked(randomBytes(10)))).rejects.toThrow(/Unsafe storage key/);
    await expect(storage.read(key)).rejects.toThrow(/Unsafe storage key/);
    await expect(storage.size(key)).rejects.toThrow(/Unsafe storage key/);
    await expect(storage.delete(key)).rejects.toThrow(/Unsafe storage key/);
    expect(await readdir(root)).toEqual([]);
  });

  it('accepts the keys the server makes, and keeps them under objects/', async () => {
    const key = newStorageKey();

    await storage.write(key, chunked(Buffer.from('hello')));

    expect((await stat(join(root, 'objects', key))).size).toBe(5);
  });
});

describe('storage factory', () => {
  it('makes random keys spread over two directory levels taken from the id itself', () => {
    const key = newStorageKey();

    expect(key).toMatch(/^([0-9a-f]{2})\/([0-9a-f]{2})\/\1\2[0-9a-f]{28}$/);
    expect(newStorageKey()).not.toBe(key);
  });

  it('chooses the driver from the configuration', () => {
    const s3 = {
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      bucket: 'documents',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    };

    expect(createFileStorage({ dataDir: join(tmpdir(), 'unused'), storage: { driver: 'local' } })).toBeInstanceOf(
      LocalFileStorage,
    );
    expect(createFileStorage({ dataDir: join(tmpdir(), 'unused'), storage: { driver: 's3', s3 } })).toBeInstanceOf(
      S3FileStorage,
    );
  });
});

async function startLocal(): Promise<Fixture> {
  const root = await mkdtemp(join(tmpdir(), 'convene-storage-'));
  const tmp = join(root, 'tmp');
  return {
    storage: new LocalFileStorage(root),
    leftovers: () => listOrEmpty(tmp),
    bytesInProgress: async () => totalSize(tmp, await listOrEmpty(tmp)),
    partsReceived: () => 0,
    stop: () => rm(root, { recursive: true, force: true }),
  };
}

// s3rver ships no types; this is the part of it the fixture uses.
interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  type: string;
  body: unknown;
}
type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface S3rverObject {
  content: Readable | null;
  range?: { start: number; end: number };
}
interface S3rverStore {
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  getObject(bucket: string, key: string, options?: { start?: number; end?: number }): Promise<S3rverObject | null>;
}
interface S3rver {
  middleware: KoaMiddleware[];
  store: S3rverStore;
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverOptions = {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string; configs: string[] }[];
};
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: S3rverOptions) => S3rver;

/** `ignoreRanges`: the server answers every GET with the whole object, as some proxies do. */
async function startS3({ ignoreRanges = false } = {}): Promise<Fixture> {
  const directory = await mkdtemp(join(tmpdir(), 'convene-s3rver-'));
  const bucket = 'convene-documents';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  let parts = 0;
  const countParts: KoaMiddleware = async (ctx, next) => {
    await next();
    if (ctx.method === 'PUT' && typeof ctx.query['partNumber'] === 'string' && ctx.status === 200) parts += 1;
  };
  const dropRange: KoaMiddleware = (ctx, next) => {
    delete ctx.headers['range'];
    return next();
  };
  server.middleware.unshift(countParts, abortMultipartUpload(server.store), ...(ignoreRanges ? [dropRange] : []));
  fixFirstByteRange(server.store);
  const { port } = await server.run();
  const uploads = server.store.getResourcePath(bucket, undefined, 'uploads');

  return {
    storage: new S3FileStorage({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    }),
    leftovers: () => listOrEmpty(uploads),
    bytesInProgress: async () => {
      let total = 0;
      for (const upload of await listOrEmpty(uploads)) {
        const dir = join(uploads, upload);
        total += await totalSize(
          dir,
          (await listOrEmpty(dir)).filter((name) => /^\d+$/.test(name)),
        );
      }
      return total;
    },
    partsReceived: () => parts,
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * s3rver 3.7 has no AbortMultipartUpload: it answers 405 MethodNotAllowed, and the parts of a
 * failed upload stay on its disk forever. This does what S3 does: forget the upload and its parts,
 * or answer NoSuchUpload.
 */
function abortMultipartUpload(store: S3rverStore): KoaMiddleware {
  return async (ctx, next) => {
    const uploadId = ctx.query['uploadId'];
    if (ctx.method !== 'DELETE' || typeof uploadId !== 'string') return next();
    const bucket = decodeURIComponent(ctx.path.split('/')[1] ?? '');
    const dir = join(store.getResourcePath(bucket, undefined, 'uploads'), uploadId);
    if (!/^[0-9a-f]+$/.test(uploadId) || (await listOrEmpty(dir)).length === 0) {
      ctx.status = 404;
      ctx.type = 'application/xml';
      ctx.body =
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>';
      return;
    }
    await rm(dir, { recursive: true, force: true });
    ctx.status = 204;
  };
}

/**
 * s3rver 3.7 takes the end of a range as `end || Infinity`, so `bytes=0-0` gets the whole object
 * (with a Content-Range saying so). This serves the one byte, as S3 does.
 */
function fixFirstByteRange(store: S3rverStore): void {
  const getObject = store.getObject.bind(store);
  store.getObject = async (bucket, key, options) => {
    const object = await getObject(bucket, key, options);
    if (options?.start === 0 && options.end === 0 && object?.content && object.range) {
      object.content.destroy();
      object.content = createReadStream(store.getResourcePath(bucket, key, 'object'), { start: 0, end: 0 });
      object.range = { start: 0, end: 0 };
    }
    return object;
  };
}

/** A byte stream of `bytes`, in chunks of 256 KiB, as a request body would come. */
function chunked(bytes: Buffer): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += 256 * 1024)
    chunks.push(bytes.subarray(offset, offset + 256 * 1024));
  return Readable.from(chunks, { objectMode: false });
}

/**
 * A body of `total` random bytes made only when the reader asks for them, 1 MiB at a time, and
 * hashed as they are handed out. `beforeChunk` runs (and is awaited) before each chunk with the
 * count of bytes handed out so far; if it throws, the body fails with that error.
 */
function generatedBody(total: number, beforeChunk: (sent: number) => unknown = () => undefined) {
  const hash = createHash('sha256');
  let sent = 0;
  const body = new Readable({
    read() {
      Promise.resolve()
        .then(() => beforeChunk(sent))
        .then(
          () => {
            if (sent >= total) return void body.push(null);
            const chunk = randomBytes(Math.min(MiB, total - sent));
            hash.update(chunk);
            sent += chunk.length;
            body.push(chunk);
          },
          (error: unknown) => body.destroy(error as Error),
        );
    },
  });
  return { body, sent: () => sent, sha256: () => hash.digest('hex') };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Length and hash, so that a mismatch of megabytes prints as two short lines. */
function fingerprint(bytes: Buffer): { length: number; sha256: string } {
  return { length: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function listOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function totalSize(dir: string, names: string[]): Promise<number> {
  let total = 0;
  for (const name of names) total += (await stat(join(dir, name))).size;
  return total;
}
