export { StorageModule } from './storage.module.js';
export { FileStorage, StorageObjectNotFound, type ByteRange } from './file-storage.js';
export { createFileStorage, newStorageKey } from './storage.factory.js';
export { contentDisposition } from './content-disposition.util.js';
export { parseRange } from './byte-range.util.js';
export { FILE_CONTENT_POLICY, sendStoredFile, type StoredFileAnswer } from './send-stored-file.js';
