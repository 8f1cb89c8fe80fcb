import path from 'node:path';
import type { AppConfig } from '../../config/env.js';
import { LocalDiskStorage } from './local-disk.storage.js';
import type { ObjectStorage } from './object-storage.js';
import { S3ObjectStorage } from './s3.storage.js';

/** The storage adapter chosen by STORAGE_DRIVER. Creates no bucket and no directory yet. */
export function createObjectStorage(config: AppConfig): ObjectStorage {
  if (config.storageDriver === 's3') return new S3ObjectStorage(config.s3);
  return new LocalDiskStorage(path.join(config.dataDir, 'files'));
}

/**
 * `createObjectStorage` plus what start-up may do: create the bucket when S3_CREATE_BUCKET=true.
 * Used by the Nest provider (storage.module.ts).
 */
export async function openObjectStorage(config: AppConfig): Promise<ObjectStorage> {
  const storage = createObjectStorage(config);
  if (storage instanceof S3ObjectStorage && config.s3.createBucket) await storage.ensureBucket();
  return storage;
}
