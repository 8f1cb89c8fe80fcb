import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/env.js';
import { LocalDiskStorage } from './local-disk.storage.js';
import { assertValidKey, InvalidStorageKey, isValidKey } from './object-storage.js';
import { S3ObjectStorage } from './s3.storage.js';
import { createObjectStorage } from './storage.factory.js';

const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://lesplein.example', APP_SECRET: 'x'.repeat(40), SMTP_URL: 'smtps://mail.example' };

describe('storage configuration', () => {
  it('defaults to local disk under DATA_DIR/files with 100 MB files and a 2 GiB quota', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ storageDriver: 'local', uploadMaxFileBytes: 104_857_600, uploadQuotaBytes: 2_147_483_648 });
    expect(config.s3).toMatchObject({ region: 'us-east-1', forcePathStyle: true, createBucket: false });
    expect(createObjectStorage(config)).toBeInstanceOf(LocalDiskStorage);
    expect(path.basename(path.join(config.dataDir, 'files'))).toBe('files');
  });

  it('builds the S3 adapter from S3_* variables', () => {
    const config = loadConfig({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'lesplein',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'false',
      S3_CREATE_BUCKET: 'true',
      UPLOAD_MAX_FILE_BYTES: '1000',
    });
    expect(config.s3).toEqual({ endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', bucket: 'lesplein', accessKeyId: 'id', secretAccessKey: 'secret', forcePathStyle: false, createBucket: true });
    expect(config.uploadMaxFileBytes).toBe(1000);
    const storage = createObjectStorage(config);
    expect(storage).toBeInstanceOf(S3ObjectStorage);
    (storage as S3ObjectStorage).close();
  });

  it('needs a bucket for S3 and both keys or neither', () => {
    expect(() => loadConfig({ STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET: is required when STORAGE_DRIVER=s3/);
    expect(() => loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'lesplein', S3_ACCESS_KEY_ID: 'id' })).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'lesplein' }).s3.accessKeyId).toBeUndefined();
  });

  it('requires bucket and credentials for S3 in production, next to the other production rules', () => {
    expect(() => loadConfig({ ...production, STORAGE_DRIVER: 's3', S3_BUCKET: 'lesplein' })).toThrow(ConfigError);
    const everything = () => loadConfig({ NODE_ENV: 'production', STORAGE_DRIVER: 's3' });
    expect(everything).toThrow(/APP_SECRET/);
    expect(everything).toThrow(/S3_BUCKET/);
    expect(everything).toThrow(/S3_ACCESS_KEY_ID: is required in production/);
    const config = loadConfig({ ...production, STORAGE_DRIVER: 's3', S3_BUCKET: 'lesplein', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' });
    expect(config.storageDriver).toBe('s3');
  });

  it('refuses nonsense sizes and endpoints', () => {
    expect(() => loadConfig({ UPLOAD_MAX_FILE_BYTES: '0' })).toThrow(/UPLOAD_MAX_FILE_BYTES/);
    expect(() => loadConfig({ UPLOAD_QUOTA_BYTES: 'lots' })).toThrow(/UPLOAD_QUOTA_BYTES/);
    expect(() => loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'b-1', S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/);
  });
});

describe('storage keys', () => {
  it('accepts generated keys and refuses anything that could escape or alias', () => {
    expect(isValidKey('resources/0b6c1c52-3b8e-4c57-9a55-0d4b7f0a5d11/2f0e9c2a-1b7d-4a8e-9c3f-6d5e4b3a2c1b')).toBe(true);
    expect(isValidKey('thumbnails/x_y-z')).toBe(true);
    for (const bad of ['', '..', 'a/../b', 'a/./b', '/a', 'a//b', 'a/', 'A', 'a.b', 'a\\b', '_a', 'a\u0000b', `a${'b'.repeat(201)}`]) {
      expect(isValidKey(bad), bad).toBe(false);
      expect(() => assertValidKey(bad)).toThrow(InvalidStorageKey);
    }
  });
});
