import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import { OBJECT_STORAGE, type ObjectStorage } from './object-storage.js';
import { S3ObjectStorage } from './s3.storage.js';
import { openObjectStorage } from './storage.factory.js';

/**
 * Provides `OBJECT_STORAGE` (inject with `@Inject(OBJECT_STORAGE) storage: ObjectStorage`).
 * Needs APP_CONFIG from CoreModule; closes the S3 client on shutdown.
 */
@Global()
@Module({
  providers: [{ provide: OBJECT_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openObjectStorage(config) }],
  exports: [OBJECT_STORAGE],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage) {}

  onApplicationShutdown(): void {
    if (this.storage instanceof S3ObjectStorage) this.storage.close();
  }
}
