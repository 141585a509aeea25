// Chooses the storage driver from the configuration, and makes the keys objects are stored under.
import type { AppConfig } from '@convene/server-core';
import { randomUUID } from 'node:crypto';

import type { FileStorage } from './file-storage.js';
import { LocalFileStorage } from './local-file-storage.js';
import { S3FileStorage } from './s3-file-storage.js';

export function createFileStorage(config: Pick<AppConfig, 'dataDir' | 'storage'>): FileStorage {
  return config.storage.driver === 's3' ? new S3FileStorage(config.storage.s3) : new LocalFileStorage(config.dataDir);
}

/**
 * A new key such as `3f/a2/3fa2…` (the 32 hex digits of a random UUID). The two leading levels,
 * taken from the random id itself, spread objects over 65,536 directories so that none of them
 * grows huge on the local disk; on S3 they are only part of the name.
 */
export function newStorageKey(): string {
  const id = randomUUID().replaceAll('-', '');
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}
