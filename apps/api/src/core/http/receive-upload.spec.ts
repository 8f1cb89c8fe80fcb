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
});
