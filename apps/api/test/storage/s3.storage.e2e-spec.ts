import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { S3ObjectStorage } from '../../src/core/storage/s3.storage.js';
import { objectStorageContract } from './object-storage.contract.js';

/**
 * The S3 adapter against a real S3-protocol server (s3rver, on a free loopback port, its data
 * in a temporary directory): signed requests, multipart uploads and their abort, error codes.
 */
objectStorageContract('S3 (s3rver)', async () => {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'lesplein-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const storage = new S3ObjectStorage({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket: 'lesplein-test',
    // s3rver's fixed development credentials
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  });
  await storage.ensureBucket();
  await storage.ensureBucket(); // idempotent
  return {
    storage,
    close: async () => {
      storage.close();
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
});
