import fs from 'node:fs/promises';

/**
 * Just enough of the Compound File Binary format ([MS-CFB]) to tell a Word, Excel or PowerPoint
 * 97–2003 document from the other things stored in the same container (MSI installers, Outlook
 * messages, Visio drawings…) and to see whether it carries VBA macros. Reads the header, the FAT
 * sectors it needs and the directory chain; never the streams themselves.
 */
export interface CfbDirectory {
  /** Root storage CLSID, lower-case, e.g. `000c1084-0000-0000-c000-000000000046` for MSI. */
  rootClsid: string;
  /** Names of every storage and stream in the directory. */
  names: Set<string>;
}

const SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTOR = 0xfffffffa;
const MAX_DIRECTORY_SECTORS = 4096; // 4096 × 4 KiB sectors: 131 072 directory entries at most

export class CfbError extends Error {}

export async function readCfbDirectory(path: string): Promise<CfbDirectory> {
  const file = await fs.open(path, 'r');
  try {
    const { size } = await file.stat();
    const header = await readAt(file, 0, 512);
    if (!header.subarray(0, 8).equals(SIGNATURE)) throw new CfbError('not a compound file');
    const sectorShift = header.readUInt16LE(30);
    if (sectorShift !== 9 && sectorShift !== 12) throw new CfbError('bad sector size');
    const sectorSize = 1 << sectorShift;
    const entriesPerSector = sectorSize / 4;
    const fatSectorCount = header.readUInt32LE(44);
    const firstDirectorySector = header.readUInt32LE(48);
    let difatSector = header.readUInt32LE(68);
    const sectorCount = Math.ceil(size / sectorSize) - 1;
    const sectorOffset = (sector: number) => {
      if (sector > MAX_SECTOR || sector >= sectorCount) throw new CfbError('sector out of range');
      return (sector + 1) * sectorSize;
    };

    // Where the FAT sectors are: 109 in the header, the rest in the DIFAT chain.
    const fatSectors: number[] = [];
    for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i++) fatSectors.push(header.readUInt32LE(76 + i * 4));
    for (let hops = 0; fatSectors.length < fatSectorCount && difatSector <= MAX_SECTOR; hops++) {
      if (hops > sectorCount) throw new CfbError('DIFAT loop');
      const sector = await readAt(file, sectorOffset(difatSector), sectorSize);
      for (let i = 0; i < entriesPerSector - 1 && fatSectors.length < fatSectorCount; i++) fatSectors.push(sector.readUInt32LE(i * 4));
      difatSector = sector.readUInt32LE(sectorSize - 4);
    }

    const fatCache = new Map<number, Buffer>();
    const next = async (sector: number): Promise<number> => {
      const index = Math.floor(sector / entriesPerSector);
      const fatSector = fatSectors[index];
      if (fatSector === undefined) throw new CfbError('sector not in FAT');
      let fat = fatCache.get(index);
      if (!fat) {
        fat = await readAt(file, sectorOffset(fatSector), sectorSize);
        fatCache.set(index, fat);
      }
      return fat.readUInt32LE((sector % entriesPerSector) * 4);
    };

    const names = new Set<string>();
    let rootClsid = '';
    const seen = new Set<number>();
    for (let sector = firstDirectorySector; sector !== END_OF_CHAIN; sector = await next(sector)) {
      if (seen.has(sector) || seen.size >= MAX_DIRECTORY_SECTORS) throw new CfbError('directory chain loop or too long');
      seen.add(sector);
      const directory = await readAt(file, sectorOffset(sector), sectorSize);
      for (let offset = 0; offset < sectorSize; offset += 128) {
        const entry = directory.subarray(offset, offset + 128);
        const type = entry[66];
        if (type === 0) continue; // unused
        const nameLength = Math.min(entry.readUInt16LE(64), 64);
        const name = entry.subarray(0, Math.max(0, nameLength - 2)).toString('utf16le');
        if (type === 5) rootClsid = clsid(entry.subarray(80, 96));
        else names.add(name);
      }
    }
    return { rootClsid, names };
  } finally {
    await file.close();
  }
}

async function readAt(file: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new CfbError('truncated compound file');
  return buffer;
}

/** A CLSID in its usual text form (the first three fields are little-endian). */
function clsid(bytes: Buffer): string {
  const hex = (from: number, to: number, reverse: boolean) => {
    const part = Buffer.from(bytes.subarray(from, to));
    return (reverse ? part.reverse() : part).toString('hex');
  };
  return `${hex(0, 4, true)}-${hex(4, 6, true)}-${hex(6, 8, true)}-${hex(8, 10, false)}-${hex(10, 16, false)}`;
}

/** Windows Installer packages, patches and transforms: root CLSIDs 000C1082/000C1084/000C1086. */
export function isWindowsInstaller(directory: CfbDirectory): boolean {
  return /^000c108[0-9a-f]-0000-0000-c000-000000000046$/.test(directory.rootClsid);
}

/** Storages in which Word (`Macros`), Excel (`_VBA_PROJECT_CUR`) and PowerPoint (`VBA`) keep macros. */
export function hasMacros(directory: CfbDirectory): boolean {
  return ['Macros', '_VBA_PROJECT_CUR', 'VBA', '_VBA_PROJECT'].some((name) => directory.names.has(name));
}

/** doc, xls or ppt by the stream each application's documents must have; undefined otherwise. */
export function legacyOfficeKind(directory: CfbDirectory): 'doc' | 'xls' | 'ppt' | undefined {
  if (directory.names.has('WordDocument')) return 'doc';
  if (directory.names.has('Workbook') || directory.names.has('Book')) return 'xls';
  if (directory.names.has('PowerPoint Document')) return 'ppt';
  return undefined;
}
