import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@convene/server-core';
import { FileStorage } from './file-storage.js';
import { createFileStorage } from './storage.factory.js';

/** The file storage (local disk or S3, from the configuration), for every domain module that keeps files: one instance per process. */
@Module({
  providers: [
    { provide: FileStorage, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createFileStorage(config) },
  ],
  exports: [FileStorage],
})
export class StorageModule {}
