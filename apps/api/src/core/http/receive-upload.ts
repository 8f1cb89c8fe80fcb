import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ProblemCode } from '@lesplein/contracts/common';
import { DomainError } from '../errors/domain-error.js';

export interface ReceivedUpload {
  path: string;
  size: number;
  /** Deletes the temporary file (safe to call twice). */
  discard(): Promise<void>;
}

/**
 * Streams a request body to a temporary file, never holding it in memory, and stops as soon as
 * it passes `maxBytes` (the error comes from `tooLarge`). An aborted or failed upload leaves no
 * file behind.
 */
export async function receiveUpload(body: Readable, options: { tempDir: string; maxBytes: number; tooLarge: () => DomainError }): Promise<ReceivedUpload> {
  await fs.promises.mkdir(options.tempDir, { recursive: true });
  const file = path.join(options.tempDir, `${randomUUID()}.upload`);
  const discard = () => fs.promises.rm(file, { force: true });
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > options.maxBytes) done(options.tooLarge());
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await discard();
    if (error instanceof DomainError) throw error;
    throw new DomainError(400, ProblemCode.uploadAborted, 'The upload was interrupted; nothing was saved.');
  }
  return { path: file, size, discard };
}

const MAX_NAME_LENGTH = 200;
/** Extensions longer than this are not kept apart when a name is shortened. */
const MAX_EXTENSION_LENGTH = 16;

/**
 * The uploader's file name, for display only: no directories, no control characters (C0, DEL,
 * C1), no bidirectional controls (which make `foto\u202Egpj.exe` look like `fotoexe.jpg`), not
 * just dots, at most 200 characters (code points, so no character is cut in half). A longer name
 * keeps its extension: the type checks and the download see the extension the uploader gave.
 */
export function displayFileName(header: string | string[] | undefined): string {
  let raw = Array.isArray(header) ? header[0] : header;
  try {
    raw = raw ? decodeURIComponent(raw) : undefined;
  } catch {
    // keep the undecoded value
  }
  const name = (raw ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .normalize('NFC')
    .trim();
  if (/^\.*$/.test(name)) return 'bestand';
  const characters = [...name];
  if (characters.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= MAX_EXTENSION_LENGTH + 1 ? [...name.slice(dot)] : [];
  return [...characters.slice(0, MAX_NAME_LENGTH - extension.length), ...extension].join('').trim();
}
