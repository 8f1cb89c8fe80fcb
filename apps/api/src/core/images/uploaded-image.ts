import sharp from 'sharp';
import { ValidationFailed } from '../errors/domain-error.js';

/** The image types accepted as raw upload bodies (profile photos, partner logos). */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** The largest accepted upload body (the content-type parser refuses more with 413). */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

export interface ReencodeOptions {
  /** The longest side of the result, in pixels. */
  size: number;
  /** cover: cropped to a size × size square (faces kept); contain: the whole image inside it, never enlarged. */
  fit: 'cover' | 'contain';
  /** The field named in the validation error when the bytes are not an image. */
  field: string;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * True for the bytes of a JPEG, PNG or WebP image, by signature. Checked before any decoder runs:
 * libvips picks its loader from the content, so without this it would also decode SVG (through
 * librsvg), TIFF, GIF, AVIF and whatever else it was built with, whatever the declared type.
 */
export function isAcceptedImage(input: Buffer): boolean {
  const jpeg = input.length >= 3 && input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff;
  const png = input.subarray(0, 8).equals(PNG_SIGNATURE);
  const webp = input.subarray(0, 4).toString('latin1') === 'RIFF' && input.subarray(8, 12).toString('latin1') === 'WEBP';
  return jpeg || png || webp;
}

/**
 * Re-encodes an uploaded JPEG, PNG or WebP image as WebP (transparency kept). Re-encoding drops all
 * metadata (EXIF, GPS, camera, author) and anything hidden in the original file; the original bytes
 * are never stored. Any other format is refused before it is decoded.
 */
export async function reencodeImage(input: Buffer, options: ReencodeOptions): Promise<Buffer> {
  if (!isAcceptedImage(input)) throw notAnImage(options.field);
  try {
    const image = sharp(input, { limitInputPixels: 40_000_000, failOn: 'error' }).rotate();
    const resized =
      options.fit === 'cover'
        ? image.resize(options.size, options.size, { fit: 'cover', position: 'attention' })
        : image.resize(options.size, options.size, { fit: 'inside', withoutEnlargement: true });
    return await resized.webp({ quality: 82 }).toBuffer();
  } catch {
    throw notAnImage(options.field);
  }
}

const notAnImage = (field: string) => ValidationFailed([{ path: field, message: 'Geen geldige afbeelding / Not a valid image' }], 'The file is not a valid JPEG, PNG or WebP image.');
