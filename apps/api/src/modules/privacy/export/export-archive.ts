import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';

/**
 * The export's ZIP archive, written as a stream (yazl): entries are added one at a time, each
 * read from its source while it is compressed into `output`, which the caller streams to object
 * storage. Nothing waits in memory but the current batch of rows or chunk of a file.
 */
export class ExportArchive {
  private readonly zip = new yazl.ZipFile();
  private readonly mtime: Date;
  private failure: Error | undefined;
  /** The entry being read, so that a failed upload also stops it (it would wait for a reader forever). */
  private current: Readable | undefined;

  constructor(mtime = new Date()) {
    this.mtime = mtime;
    // yazl reports some failures as events; they end the archive (and so the upload) with that error.
    this.zip.on('error', (error: Error) => this.fail(error));
  }

  /** The ZIP bytes, to be consumed (e.g. by `ObjectStorage.put`) while entries are added. */
  get output(): Readable {
    return this.zip.outputStream as Readable;
  }

  /**
   * A JSON array written row by row from batches (`[` … `,` … `]`): the whole category is never in
   * memory. Resolves with the number of rows once the entry's source has been read.
   */
  async addJsonArray<R>(name: string, batches: AsyncIterable<R[]>, toJson: (row: R) => unknown): Promise<number> {
    let count = 0;
    async function* chunks(): AsyncGenerator<string> {
      yield '[';
      for await (const batch of batches) {
        let text = '';
        for (const row of batch) text += `${count++ === 0 ? '' : ','}\n  ${JSON.stringify(toJson(row))}`;
        yield text;
      }
      yield count === 0 ? ']\n' : '\n]\n';
    }
    await this.addStream(name, Readable.from(chunks()));
    return count;
  }

  /** A small JSON document (e.g. the profile). */
  addJson(name: string, value: unknown): Promise<void> {
    return this.addStream(name, Readable.from([`${JSON.stringify(value, null, 2)}\n`]));
  }

  addText(name: string, text: string): Promise<void> {
    return this.addStream(name, Readable.from([text]));
  }

  addBytes(name: string, bytes: Uint8Array): Promise<void> {
    return this.addStream(name, Readable.from([Buffer.from(bytes)]));
  }

  /** Adds an entry from a stream and waits until the archive has read it to the end. */
  async addStream(name: string, source: Readable): Promise<void> {
    if (this.failure) {
      source.destroy();
      throw this.failure;
    }
    const done = finished(source);
    this.current = source;
    this.zip.addReadStream(source, name, { mtime: this.mtime, compress: true });
    try {
      await done;
    } catch (error) {
      this.fail(error as Error);
      throw this.failure ?? error;
    } finally {
      this.current = undefined;
    }
    if (this.failure) throw this.failure;
  }

  /** No more entries: writes the central directory and ends `output`. */
  end(): void {
    this.zip.end();
  }

  /** Ends `output` with an error, so that the upload fails and leaves no object. */
  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.output.destroy(error);
    this.current?.destroy(error);
  }
}
