import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isAcceptedImage, reencodeImage } from './uploaded-image.js';

const square = () => sharp({ create: { width: 24, height: 16, channels: 3, background: { r: 200, g: 40, b: 10 } } });
const options = { size: 256, fit: 'contain' as const, field: 'logo' };

describe('reencodeImage', () => {
  it('re-encodes JPEG, PNG and WebP as WebP', async () => {
    for (const bytes of [await square().jpeg().toBuffer(), await square().png().toBuffer(), await square().webp().toBuffer()]) {
      expect(isAcceptedImage(bytes)).toBe(true);
      expect((await sharp(await reencodeImage(bytes, options)).metadata()).format).toBe('webp');
    }
  });

  it('refuses every other format libvips could decode before decoding it (SVG, GIF, TIFF, AVIF were re-encoded and stored)', async () => {
    const others = {
      svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20" height="20" fill="red"/></svg>'),
      gif: await square().gif().toBuffer(),
      tiff: await square().tiff().toBuffer(),
      avif: await square().avif().toBuffer(),
    };
    for (const [format, bytes] of Object.entries(others)) {
      expect(isAcceptedImage(bytes), format).toBe(false);
      await expect(reencodeImage(bytes, options), format).rejects.toMatchObject({ status: 400, code: 'validation_failed', extra: { errors: [{ path: 'logo' }] } });
    }
  });

  it('refuses a signature followed by bytes that do not decode', async () => {
    await expect(reencodeImage(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]), options)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(reencodeImage(Buffer.alloc(0), options)).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
