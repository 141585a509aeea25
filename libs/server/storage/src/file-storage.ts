// Where the bytes of documents live. Two drivers implement it: local disk under the data directory
// (the default) and S3-compatible object storage. Keys are made by the server (`newStorageKey`),
// never from file names. An object is either whole or absent: a write that fails or is aborted
// leaves nothing behind, and a key is never overwritten (versions are immutable).
import type { Readable } from 'node:stream';

/** An inclusive byte range, as HTTP Range requests give it. */
export interface ByteRange {
  start: number;
  end: number;
}

export abstract class FileStorage {
  /** Driver name, for logs and the health of the deployment ('local' or 's3'). */
  abstract readonly driver: string;

  /**
   * Streams `body` to a new object under `key`. Resolves once the whole object is stored and
   * visible; rejects (leaving no object and no partial data) when `body` errors or `signal` aborts.
   */
  abstract write(key: string, body: Readable, options?: { signal?: AbortSignal; contentType?: string }): Promise<void>;

  /** The object's bytes, or the bytes of `range` within it. Rejects with `StorageObjectNotFound` when absent. */
  abstract read(key: string, range?: ByteRange): Promise<Readable>;

  /** Size in bytes, or null when the object does not exist. */
  abstract size(key: string): Promise<number | null>;

  /** Removes the object; removing an absent object is not an error. */
  abstract delete(key: string): Promise<void>;
}

export class StorageObjectNotFound extends Error {
  constructor(readonly key: string) {
    super(`No stored object under ${key}`);
    this.name = 'StorageObjectNotFound';
  }
}
