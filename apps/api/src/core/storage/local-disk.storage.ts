import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, isValidKey, StorageObjectMissing, type ObjectStorage } from './object-storage.js';

/** Where writes in progress go: inside the root (same filesystem, so rename is atomic) and
 *  starting with a dot, which no valid key can. */
const TEMP_DIR = '.incoming';

/**
 * Objects as files under one root directory (`DATA_DIR/files`): for a single machine and for
 * development. A write goes to a temporary file, is flushed to disk, and is renamed over the
 * target only when the stream has ended without error, so readers never see a partial object.
 */
export class LocalDiskStorage implements ObjectStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, body: Readable, _options: { contentType: string }): Promise<{ size: number }> {
    assertValidKey(key);
    const target = this.fileFor(key);
    const temp = path.join(this.root, TEMP_DIR, randomUUID());
    await fs.mkdir(path.dirname(temp), { recursive: true });
    let size = 0;
    try {
      await pipeline(
        body,
        async function* count(source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(temp, { flags: 'wx' }),
      );
      const handle = await fs.open(temp, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.moveIntoPlace(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    return { size };
  }

  async get(key: string): Promise<Readable> {
    assertValidKey(key);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.fileFor(key), 'r');
    } catch (error) {
      if (isMissing(error)) throw new StorageObjectMissing(key);
      throw error;
    }
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      throw new StorageObjectMissing(key); // a directory of other keys is not an object
    }
    // The stream closes the handle when it ends or is destroyed.
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await fs.rm(this.fileFor(key), { force: true });
    await this.removeEmptyParents(path.dirname(this.fileFor(key)));
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    try {
      return (await fs.stat(this.fileFor(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async *list(prefix: string): AsyncIterable<string> {
    assertValidKey(prefix);
    const base = this.fileFor(prefix);
    let entries: string[];
    try {
      entries = await fs.readdir(base, { recursive: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      const key = `${prefix}/${entry.split(path.sep).join('/')}`;
      if (isValidKey(key) && (await this.exists(key))) yield key;
    }
  }

  private fileFor(key: string): string {
    return path.join(this.root, ...key.split('/'));
  }

  /** rename(2) replaces the target atomically. Retries once when a concurrent delete removed
   *  the (then empty) directory between mkdir and rename. */
  private async moveIntoPlace(temp: string, target: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      try {
        await fs.rename(temp, target);
        return;
      } catch (error) {
        if (attempt > 0 || !isMissing(error)) throw error;
      }
    }
  }

  /** Keeps the tree tidy (`resources/<id>/` disappears with its last file); best effort. */
  private async removeEmptyParents(dir: string): Promise<void> {
    while (dir !== this.root && dir.startsWith(this.root + path.sep)) {
      try {
        await fs.rmdir(dir);
      } catch {
        return; // not empty, already gone, or busy: leave it
      }
      dir = path.dirname(dir);
    }
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
