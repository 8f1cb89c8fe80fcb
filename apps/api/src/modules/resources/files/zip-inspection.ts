import yauzl from 'yauzl';
import { archiveRefused, fileCorrupt } from './upload-problems.js';

/** Limits for every ZIP-based upload (zip, ggb, sb3, OOXML, ODF, EPUB); see ADR 0006. */
export const ARCHIVE_LIMITS = {
  maxEntries: 2000,
  maxTotalUncompressedBytes: 1024 ** 3,
  /** An entry is a bomb when it is both this large and compressed more than `maxRatio` times. */
  ratioCheckFromBytes: 10 * 1024 * 1024,
  maxRatio: 200,
} as const;

export interface ZipEntrySummary {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 = stored, 8 = deflated. */
  compressionMethod: number;
}

/**
 * Reads the ZIP central directory (never the contents) and refuses archives that could hurt
 * whoever extracts them: too many entries, too much data, suspicious compression ratios,
 * encrypted entries, absolute paths or `..`. Returns the entries for later checks.
 * Nested archives are not opened.
 */
export async function inspectZip(path: string): Promise<ZipEntrySummary[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    throw fileCorrupt('ZIP');
  }
  try {
    if (zip.entryCount > ARCHIVE_LIMITS.maxEntries) throw tooManyEntries();
    const entries: ZipEntrySummary[] = [];
    let total = 0;
    for (;;) {
      let entry: yauzl.Entry | undefined;
      try {
        entry = await readEntry(zip);
      } catch (error) {
        const message = (error as Error).message;
        if (/invalid relative path|absolute path|invalid characters in fileName/.test(message)) throw unsafePath();
        throw fileCorrupt('ZIP');
      }
      if (!entry) break;
      if (entries.length >= ARCHIVE_LIMITS.maxEntries) throw tooManyEntries();
      if (!isSafePath(entry.fileName)) throw unsafePath();
      if (entry.isEncrypted()) {
        throw archiveRefused(
          'The archive contains password-protected files; we cannot check them.',
          'Het archief bevat bestanden met een wachtwoord; die kunnen we niet controleren.',
        );
      }
      const { compressedSize, uncompressedSize } = entry;
      if (uncompressedSize > ARCHIVE_LIMITS.ratioCheckFromBytes && uncompressedSize > compressedSize * ARCHIVE_LIMITS.maxRatio) {
        throw archiveRefused(
          'The archive contains a file that unpacks to far more than its packed size (a "zip bomb").',
          'Het archief bevat een bestand dat uitgepakt veel groter wordt dan ingepakt (een "zip-bom").',
        );
      }
      total += uncompressedSize;
      if (total > ARCHIVE_LIMITS.maxTotalUncompressedBytes) {
        throw archiveRefused('The archive unpacks to more than 1 GB.', 'Het archief wordt uitgepakt groter dan 1 GB.');
      }
      entries.push({ name: entry.fileName, compressedSize, uncompressedSize, compressionMethod: entry.compressionMethod });
    }
    return entries;
  } finally {
    zip.close();
  }
}

/** Relative, no `..` segment, no drive letter, no backslash, no NUL. */
function isSafePath(name: string): boolean {
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.includes('\\') || name.includes('\0')) return false;
  return !name.split('/').includes('..');
}

const tooManyEntries = () =>
  archiveRefused(`The archive holds more than ${ARCHIVE_LIMITS.maxEntries} files.`, `Het archief bevat meer dan ${ARCHIVE_LIMITS.maxEntries} bestanden.`);

const unsafePath = () =>
  archiveRefused(
    'The archive contains a file path that points outside the archive (absolute or with "..").',
    'Het archief bevat een bestandspad dat buiten het archief wijst (absoluut of met "..").',
  );

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: true, strictFileNames: false, validateEntrySizes: true }, (error, zip) => {
      if (error) reject(error);
      else resolve(zip);
    });
  });
}

/** The next central-directory entry, or undefined at the end. */
function readEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(undefined);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/**
 * One entry's content, for the small metadata parts stripMetadata rewrites. Refuses entries
 * whose declared size is over `maxBytes`; yauzl checks the inflated size against the declared
 * one while streaming, so a lying entry fails instead of filling memory.
 */
export async function readZipEntry(path: string, name: string, maxBytes: number): Promise<Buffer | undefined> {
  const zip = await openZip(path);
  try {
    for (;;) {
      const entry = await readEntry(zip);
      if (!entry) return undefined;
      if (entry.fileName !== name) continue;
      if (entry.uncompressedSize > maxBytes) throw new Error(`${name} is larger than ${maxBytes} bytes`);
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (error, readStream) => (error ? reject(error) : resolve(readStream))),
      );
      const chunks: Buffer[] = [];
      for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
      return Buffer.concat(chunks);
    }
  } finally {
    zip.close();
  }
}
