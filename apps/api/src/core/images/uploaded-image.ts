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

/**
 * Re-encodes an uploaded image as WebP (transparency kept). Re-encoding drops all metadata (EXIF,
 * GPS, camera, author) and anything hidden in the original file; the original bytes are never stored.
 */
export async function reencodeImage(input: Buffer, options: ReencodeOptions): Promise<Buffer> {
  try {
    const image = sharp(input, { limitInputPixels: 40_000_000, failOn: 'error' }).rotate();
    const resized =
      options.fit === 'cover'
        ? image.resize(options.size, options.size, { fit: 'cover', position: 'attention' })
        : image.resize(options.size, options.size, { fit: 'inside', withoutEnlargement: true });
    return await resized.webp({ quality: 82 }).toBuffer();
  } catch {
    throw ValidationFailed([{ path: options.field, message: 'Geen geldige afbeelding / Not a valid image' }], 'The file is not a valid JPEG, PNG or WebP image.');
  }
}
