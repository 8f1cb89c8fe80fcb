import type { PreviewKind } from '@lesplein/contracts/resource';

/** How a type's content is checked beyond its signature, and how its metadata is stripped. */
export type TypeFamily = 'pdf' | 'ooxml' | 'odf' | 'legacy-office' | 'rtf' | 'epub' | 'text' | 'image' | 'audio' | 'video' | 'zip';

export interface AllowedType {
  /** Stored and served as this Content-Type. */
  mimeType: string;
  /** Canonical extension (no dot). */
  extension: string;
  /** Declared extensions (lower case) that agree with this content; any other *known* extension is a mismatch. */
  accepts: readonly string[];
  previewKind: PreviewKind;
  family: TypeFamily;
}

const t = (mimeType: string, extension: string, accepts: readonly string[], family: TypeFamily, previewKind: PreviewKind = 'none'): AllowedType => ({
  mimeType,
  extension,
  accepts,
  previewKind,
  family,
});

/**
 * What members may upload, keyed by the type we recognise from the *content* (magic bytes via
 * file-type, our own checks for legacy Office, ZIP-based formats and text). Everything else is
 * refused with 415 file_type_refused. See docs/adr/0006-file-storage-and-upload-safety.md.
 *
 * | type   | recognised by                                      | declared extensions accepted  | preview |
 * | ------ | -------------------------------------------------- | ----------------------------- | ------- |
 * | pdf    | `%PDF-` signature, then loads with pdf-lib         | pdf                           | pdf     |
 * | docx   | ZIP + [Content_Types].xml main part (file-type)    | docx                          | —       |
 * | xlsx   | idem                                               | xlsx                          | —       |
 * | pptx   | idem                                               | pptx                          | —       |
 * | odt    | ZIP + `mimetype` entry (file-type)                 | odt                           | —       |
 * | ods    | idem                                               | ods                           | —       |
 * | odp    | idem                                               | odp                           | —       |
 * | doc    | CFB + `WordDocument` stream, no macros             | doc                           | —       |
 * | xls    | CFB + `Workbook`/`Book` stream, no macros          | xls                           | —       |
 * | ppt    | CFB + `PowerPoint Document` stream, no macros      | ppt, pps                      | —       |
 * | rtf    | `{\rtf` signature, no embedded OLE objects         | rtf                           | —       |
 * | epub   | ZIP + `mimetype` application/epub+zip (file-type)  | epub                          | —       |
 * | txt    | valid UTF-8, no NUL, no markup or `#!` at the start | txt, text, any unknown one   | —       |
 * | csv    | idem, declared .csv                                | csv                           | —       |
 * | md     | idem, declared .md/.markdown                       | md, markdown                  | —       |
 * | jpg    | JPEG signature, decodes with sharp                 | jpg, jpeg, jpe, jfif          | image   |
 * | png    | PNG/APNG signature, decodes with sharp             | png, apng                     | image   |
 * | gif    | GIF signature, decodes with sharp                  | gif                           | image   |
 * | webp   | RIFF/WEBP signature, decodes with sharp            | webp                          | image   |
 * | mp3    | ID3 or MPEG audio frame                            | mp3                           | audio   |
 * | ogg    | Ogg with Vorbis/Opus/FLAC/Speex audio              | ogg, oga, opus                | audio   |
 * | wav    | RIFF/WAVE                                          | wav                           | audio   |
 * | m4a    | ISO BMFF brand M4A                                 | m4a, mp4                      | audio   |
 * | aac    | ADTS AAC                                           | aac                           | audio   |
 * | flac   | `fLaC`                                             | flac                          | audio   |
 * | mp4    | ISO BMFF video brands                              | mp4, m4v, m4a                 | video   |
 * | webm   | Matroska, doctype webm                             | webm                          | video   |
 * | zip    | plain ZIP (not one of the above, not jar/apk/xpi)  | zip                           | —       |
 * | ggb    | ZIP with `geogebra.xml`, declared .ggb             | ggb                           | —       |
 * | sb3    | ZIP with `project.json`, declared .sb3             | sb3                           | —       |
 *
 * Every ZIP-based type (OOXML, ODF, EPUB, zip, ggb, sb3) also passes the archive checks
 * (zip-inspection.ts). Audio and video are recognised by signature only (no decoder here).
 */
export const ALLOWED_TYPES = {
  pdf: t('application/pdf', 'pdf', ['pdf'], 'pdf', 'pdf'),
  docx: t('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', ['docx'], 'ooxml'),
  xlsx: t('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', ['xlsx'], 'ooxml'),
  pptx: t('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx', ['pptx'], 'ooxml'),
  odt: t('application/vnd.oasis.opendocument.text', 'odt', ['odt'], 'odf'),
  ods: t('application/vnd.oasis.opendocument.spreadsheet', 'ods', ['ods'], 'odf'),
  odp: t('application/vnd.oasis.opendocument.presentation', 'odp', ['odp'], 'odf'),
  doc: t('application/msword', 'doc', ['doc'], 'legacy-office'),
  xls: t('application/vnd.ms-excel', 'xls', ['xls'], 'legacy-office'),
  ppt: t('application/vnd.ms-powerpoint', 'ppt', ['ppt', 'pps'], 'legacy-office'),
  rtf: t('application/rtf', 'rtf', ['rtf'], 'rtf'),
  epub: t('application/epub+zip', 'epub', ['epub'], 'epub'),
  txt: t('text/plain', 'txt', ['txt', 'text'], 'text'),
  csv: t('text/csv', 'csv', ['csv'], 'text'),
  md: t('text/markdown', 'md', ['md', 'markdown'], 'text'),
  jpg: t('image/jpeg', 'jpg', ['jpg', 'jpeg', 'jpe', 'jfif'], 'image', 'image'),
  png: t('image/png', 'png', ['png', 'apng'], 'image', 'image'),
  gif: t('image/gif', 'gif', ['gif'], 'image', 'image'),
  webp: t('image/webp', 'webp', ['webp'], 'image', 'image'),
  mp3: t('audio/mpeg', 'mp3', ['mp3'], 'audio', 'audio'),
  ogg: t('audio/ogg', 'ogg', ['ogg', 'oga', 'opus'], 'audio', 'audio'),
  wav: t('audio/wav', 'wav', ['wav'], 'audio', 'audio'),
  m4a: t('audio/mp4', 'm4a', ['m4a', 'mp4'], 'audio', 'audio'),
  aac: t('audio/aac', 'aac', ['aac'], 'audio', 'audio'),
  flac: t('audio/flac', 'flac', ['flac'], 'audio', 'audio'),
  mp4: t('video/mp4', 'mp4', ['mp4', 'm4v', 'm4a'], 'video', 'video'),
  webm: t('video/webm', 'webm', ['webm'], 'video', 'video'),
  zip: t('application/zip', 'zip', ['zip'], 'zip'),
  ggb: t('application/vnd.geogebra.file', 'ggb', ['ggb'], 'zip'),
  sb3: t('application/x.scratch.sb3', 'sb3', ['sb3'], 'zip'),
} as const satisfies Record<string, AllowedType>;

export type AllowedTypeId = keyof typeof ALLOWED_TYPES;

/**
 * What file-type (v21) calls the allowed types. Its other answers (exe, elf, macho, jar, apk,
 * docm, mov, svg via xml, …) are refused. `cfb` (legacy Office, but also MSI and Outlook
 * messages) and `zip` (plain, GeoGebra, Scratch) are refined by our own checks.
 */
export const FILE_TYPE_TO_ALLOWED: Readonly<Record<string, AllowedTypeId>> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  odt: 'odt',
  ods: 'ods',
  odp: 'odp',
  rtf: 'rtf',
  epub: 'epub',
  jpg: 'jpg',
  png: 'png',
  apng: 'png',
  gif: 'gif',
  webp: 'webp',
  mp3: 'mp3',
  ogg: 'ogg',
  oga: 'ogg',
  opus: 'ogg',
  spx: 'ogg',
  wav: 'wav',
  m4a: 'm4a',
  aac: 'aac',
  flac: 'flac',
  mp4: 'mp4',
  m4v: 'mp4',
  webm: 'webm',
  zip: 'zip',
};

/**
 * Declared extensions that run code when opened on a common desktop or in a browser. Refused
 * (415) whatever the content: `les.bat` that is plain text is still a batch file once
 * downloaded and double-clicked.
 */
export const DANGEROUS_EXTENSIONS: ReadonlySet<string> = new Set([
  // Windows executables, installers, shortcuts and script hosts
  'exe', 'com', 'scr', 'pif', 'cpl', 'dll', 'sys', 'drv', 'ocx', 'msi', 'msp', 'mst', 'msix', 'msixbundle', 'appx', 'appxbundle',
  'application', 'appref-ms', 'gadget', 'msc', 'hta', 'lnk', 'url', 'scf', 'inf', 'reg', 'chm',
  'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'ps1xml', 'psc1', 'vb', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'cjs', 'wsf', 'wsh', 'ws', 'wsc', 'sct',
  // macOS and Linux
  'app', 'command', 'tool', 'pkg', 'mpkg', 'dmg', 'workflow', 'terminal', 'scpt', 'sh', 'bash', 'zsh', 'ksh', 'csh', 'fish', 'run',
  'desktop', 'appimage', 'deb', 'rpm', 'elf', 'so', 'dylib',
  // Java, Android, browser extensions
  'jar', 'jnlp', 'class', 'apk', 'xapk', 'aab', 'crx', 'xpi',
  // Active web content (we refuse SVG rather than sanitise it)
  'html', 'htm', 'xhtml', 'xht', 'shtml', 'mht', 'mhtml', 'svg', 'svgz', 'xml', 'xsl', 'xslt',
  // Macro-enabled Office documents and templates
  'docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm',
]);

/** Every extension that names a type we know: a declared one of these must agree with the content. */
export const KNOWN_EXTENSIONS: ReadonlySet<string> = new Set(Object.values(ALLOWED_TYPES).flatMap((type) => type.accepts));
