import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { displayFileName, receiveUpload } from './receive-upload.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'receive-upload-'));
const tooLarge = () => new DomainError(413, 'file_too_large', 'too large');

describe('receiveUpload', () => {
  it('streams to a temporary file and reports the size', async () => {
    const upload = await receiveUpload(Readable.from([Buffer.alloc(1000, 1), Buffer.alloc(500, 2)]), { tempDir, maxBytes: 2000, tooLarge });
    expect(upload.size).toBe(1500);
    expect(fs.statSync(upload.path).size).toBe(1500);
    await upload.discard();
    expect(fs.existsSync(upload.path)).toBe(false);
  });

  it('stops at the limit and leaves nothing behind', async () => {
    await expect(receiveUpload(Readable.from([Buffer.alloc(1500), Buffer.alloc(1500)]), { tempDir, maxBytes: 2000, tooLarge })).rejects.toMatchObject({ status: 413 });
    expect(fs.readdirSync(tempDir)).toEqual([]);
  });

  it('turns a broken stream into upload_aborted and leaves nothing behind', async () => {
    const broken = new Readable({
      read() {
        this.push(Buffer.alloc(100));
        this.destroy(new Error('socket hang up'));
      },
    });
    await expect(receiveUpload(broken, { tempDir, maxBytes: 2000, tooLarge })).rejects.toMatchObject({ code: 'upload_aborted' });
    expect(fs.readdirSync(tempDir)).toEqual([]);
  });
});

describe('displayFileName', () => {
  it('keeps only a clean base name', () => {
    expect(displayFileName(encodeURIComponent('../../etc/passwd'))).toBe('passwd');
    expect(displayFileName(encodeURIComponent('C:\\Users\\An\\Breuken oefenen.pdf'))).toBe('Breuken oefenen.pdf');
    expect(displayFileName('werkblad%0A.docx')).toBe('werkblad.docx');
    expect(displayFileName(undefined)).toBe('bestand');
    expect(displayFileName('%E0%A4%A')).toBe('%E0%A4%A');
  });

  it('drops C1 and bidirectional controls, so a name cannot disguise its extension', () => {
    expect(displayFileName(encodeURIComponent('foto\u202egpj.exe'))).toBe('fotogpj.exe');
    expect(displayFileName(encodeURIComponent('\u200f\u2066les\u2069\u0085\u009b.txt'))).toBe('les.txt');
  });

  it('names nothing but dots "bestand"', () => {
    for (const name of ['.', '..', '...', ' . ', '../..']) expect(displayFileName(encodeURIComponent(name))).toBe('bestand');
    expect(displayFileName('.htaccess')).toBe('.htaccess');
  });

  it('shortens a long name to 200 characters, keeping its extension and every character whole', () => {
    const long = displayFileName(encodeURIComponent(`${'a'.repeat(300)}.exe`));
    expect(long).toBe(`${'a'.repeat(196)}.exe`);
    const emoji = displayFileName(encodeURIComponent(`a${'😀'.repeat(250)}.txt`));
    expect([...emoji]).toHaveLength(200);
    expect(emoji.endsWith('😀.txt')).toBe(true);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect([...displayFileName(encodeURIComponent('b'.repeat(300)))]).toHaveLength(200);
  });
});
