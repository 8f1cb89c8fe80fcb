import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidStorageKey, StorageObjectMissing, type ObjectStorage } from '../../src/core/storage/object-storage.js';

/** What each adapter's spec provides: a fresh storage, and how to tear it down. */
export interface StorageUnderTest {
  storage: ObjectStorage;
  close?: () => Promise<void>;
}

/** A stream of `total` bytes in `chunkSize` pieces, produced lazily (not one big buffer). */
function chunked(data: Buffer, chunkSize = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < data.length; offset += chunkSize) yield data.subarray(offset, offset + chunkSize);
    })(),
  );
}

/** Yields `before` bytes, then fails, as a client that drops the connection midway. */
function failingAfter(before: Buffer): Readable {
  return Readable.from(
    (async function* () {
      yield* chunked(before);
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('client went away');
    })(),
  );
}

const key = () => `resources/${randomUUID()}/${randomUUID()}`;

/**
 * The behaviour every ObjectStorage adapter must have. Each adapter's e2e spec calls this once
 * with a factory for its storage; the tests exercise the real backend (disk, S3 protocol).
 */
export function objectStorageContract(name: string, open: () => Promise<StorageUnderTest>): void {
  describe(`ObjectStorage contract: ${name}`, () => {
    let subject: StorageUnderTest;
    let storage: ObjectStorage;

    beforeAll(async () => {
      subject = await open();
      storage = subject.storage;
    });
    afterAll(async () => {
      await subject?.close?.();
    });

    it('round-trips a streamed object of a few MB and reports its size', async () => {
      const data = randomBytes(6 * 1024 * 1024 + 123); // more than one S3 multipart part
      const k = key();
      expect(await storage.put(k, chunked(data), { contentType: 'application/octet-stream' })).toEqual({ size: data.length });
      expect(await storage.exists(k)).toBe(true);
      const back = await buffer(await storage.get(k));
      expect(back.length).toBe(data.length);
      expect(back.equals(data)).toBe(true);
    });

    it('stores small and empty bodies', async () => {
      const k = key();
      await storage.put(k, Readable.from([Buffer.from('hallo')]), { contentType: 'text/plain' });
      expect((await buffer(await storage.get(k))).toString()).toBe('hallo');
      const empty = key();
      expect(await storage.put(empty, Readable.from([]), { contentType: 'text/plain' })).toEqual({ size: 0 });
      expect((await buffer(await storage.get(empty))).length).toBe(0);
    });

    it('overwrites an existing object', async () => {
      const k = key();
      await storage.put(k, Readable.from([Buffer.from('first version')]), { contentType: 'text/plain' });
      await storage.put(k, Readable.from([Buffer.from('second')]), { contentType: 'text/plain' });
      expect((await buffer(await storage.get(k))).toString()).toBe('second');
    });

    it('lists the keys under a prefix, and none under an empty one', async () => {
      const prefix = `ledger/${randomUUID()}`;
      const keys = [`${prefix}/a`, `${prefix}/b/c`];
      for (const k of keys) await storage.put(k, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' });
      await storage.put(`${prefix}-sibling/d`, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' });
      const listed: string[] = [];
      for await (const k of storage.list(prefix)) listed.push(k);
      expect(listed.sort()).toEqual(keys);
      const none: string[] = [];
      for await (const k of storage.list(`ledger/${randomUUID()}`)) none.push(k);
      expect(none).toEqual([]);
    });

    it('deletes idempotently', async () => {
      const k = key();
      await storage.put(k, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' });
      await storage.delete(k);
      expect(await storage.exists(k)).toBe(false);
      await expect(storage.delete(k)).resolves.toBeUndefined();
      await expect(storage.delete(key())).resolves.toBeUndefined();
    });

    it('says whether an object exists, and get of a missing key throws StorageObjectMissing', async () => {
      const k = key();
      expect(await storage.exists(k)).toBe(false);
      const error = await storage.get(k).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StorageObjectMissing);
      expect((error as StorageObjectMissing).key).toBe(k);
      // A key that is a "directory" of other keys is not an object either.
      const parent = `resources/${randomUUID()}`;
      await storage.put(`${parent}/${randomUUID()}`, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' });
      expect(await storage.exists(parent)).toBe(false);
      await expect(storage.get(parent)).rejects.toBeInstanceOf(StorageObjectMissing);
    });

    it.each([
      ['empty', ''],
      ['parent directory', 'resources/../etc/passwd'],
      ['dot segment', 'resources/./x'],
      ['absolute', '/etc/passwd'],
      ['upper case', 'Resources/x'],
      ['backslash', 'resources\\x'],
      ['empty segment', 'resources//x'],
      ['trailing slash', 'resources/x/'],
      ['leading dash', '-x'],
      ['space', 'resources/a b'],
      ['too long', `r${'a'.repeat(201)}`],
    ])('refuses an invalid key (%s) in every operation', async (_label, bad) => {
      await expect(storage.put(bad, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' })).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.get(bad)).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.exists(bad)).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.delete(bad)).rejects.toBeInstanceOf(InvalidStorageKey);
    });

    it('accepts the longest valid key', async () => {
      const k = `r${'a'.repeat(200)}`;
      await storage.put(k, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' });
      expect(await storage.exists(k)).toBe(true);
      await storage.delete(k);
    });

    it('leaves no object when the stream fails midway, small or large', async () => {
      for (const size of [1000, 7 * 1024 * 1024]) {
        const k = key();
        await expect(storage.put(k, failingAfter(randomBytes(size)), { contentType: 'application/octet-stream' })).rejects.toThrow(/client went away/);
        expect(await storage.exists(k)).toBe(false);
        await expect(storage.get(k)).rejects.toBeInstanceOf(StorageObjectMissing);
      }
    });

    it('keeps the previous object when an overwrite fails midway', async () => {
      const k = key();
      await storage.put(k, Readable.from([Buffer.from('keep me')]), { contentType: 'text/plain' });
      await expect(storage.put(k, failingAfter(randomBytes(2000)), { contentType: 'text/plain' })).rejects.toThrow(/client went away/);
      expect((await buffer(await storage.get(k))).toString()).toBe('keep me');
    });
  });
}
