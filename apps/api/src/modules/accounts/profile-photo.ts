import { reencodeImage } from '../../core/images/uploaded-image.js';

/**
 * Re-encodes an uploaded profile photo as a square 512-px WebP. Re-encoding drops all
 * metadata (EXIF, GPS, camera, author); the original bytes are never stored.
 */
export function processProfilePhoto(input: Buffer): Promise<Buffer> {
  return reencodeImage(input, { size: 512, fit: 'cover', field: 'photo' });
}
