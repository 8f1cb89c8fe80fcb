import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { archivePathOfFile } from './data-export.mapper.js';
import { ExportArchive } from './export-archive.js';

/** Collects the archive's bytes as a consumer (object storage) would. */
function collect(archive: ExportArchive): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return pipeline(archive.output, new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()) })).then(() => Buffer.concat(chunks));
}

function entries(zip: Buffer): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error ?? new Error('no zip'));
      const found: Record<string, string> = {};
      file.on('end', () => resolve(found));
      file.on('entry', (entry: yauzl.Entry) =>
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          let text = '';
          stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          stream.on('end', () => ((found[entry.fileName] = text), file.readEntry()));
        }),
      );
      file.readEntry();
    });
  });
}

async function* batches<T>(...pages: T[][]): AsyncGenerator<T[]> {
  for (const page of pages) yield page;
}

describe('ExportArchive', () => {
  it('writes JSON arrays batch by batch, valid also when empty', async () => {
    const archive = new ExportArchive();
    const bytes = collect(archive);
    expect(await archive.addJsonArray('a.json', batches([{ n: 1 }, { n: 2 }], [{ n: 3 }]), (row) => ({ value: row.n }))).toBe(3);
    expect(await archive.addJsonArray('empty.json', batches<{ n: number }>(), (row) => row)).toBe(0);
    await archive.addText('README.txt', 'hallo');
    archive.end();
    const files = await entries(await bytes);
    expect(JSON.parse(files['a.json']!)).toEqual([{ value: 1 }, { value: 2 }, { value: 3 }]);
    expect(JSON.parse(files['empty.json']!)).toEqual([]);
    expect(files['README.txt']).toBe('hallo');
  });

  it('ends the output with the error when a source fails midway, so the upload fails instead of waiting', async () => {
    const archive = new ExportArchive();
    const bytes = collect(archive);
    async function* failing(): AsyncGenerator<Array<{ n: number }>> {
      yield [{ n: 1 }];
      throw new Error('database went away');
    }
    await expect(archive.addJsonArray('a.json', failing(), (row) => row)).rejects.toThrow('database went away');
    await expect(bytes).rejects.toThrow('database went away');
    await expect(archive.addText('later.txt', 'x')).rejects.toThrow('database went away');
  });

  it('stops the entry being written when the consumer fails', async () => {
    const archive = new ExportArchive();
    const bytes = collect(archive);
    async function* endless(): AsyncGenerator<Array<{ n: number }>> {
      for (let n = 0; ; n++) yield [{ n }];
    }
    const writing = archive.addJsonArray('a.json', endless(), (row) => row);
    archive.fail(new Error('storage refused the upload'));
    await expect(writing).rejects.toThrow('storage refused the upload');
    await expect(bytes).rejects.toThrow('storage refused the upload');
  });
});

describe('archivePathOfFile', () => {
  it('keeps the name readable but never a path, a control character or a hidden file', () => {
    const base = { id: 'f1', resourceId: 'r1' };
    expect(archivePathOfFile({ ...base, displayName: 'Oefenblad één.pdf' })).toBe('files/r1/f1-Oefenblad één.pdf');
    expect(archivePathOfFile({ ...base, displayName: '../../etc/passwd' })).toBe('files/r1/f1-__.._etc_passwd');
    expect(archivePathOfFile({ ...base, displayName: 'a\u0000b\\c:d.txt' })).toBe('files/r1/f1-a_b_c_d.txt');
    expect(archivePathOfFile({ ...base, displayName: '' })).toBe('files/r1/f1-file');
  });
});
