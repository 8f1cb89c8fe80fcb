import sharp from 'sharp';
import { ValidationFailed } from '../../core/errors/domain-error.js';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Re-encodes an uploaded profile photo as a square 512-px WebP. Re-encoding drops all
 * metadata (EXIF, GPS, camera, author); the original bytes are never stored.
 */
export async function processProfilePhoto(input: Buffer): Promise<Buffer> {
  try {
    return await sharp(input, { limitInputPixels: 40_000_000, failOn: 'error' })
      .rotate()
      .resize(512, 512, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw ValidationFailed([{ path: 'photo', message: 'Geen geldige afbeelding / Not a valid image' }], 'The file is not a valid JPEG, PNG or WebP image.');
  }
}
