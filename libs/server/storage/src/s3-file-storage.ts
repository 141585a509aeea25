// The S3-compatible driver (AWS S3, MinIO, Garage, Ceph…). A body is sent as a multipart upload
// of 8 MiB parts, two at a time, so one write holds at most about three parts in memory
// (two in flight, one being filled) whatever the size of the file.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Config } from '@convene/server-core';
import { Readable } from 'node:stream';

import { type ByteRange, FileStorage, StorageObjectNotFound } from './file-storage.js';

const PART_SIZE = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

export class S3FileStorage extends FileStorage {
  readonly driver = 's3';
  private readonly bucket: string;
  private readonly client: S3Client;

  constructor(config: S3Config, client?: S3Client) {
    super();
    this.bucket = config.bucket;
    this.client = client ?? clientFor(config);
  }

  async write(
    key: string,
    body: Readable,
    options: { signal?: AbortSignal; contentType?: string } = {},
  ): Promise<void> {
    const { signal, contentType } = options;
    // Until the upload reads it, an error of the body (a client hanging up during the existence
    // check) must not go unhandled; the upload still sees the stream as errored.
    const ignore = () => undefined;
    body.on('error', ignore);
    // An abort ends the body with an error rather than calling `Upload.abort()`. In lib-storage
    // 3.x, `abort()` makes `done()` reject at once, while parts are still in flight and before
    // the multipart upload is aborted (nor does it stop a single PutObject already sent): parts
    // or even the whole object could appear after this write had rejected. A failed body instead
    // makes the upload stop reading, wait for the parts in flight and abort the multipart upload
    // (`leavePartsOnError: false`) before `done()` rejects, so nothing remains when we reject.
    const onAbort = () => body.destroy(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      signal?.throwIfAborted();
      // Immutability is checked with HeadObject before the upload, not with `IfNoneMatch: '*'`.
      // AWS S3 honours that condition (since 2024), but not every S3-compatible server does, and
      // one that ignores it overwrites silently (s3rver does, checked): the driver cannot tell
      // which kind it talks to. Keys are random and made by the server, so the window between this
      // check and the upload only matters for a bug; the check is a guard, not a lock.
      if ((await this.size(key)) !== null)
        throw new Error(`Refusing to overwrite the stored object ${key}: stored objects are immutable`);
      const upload = new Upload({
        client: this.client,
        params: { Bucket: this.bucket, Key: key, Body: body, ContentType: contentType },
        partSize: PART_SIZE,
        queueSize: PARTS_IN_FLIGHT,
        leavePartsOnError: false,
      });
      await upload.done();
      if (signal?.aborted) {
        // The abort came after the last byte had been read, and the upload finished anyway: the
        // caller gave up on this object, so it goes.
        await this.delete(key);
        throw signal.reason;
      }
    } catch (error) {
      body.destroy();
      throw signal?.aborted ? signal.reason : error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      body.off('error', ignore);
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    if (range) checkRange(range);
    let response: GetObjectCommandOutput;
    try {
      response = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
    } catch (error) {
      if (isMissing(error)) throw new StorageObjectNotFound(key);
      if (
        range &&
        error instanceof S3ServiceException &&
        (error.name === 'InvalidRange' || error.$metadata.httpStatusCode === 416)
      ) {
        throw new RangeError(`Bytes ${range.start}-${range.end} start past the end of ${key}`);
      }
      throw error;
    }
    const body = response.Body;
    if (!(body instanceof Readable)) throw new Error(`The S3 client returned no Node stream for ${key}`);
    if (range) {
      // A server or proxy that ignores or misreads the Range header answers other bytes than
      // asked for, and they would be served as if they were the range. S3 cuts an end past the
      // last byte to it, as the local driver does.
      const served = parseContentRange(response.ContentRange);
      if (!served || served.start !== range.start || served.end !== Math.min(range.end, served.size - 1)) {
        body.destroy();
        throw new Error(
          `The storage server answered ${response.ContentRange ?? 'the whole object'} for bytes ${range.start}-${range.end} of ${key}`,
        );
      }
    }
    return body;
  }

  async size(key: string): Promise<number | null> {
    let length: number | undefined;
    try {
      length = (await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))).ContentLength;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    if (length === undefined) throw new Error(`The storage server gave no size for ${key}`);
    return length;
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      // S3 answers 204 for an absent key; a few compatible servers answer NoSuchKey.
      if (!isMissing(error)) throw error;
    }
  }
}

function clientFor(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint ?? undefined,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Recent SDKs add CRC32 checksums to every upload and ask for them on every download. AWS
    // knows them; several self-hosted servers refuse such requests or fail their signature
    // check, so with a custom endpoint the SDK sends only the checksums an operation requires.
    requestChecksumCalculation: config.endpoint ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED',
    responseChecksumValidation: config.endpoint ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED',
  });
}

function checkRange({ start, end }: ByteRange): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid byte range ${start}-${end}`);
  }
}

function parseContentRange(header: string | undefined): { start: number; end: number; size: number } | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header ?? '');
  return match ? { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) } : null;
}

/**
 * NoSuchKey, or a 404 without a body (HEAD has none, so there a missing bucket looks the same).
 * A GET on a missing bucket answers NoSuchBucket, which stays an error: it is a misconfiguration.
 */
function isMissing(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    error.name !== 'NoSuchBucket' &&
    (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)
  );
}
