import { ProblemCode } from '@lesplein/contracts/common';
import { DomainError } from '../../../core/errors/domain-error.js';

/** A refused upload: problem+json with the field error on `file`, in Dutch and English. */
function refused(status: number, code: string, english: string, dutch: string): DomainError {
  return new DomainError(status, code, english, { errors: [{ path: 'file', message: `${dutch} / ${english}` }] });
}

export const fileEmpty = () => refused(400, ProblemCode.fileEmpty, 'The file is empty.', 'Het bestand is leeg.');

export const fileTooLarge = (maxBytes: number) =>
  refused(413, ProblemCode.fileTooLarge, `The file is larger than ${formatBytes(maxBytes)}.`, `Het bestand is groter dan ${formatBytes(maxBytes)}.`);

export const fileTypeRefused = (english = 'This type of file cannot be shared on Lesplein.', dutch = 'Dit soort bestand kan niet gedeeld worden op Lesplein.') =>
  refused(415, ProblemCode.fileTypeRefused, english, dutch);

export const fileTypeMismatch = (declared: string, actual: string) =>
  refused(
    400,
    ProblemCode.fileTypeMismatch,
    `The file name ends in .${declared}, but the file is a ${actual.toUpperCase()} file. Rename it or upload the right file.`,
    `De bestandsnaam eindigt op .${declared}, maar het is een ${actual.toUpperCase()}-bestand. Geef het de juiste naam of kies het juiste bestand.`,
  );

export const fileCorrupt = (what: string) =>
  refused(400, ProblemCode.fileCorrupt, `The ${what} file is damaged and cannot be opened.`, `Het ${what}-bestand is beschadigd en kan niet geopend worden.`);

export const archiveRefused = (english: string, dutch: string) => refused(400, ProblemCode.archiveRefused, english, dutch);

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
