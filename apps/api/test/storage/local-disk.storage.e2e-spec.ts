import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LocalDiskStorage } from '../../src/core/storage/local-disk.storage.js';
import { objectStorageContract } from './object-storage.contract.js';

async function tempRoot(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'lesplein-storage-'));
}

objectStorageContract('local disk', async () => {
  const root = await tempRoot();
  return { storage: new LocalDiskStorage(path.join(root, 'files')), close: () => fs.rm(root, { recursive: true, force: true }) };
});

describe('LocalDiskStorage on disk', () => {
  it('keeps objects below its root, removes empty directories and leaves no temporary files after a failed write', async () => {
    const root = await tempRoot();
    try {
      const storage = new LocalDiskStorage(path.join(root, 'files'));
      const resource = randomUUID();
      const key = `resources/${resource}/${randomUUID()}`;
      await storage.put(key, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' });
      expect(await fs.readFile(path.join(root, 'files', ...key.split('/')), 'utf8')).toBe('x');

      const failing = Readable.from(
        (async function* () {
          yield randomBytes(1000);
          throw new Error('client went away');
        })(),
      );
      await expect(storage.put(`resources/${resource}/${randomUUID()}`, failing, { contentType: 'text/plain' })).rejects.toThrow();
      expect(await fs.readdir(path.join(root, 'files', '.incoming'))).toEqual([]);
      expect(await fs.readdir(path.join(root, 'files', 'resources', resource))).toHaveLength(1);

      await storage.delete(key);
      expect(await fs.readdir(path.join(root, 'files'))).toEqual(['.incoming']);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
